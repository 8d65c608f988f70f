import { sql, type Kysely } from 'kysely';
import type { DB, Insertable, Updateable } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { visibleReportsCondition } from '../reports/reports.policy.ts';
import { visibleApplicationsCondition } from './fund.policy.ts';
import type { ApplicationStatus, FundApplicationsTable, FundReviewsTable } from './fund.tables.ts';

function applicationQuery(db: Kysely<DB>) {
  return db
    .selectFrom('fund_applications as fa')
    .innerJoin('organisations as o', 'o.id', 'fa.organisation_id')
    .selectAll('fa')
    .select(['o.code as organisation_code', 'o.name as organisation_name']);
}
export type ApplicationRow = NonNullable<Awaited<ReturnType<typeof findApplicationById>>>;

export function findApplicationById(db: Kysely<DB>, id: string) {
  return applicationQuery(db).where('fa.id', '=', id).executeTakeFirst();
}

/** The codes of the application's focus areas, areas and places. */
export async function findApplicationCodes(db: Kysely<DB>, id: string) {
  const [focusAreas, areas, places] = await Promise.all([
    db
      .selectFrom('fund_application_focus_areas as x')
      .innerJoin('focus_areas as f', 'f.id', 'x.focus_area_id')
      .select('f.code')
      .where('x.application_id', '=', id)
      .orderBy('f.sort_order')
      .execute(),
    db
      .selectFrom('fund_application_areas as x')
      .innerJoin('areas as a', 'a.id', 'x.area_id')
      .select('a.code')
      .where('x.application_id', '=', id)
      .orderBy('a.sort_order')
      .execute(),
    db
      .selectFrom('fund_application_places as x')
      .innerJoin('places as p', 'p.id', 'x.place_id')
      .select('p.code')
      .where('x.application_id', '=', id)
      .orderBy('p.code')
      .execute(),
  ]);
  return {
    focusAreaCodes: focusAreas.map((r) => r.code),
    areaCodes: areas.map((r) => r.code),
    placeCodes: places.map((r) => r.code),
  };
}

/** Ids for reference codes; `missing` lists the codes that name nothing active. */
export async function resolveCodes(
  db: Kysely<DB>,
  table: 'focus_areas' | 'areas' | 'places',
  codes: readonly string[],
) {
  if (codes.length === 0) return { ids: [] as string[], missing: [] as string[] };
  const rows = await db
    .selectFrom(table)
    .select(['id', 'code'])
    .where('code', 'in', [...codes])
    .where('active', '=', true)
    .execute();
  const byCode = new Map(rows.map((r) => [r.code, r.id]));
  return {
    ids: [...new Set(codes)].flatMap((c) => (byCode.has(c) ? [byCode.get(c)!] : [])),
    missing: codes.filter((c) => !byCode.has(c)),
  };
}

