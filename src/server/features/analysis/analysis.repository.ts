import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { visibleReportsCondition } from '../reports/reports.policy.ts';

/** Which reports an analysis reads; categories already resolved to ids by the service. */
export interface EventFilter {
  from: Date;
  /** Exclusive. */
  to: Date;
  /** Null: every category. */
  categoryIds: readonly string[] | null;
}

/** Projected positions (SWEREF 99 TM metres) and times, as the engine wants them. */
export interface EventPoints {
  x: Float64Array;
  y: Float64Array;
  occurredAt: Date[];
  /** The named place a report was filed at, if any. */
  placeId: (string | null)[];
}

/**
 * Reports the actor may see in the period, never withdrawn ones (their author took them back, so
 * they are not evidence of anything, even for the coordinators who can still open them).
 */
export async function findVisibleEventPoints(db: Kysely<DB>, actor: Actor, filter: EventFilter): Promise<EventPoints> {
  let query = db
    .selectFrom('reports as r')
    .select(['r.x', 'r.y', 'r.occurred_at', 'r.place_id'])
    .where(visibleReportsCondition(actor))
    .where('r.status', '!=', 'withdrawn')
    .where('r.occurred_at', '>=', filter.from)
    .where('r.occurred_at', '<', filter.to);
  if (filter.categoryIds) {
    // An empty selection (a focus area without categories) matches nothing, not everything.
    if (filter.categoryIds.length === 0)
      return { x: new Float64Array(0), y: new Float64Array(0), occurredAt: [], placeId: [] };
    query = query.where('r.category_id', 'in', filter.categoryIds);
  }
  // A stable order keeps the permutation tests' seeded output identical between runs.
  const rows = await query.orderBy('r.occurred_at').orderBy('r.number').execute();
  const x = new Float64Array(rows.length);
  const y = new Float64Array(rows.length);
  const occurredAt: Date[] = new Array(rows.length);
  const placeId: (string | null)[] = new Array(rows.length);
  rows.forEach((row, i) => {
    x[i] = row.x;
    y[i] = row.y;
    occurredAt[i] = row.occurred_at;
    placeId[i] = row.place_id;
  });
  return { x, y, occurredAt, placeId };
}
