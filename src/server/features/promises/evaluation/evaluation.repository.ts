import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { Actor } from '../../../platform/actor.ts';
import { visibleReportsCondition } from '../../reports/reports.policy.ts';

/**
 * Read-only context queries over Samtrygg's own reports (the situational-picture kind of read the
 * style guide allows a feature to have): reports per area in a date range that the viewer may see
 * (restricted reports only for those who see them, so no count reveals them), withdrawn ones left out.
 */
export async function countReportsByArea(
  db: Kysely<DB>,
  actor: Actor,
  areaIds: string[],
  from: Date,
  to: Date,
): Promise<Map<string, number>> {
  if (areaIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('reports as r')
    .select(['r.area_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('r.area_id', 'in', areaIds)
    .where('r.status', '!=', 'withdrawn')
    .where(visibleReportsCondition(actor))
    .where('r.occurred_at', '>=', from)
    .where('r.occurred_at', '<', to)
    .groupBy('r.area_id')
    .execute();
  return new Map(rows.map((r) => [r.area_id, Number(r.n)]));
}

export function areasByIds(db: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('areas').select(['id', 'code', 'name']).where('id', 'in', ids).orderBy('sort_order').execute();
}

export function assessmentsOf(db: Kysely<DB>, commitmentIds: string[]) {
  if (commitmentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('commitment_assessments as a')
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .select(['a.commitment_id', 'a.assessment', 'o.code', 'o.name'])
    .where('a.commitment_id', 'in', commitmentIds)
    .orderBy('o.name')
    .execute();
}

export function upsertAssessment(
  db: Kysely<DB>,
  values: { commitmentId: string; organisationId: string; assessment: string; userId: string; at: Date },
) {
  return db
    .insertInto('commitment_assessments')
    .values({
      commitment_id: values.commitmentId,
      organisation_id: values.organisationId,
      assessment: values.assessment,
      updated_by: values.userId,
      updated_at: values.at,
    })
    .onConflict((oc) =>
      oc
        .columns(['commitment_id', 'organisation_id'])
        .doUpdateSet({ assessment: values.assessment, updated_by: values.userId, updated_at: values.at }),
    )
    .execute();
}
