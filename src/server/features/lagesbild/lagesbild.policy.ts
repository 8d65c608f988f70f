import type { Actor } from '../../platform/actor.ts';
import { isCoordinator } from '../../platform/access.ts';
import { seesAllReports } from '../reports/reports.policy.ts';
import type { Audience } from './lagesbild.repository.ts';

/** Coordinators (samordnare, admin) assess, summarise and publish; everyone logged in reads. */
export const canEditPicture = (actor: Actor) => isCoordinator(actor);

/** A published snapshot exists for two audiences; restricted reports reach only those who see all. */
export const snapshotAudience = (actor: Actor): 'full' | 'partnership' =>
  seesAllReports(actor) ? 'full' : 'partnership';

/** A live picture follows the viewer's own visibility, exactly as the report list does. */
export const liveAudience = (actor: Actor): Audience =>
  seesAllReports(actor) ? { kind: 'full' } : { kind: 'actor', actor };
