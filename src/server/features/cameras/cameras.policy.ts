import type { Actor } from '../../platform/actor.ts';
import { isAdmin, isCoordinator } from '../../platform/access.ts';

/**
 * Who does what in the camera register:
 * - everyone logged in reads the register and the map: the sites are signposted in public anyway;
 * - coordinators (samordnare) and admins propose sites, for their own organisation (admins for any);
 * - a site is managed (edited, moved through its statuses, given a legal basis, inspected) by an
 *   admin, by a samordnare of the owning organisation, or by the user named as the site's camera
 *   responsible (`responsible_user_id`), who may belong to a contractor;
 * - the same three, and nobody else, see and keep the footage disclosure log. Everyone else gets
 *   404 for it, as if it did not exist. The police receive footage; they do not read the log.
 */
export interface SiteOwnership {
  organisationId: string;
  responsibleUserId: string | null;
}

export const canProposeSites = (actor: Actor) => isCoordinator(actor);

export function canManageSite(actor: Actor, site: SiteOwnership): boolean {
  if (isAdmin(actor)) return true;
  if (site.responsibleUserId === actor.userId) return true;
  return actor.role === 'samordnare' && actor.organisationId === site.organisationId;
}

/** Naming the camera responsible hands out the disclosure log: the responsible cannot pass it on. */
export function canNameResponsible(actor: Actor, site: SiteOwnership): boolean {
  return isAdmin(actor) || (actor.role === 'samordnare' && actor.organisationId === site.organisationId);
}

export const canSeeDisclosures = canManageSite;
export const canLogDisclosures = canManageSite;
