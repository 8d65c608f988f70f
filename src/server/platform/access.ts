import type { Actor } from './actor.ts';
import type { Role } from './platform.tables.ts';
import { ForbiddenError } from './errors.ts';

/** Throws FORBIDDEN unless the actor has one of the roles. Used for endpoints, not records. */
export function requireRole(actor: Actor, roles: readonly Role[]): void {
  if (!roles.includes(actor.role)) throw new ForbiddenError(`Requires role ${roles.join(' or ')}`);
}

export const isAdmin = (actor: Actor) => actor.role === 'admin';
export const isCoordinator = (actor: Actor) => actor.role === 'samordnare' || actor.role === 'admin';
export const isPolice = (actor: Actor) => actor.organisationKind === 'police';
