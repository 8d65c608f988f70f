import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { visibleReportsCondition } from '../reports/reports.policy.ts';

/**
 * Read-only analytics over reports for siting and evaluation (allowed by the house style for
 * read-only reporting). It applies the reports feature's own visibility rule, so a camera analysis
 * never counts a report its viewer could not open; withdrawn reports never count.
 */
export function listReportPoints(
  db: Kysely<DB>,
  actor: Actor,
  filter: { from: Date; to: Date; categoryCodes: readonly string[] },
) {
  let query = db
    .selectFrom('reports as r')
    .innerJoin('categories as c', 'c.id', 'r.category_id')
    .select(['r.id', 'r.x', 'r.y', 'r.area_id', 'r.occurred_at', 'c.code as category_code'])
    .where(visibleReportsCondition(actor))
    .where('r.status', '!=', 'withdrawn')
    .where('r.occurred_at', '>=', filter.from)
    .where('r.occurred_at', '<', filter.to);
  if (filter.categoryCodes.length > 0) query = query.where('c.code', 'in', [...filter.categoryCodes]);
  // Newest first, so the reports a proposal cites are the most recent ones.
  return query.orderBy('r.occurred_at', 'desc').execute();
}

/** Numbers of the cited reports the actor may open; the others stay unnamed. */
export function listVisibleReportNumbers(db: Kysely<DB>, actor: Actor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('reports as r')
    .select(['r.id', 'r.number'])
    .where('r.id', 'in', [...ids])
    .where(visibleReportsCondition(actor))
    .orderBy('r.number')
    .execute();
}
