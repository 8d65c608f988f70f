import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * Read queries for the year's overview and summary: aggregate, so they carry no organisation
 * scope beyond the granted projects' names, which the collaboration shares by design.
 */
export function listGrants(db: Kysely<DB>, year: number) {
  return db
    .selectFrom('fund_decisions as d')
    .innerJoin('fund_applications as fa', 'fa.id', 'd.application_id')
    .innerJoin('organisations as o', 'o.id', 'fa.organisation_id')
    .select([
      'fa.id',
      'fa.title',
      'fa.prevention_type',
      'fa.paid_ore',
      'd.granted_ore',
      'd.decided_on',
      'd.reference_number',
      'o.name as organisation_name',
    ])
    .where('fa.year', '=', year)
    .where('d.outcome', '=', 'granted')
    .orderBy('d.granted_ore', 'desc')
    .orderBy('fa.number')
    .execute();
}

export async function listGrantLinks(db: Kysely<DB>, applicationIds: readonly string[]) {
  if (applicationIds.length === 0) return { focusAreas: [], areas: [] };
  const ids = [...applicationIds];
  const [focusAreas, areas] = await Promise.all([
    db
      .selectFrom('fund_application_focus_areas as x')
      .innerJoin('focus_areas as f', 'f.id', 'x.focus_area_id')
      .select(['x.application_id', 'f.code', 'f.name'])
      .where('x.application_id', 'in', ids)
      .orderBy('f.sort_order')
      .execute(),
    db
      .selectFrom('fund_application_areas as x')
      .innerJoin('areas as a', 'a.id', 'x.area_id')
      .select(['x.application_id', 'a.code', 'a.name'])
      .where('x.application_id', 'in', ids)
      .orderBy('a.sort_order')
      .execute(),
  ]);
  return { focusAreas, areas };
}

export function listFollowUpsOf(db: Kysely<DB>, applicationIds: readonly string[]) {
  if (applicationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('fund_follow_ups as fu')
    .innerJoin('fund_applications as fa', 'fa.id', 'fu.application_id')
    .select([
      'fu.application_id',
      'fa.title',
      'fu.due_on',
      'fu.spent_ore',
      'fu.indicator_results',
      'fu.comment',
      'fu.reported_at',
    ])
    .where('fu.application_id', 'in', [...applicationIds])
    .orderBy('fu.due_on')
    .execute();
}