export async function insertApplication(db: Kysely<DB>, values: Insertable<FundApplicationsTable>): Promise<string> {
  const row = await db.insertInto('fund_applications').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Updates a draft; returns false when the application is no longer a draft (frozen meanwhile). */
export async function updateDraft(
  db: Kysely<DB>,
  id: string,
  values: Updateable<FundApplicationsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('fund_applications')
    .set(values)
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function replaceLinks(
  db: Kysely<DB>,
  id: string,
  links: { focusAreaIds: string[]; areaIds: string[]; placeIds: string[] },
) {
  await db.deleteFrom('fund_application_focus_areas').where('application_id', '=', id).execute();
  await db.deleteFrom('fund_application_areas').where('application_id', '=', id).execute();
  await db.deleteFrom('fund_application_places').where('application_id', '=', id).execute();
  if (links.focusAreaIds.length)
    await db
      .insertInto('fund_application_focus_areas')
      .values(links.focusAreaIds.map((focus_area_id) => ({ application_id: id, focus_area_id })))
      .execute();
  if (links.areaIds.length)
    await db
      .insertInto('fund_application_areas')
      .values(links.areaIds.map((area_id) => ({ application_id: id, area_id })))
      .execute();
  if (links.placeIds.length)
    await db
      .insertInto('fund_application_places')
      .values(links.placeIds.map((place_id) => ({ application_id: id, place_id })))
      .execute();
}

/** Moves the application from one of `from` to `to` in one guarded statement; false when it had moved on. */
export async function moveStatus(
  db: Kysely<DB>,
  id: string,
  from: readonly ApplicationStatus[],
  to: ApplicationStatus,
  now: Date,
  extra: Updateable<FundApplicationsTable> = {},
): Promise<boolean> {
  const result = await db
    .updateTable('fund_applications')
    .set({ ...extra, status: to, updated_at: now })
    .where('id', '=', id)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listVisibleApplications(
  db: Kysely<DB>,
  actor: Actor,
  filter: { year?: number | undefined; status?: ApplicationStatus | undefined },
  today: string,
) {
  let query = applicationQuery(db)
    .leftJoin('fund_decisions as d', 'd.application_id', 'fa.id')
    .where(visibleApplicationsCondition(actor))
    .select((eb) => [
      'd.granted_ore',
      'd.outcome',
      eb
        .selectFrom('fund_follow_ups as fu')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('fu.application_id', '=', 'fa.id')
        .where('fu.reported_at', 'is', null)
        .where('fu.due_on', '<', sql<string>`${today}::date`)
        .as('overdue'),
    ]);
  if (filter.year) query = query.where('fa.year', '=', filter.year);
  if (filter.status) query = query.where('fa.status', '=', filter.status);
  return query.orderBy('fa.updated_at', 'desc').orderBy('fa.number', 'desc').limit(500).execute();
}

export function listReviews(db: Kysely<DB>, applicationId: string) {
  return db
    .selectFrom('fund_reviews as r')
    .innerJoin('users as u', 'u.id', 'r.reviewer_id')
    .selectAll('r')
    .select('u.name as reviewer_name')
    .where('r.application_id', '=', applicationId)
    .orderBy('r.assigned_at')
    .execute();
}

/** Assigns a reviewer; false when already assigned. */
export async function insertReview(db: Kysely<DB>, values: Insertable<FundReviewsTable>): Promise<boolean> {
  const rows = await db
    .insertInto('fund_reviews')
    .values(values)
    .onConflict((oc) => oc.columns(['application_id', 'reviewer_id']).doNothing())
    .returning('id')
    .execute();
  return rows.length === 1;
}

export async function updateReview(
  db: Kysely<DB>,
  applicationId: string,
  reviewerId: string,
  values: Updateable<FundReviewsTable>,
) {
  await db
    .updateTable('fund_reviews')
    .set(values)
    .where('application_id', '=', applicationId)
    .where('reviewer_id', '=', reviewerId)
    .execute();
}

export function findDecision(db: Kysely<DB>, applicationId: string) {
  return db
    .selectFrom('fund_decisions as d')
    .leftJoin('fund_pots as p', 'p.id', 'd.pot_id')
    .selectAll('d')
    .select('p.name as pot_name')
    .where('d.application_id', '=', applicationId)
    .executeTakeFirst();
}

export function listFollowUps(db: Kysely<DB>, applicationId: string) {
  return db
    .selectFrom('fund_follow_ups')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('due_on')
    .execute();
}

export async function insertNotification(
  db: Kysely<DB>,
  values: { organisation_id: string; application_id: string; kind: string; message: string },
) {
  await db.insertInto('fund_notifications').values(values).execute();
}

export function listNotifications(db: Kysely<DB>, organisationId: string) {
  return db
    .selectFrom('fund_notifications')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at', 'desc')
    .limit(100)
    .execute();
}

/** Officials who may review: active users of the municipality organisation (and admins). */
export function listReviewerCandidates(db: Kysely<DB>) {
  return db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.name', 'u.role', 'u.active', 'o.name as organisation_name', 'o.kind as organisation_kind'])
    .where('u.active', '=', true)
    .where((eb) =>
      eb.or([
        eb('u.role', '=', 'admin'),
        eb.and([eb('o.kind', '=', 'municipality'), eb('u.role', 'in', ['samordnare', 'rapportor'])]),
      ]),
    )
    .orderBy('u.name')
    .execute();
}

export function findUserForReview(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.role', 'u.active', 'o.kind as organisation_kind'])
    .where('u.id', '=', userId)
    .executeTakeFirst();
}

/** Locks the application's row until the transaction ends: reviews, decisions and payments on one application queue. */
export function lockApplication(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('fund_applications')
    .select(['id', 'status', 'organisation_id', 'requested_ore', 'paid_ore', 'year', 'title'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function insertDecision(db: Kysely<DB>, values: Insertable<DB['fund_decisions']>) {
  await db.insertInto('fund_decisions').values(values).execute();
}

export async function insertFollowUps(db: Kysely<DB>, applicationId: string, dates: readonly string[]) {
  if (dates.length === 0) return;
  await db
    .insertInto('fund_follow_ups')
    .values([...new Set(dates)].map((due_on) => ({ application_id: applicationId, due_on, indicator_results: '[]' })))
    .execute();
}

/** Records a follow-up report once; false when it was already reported or does not belong to the application. */
export async function reportFollowUp(
  db: Kysely<DB>,
  applicationId: string,
  followUpId: string,
  values: Updateable<DB['fund_follow_ups']>,
): Promise<boolean> {
  const result = await db
    .updateTable('fund_follow_ups')
    .set(values)
    .where('id', '=', followUpId)
    .where('application_id', '=', applicationId)
    .where('reported_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertPayment(db: Kysely<DB>, values: Insertable<DB['fund_payments']>) {
  await db.insertInto('fund_payments').values(values).execute();
  await db
    .updateTable('fund_applications')
    .set((eb) => ({ paid_ore: eb('paid_ore', '+', values.amount_ore) }))
    .where('id', '=', values.application_id)
    .execute();
}

/** Which of the given report ids exist and are visible to the actor (restricted ones only for those who see them). */
export async function visibleReportIds(db: Kysely<DB>, actor: Actor, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('reports as r')
    .select('r.id')
    .where('r.id', 'in', [...ids])
    .where(visibleReportsCondition(actor))
    .execute();
  return new Set(rows.map((r) => r.id));
}
