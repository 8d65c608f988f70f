import { sql, type Kysely } from 'kysely';
import type { DB, Insertable, Updateable } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { visibleReportsCondition } from '../reports/reports.policy.ts';
import type { ActionStatus } from '../../../contracts/actions.ts';
import type { ActionsTable } from './actions.tables.ts';

function actionQuery(db: Kysely<DB>) {
  return db
    .selectFrom('actions as ac')
    .innerJoin('organisations as o', 'o.id', 'ac.organisation_id')
    .leftJoin('areas as a', 'a.id', 'ac.area_id')
    .leftJoin('places as p', 'p.id', 'ac.place_id')
    .select([
      'ac.id',
      'ac.number',
      'ac.title',
      'ac.description',
      'ac.decided_week',
      'ac.area_id',
      'ac.organisation_id',
      'ac.responsible_person',
      'ac.status',
      'ac.outcome_note',
      'ac.created_at',
      'ac.updated_at',
      sql<string>`ac.due_on::text`.as('due_on'),
      'a.code as area_code',
      'a.name as area_name',
      'p.code as place_code',
      'p.name as place_name',
      'o.code as organisation_code',
      'o.name as organisation_name',
    ]);
}

export type ActionRow = Awaited<ReturnType<ReturnType<typeof actionQuery>['execute']>>[number];

export interface ActionFilter {
  decidedWeeks?: string[] | undefined;
  areaCode?: string | undefined;
  organisationCode?: string | undefined;
  status?: ActionStatus | undefined;
  open?: boolean | undefined;
  reportId?: string | undefined;
  /** Linked to any of these reports (feedback on many reports at once). */
  reportIds?: readonly string[] | undefined;
  /** Decided in one of these weeks, or still open: what a weekly picture shows, in one query. */
  decidedInOrOpen?: string[] | undefined;
}

export function findActionById(db: Kysely<DB>, id: string) {
  return actionQuery(db).where('ac.id', '=', id).executeTakeFirst();
}

/** Actions are shared with the whole partnership; only their linked reports are filtered per viewer. */
export function listActions(db: Kysely<DB>, filter: ActionFilter) {
  let query = actionQuery(db);
  if (filter.decidedWeeks)
    query = query.where('ac.decided_week', 'in', filter.decidedWeeks.length ? filter.decidedWeeks : ['']);
  if (filter.areaCode) query = query.where('a.code', '=', filter.areaCode);
  if (filter.organisationCode) query = query.where('o.code', '=', filter.organisationCode);
  if (filter.status) query = query.where('ac.status', '=', filter.status);
  if (filter.open === true) query = query.where('ac.status', 'in', ['planned', 'in-progress']);
  if (filter.open === false) query = query.where('ac.status', 'in', ['done', 'cancelled']);
  if (filter.decidedInOrOpen) {
    const weeks = filter.decidedInOrOpen;
    query = query.where((eb) =>
      eb.or([eb('ac.decided_week', 'in', weeks), eb('ac.status', 'in', ['planned', 'in-progress'])]),
    );
  }
  if (filter.reportId) {
    const reportId = filter.reportId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('action_reports as ar')
          .select('ar.action_id')
          .whereRef('ar.action_id', '=', 'ac.id')
          .where('ar.report_id', '=', reportId),
      ),
    );
  }
  if (filter.reportIds) {
    const reportIds = filter.reportIds.length ? [...filter.reportIds] : ['00000000-0000-0000-0000-000000000000'];
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('action_reports as ar')
          .select('ar.action_id')
          .whereRef('ar.action_id', '=', 'ac.id')
          .where('ar.report_id', 'in', reportIds),
      ),
    );
  }
  return query.orderBy('ac.due_on').orderBy('ac.number').limit(1000).execute();
}

export async function insertAction(db: Kysely<DB>, values: Insertable<ActionsTable>): Promise<string> {
  const row = await db.insertInto('actions').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateAction(db: Kysely<DB>, id: string, values: Updateable<ActionsTable>): Promise<void> {
  await db.updateTable('actions').set(values).where('id', '=', id).execute();
}

export async function replaceActionReports(
  db: Kysely<DB>,
  actionId: string,
  reportIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('action_reports').where('action_id', '=', actionId).execute();
  if (reportIds.length === 0) return;
  await db
    .insertInto('action_reports')
    .values([...new Set(reportIds)].map((report_id) => ({ action_id: actionId, report_id })))
    .execute();
}

/** Which of the ids name existing reports (coordinators link reports; they see all). */
export async function existingReportIds(db: Kysely<DB>, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('reports')
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Linked reports per action (id and number, in number order), only those the viewer may see. */
export async function visibleLinkedReports(
  db: Kysely<DB>,
  actor: Actor,
  actionIds: readonly string[],
): Promise<Map<string, { id: string; number: number }[]>> {
  const byAction = new Map<string, { id: string; number: number }[]>();
  if (actionIds.length === 0) return byAction;
  const rows = await db
    .selectFrom('action_reports as ar')
    .innerJoin('reports as r', 'r.id', 'ar.report_id')
    .select(['ar.action_id', 'ar.report_id', 'r.number'])
    .where('ar.action_id', 'in', [...actionIds])
    .where(visibleReportsCondition(actor))
    .orderBy('r.number')
    .execute();
  for (const row of rows) {
    const list = byAction.get(row.action_id);
    const report = { id: row.report_id, number: row.number };
    if (list) list.push(report);
    else byAction.set(row.action_id, [report]);
  }
  return byAction;
}

/** A named place and the area it lies in (null when it lies in none). */
export function findPlaceByCode(db: Kysely<DB>, code: string) {
  return db
    .selectFrom('places as p')
    .leftJoin('areas as a', 'a.id', 'p.area_id')
    .select(['p.id', 'p.area_id', 'a.code as area_code'])
    .where('p.code', '=', code)
    .executeTakeFirst();
}

export async function idByCode(
  db: Kysely<DB>,
  table: 'areas' | 'places' | 'organisations',
  code: string,
): Promise<string | undefined> {
  const row = await db.selectFrom(table).select('id').where('code', '=', code).executeTakeFirst();
  return row?.id;
}
