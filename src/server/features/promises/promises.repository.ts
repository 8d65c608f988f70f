import type { Kysely } from 'kysely';
import type { DB, Insertable, Updateable } from '../../db/schema.ts';
import type {
  ActivityPlansTable,
  AgreementsTable,
  CommitmentActivitiesTable,
  CommitmentsTable,
} from './promises.tables.ts';

/**
 * SQL for agreements, plans, commitments and activities. Agreements and commitments are shared
 * by the whole partnership (every logged-in user reads them); who may change what is the
 * policy's business, applied by the services.
 */

export function listAgreementRows(db: Kysely<DB>) {
  return db.selectFrom('agreements').selectAll().orderBy('period_start', 'desc').execute();
}

export function findAgreementRow(db: Kysely<DB>, id: string) {
  return db.selectFrom('agreements').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findAgreementByCode(db: Kysely<DB>, code: string) {
  return db.selectFrom('agreements').select('id').where('code', '=', code).executeTakeFirst();
}

export function partiesOf(db: Kysely<DB>, agreementIds: string[]) {
  if (agreementIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('agreement_parties as ap')
    .innerJoin('organisations as o', 'o.id', 'ap.organisation_id')
    .select(['ap.agreement_id', 'o.id', 'o.code', 'o.name', 'o.kind'])
    .where('ap.agreement_id', 'in', agreementIds)
    .orderBy('o.name')
    .execute();
}

export function focusAreasOf(db: Kysely<DB>, agreementIds: string[]) {
  if (agreementIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('agreement_focus_areas as af')
    .innerJoin('focus_areas as f', 'f.id', 'af.focus_area_id')
    .select(['af.agreement_id', 'f.code', 'f.name'])
    .where('af.agreement_id', 'in', agreementIds)
    .orderBy('f.sort_order')
    .execute();
}

export function plansOf(db: Kysely<DB>, agreementIds: string[]) {
  if (agreementIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('activity_plans as p')
    .innerJoin('focus_areas as f', 'f.id', 'p.focus_area_id')
    .select(['p.id', 'p.agreement_id', 'p.title', 'p.period_start', 'p.period_end', 'f.code as focus_area_code'])
    .where('p.agreement_id', 'in', agreementIds)
    .orderBy('p.period_start')
    .orderBy('f.sort_order')
    .execute();
}

export interface CommitmentFilter {
  ids?: string[] | undefined;
  agreementId?: string | undefined;
  promisesOnly?: boolean | undefined;
  /** Commitments whose period overlaps the calendar year. */
  year?: number | undefined;
  ownedBy?: string | undefined;
}

export type CommitmentRow = Awaited<ReturnType<typeof listCommitmentRows>>[number];

export function listCommitmentRows(db: Kysely<DB>, filter: CommitmentFilter) {
  let query = db
    .selectFrom('commitments as c')
    .innerJoin('focus_areas as f', 'f.id', 'c.focus_area_id')
    .selectAll('c')
    .select(['f.code as focus_area_code', 'f.name as focus_area_name', 'f.sort_order as focus_area_order']);
  if (filter.ids)
    query = query.where('c.id', 'in', filter.ids.length ? filter.ids : ['00000000-0000-0000-0000-000000000000']);
  if (filter.agreementId) query = query.where('c.agreement_id', '=', filter.agreementId);
  if (filter.promisesOnly) query = query.where('c.is_promise', '=', true);
  if (filter.year !== undefined) {
    query = query
      .where('c.period_start', '<=', `${filter.year}-12-31`)
      .where('c.period_end', '>=', `${filter.year}-01-01`);
  }
  if (filter.ownedBy) {
    const ownedBy = filter.ownedBy;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('commitment_owners as co')
          .select('co.commitment_id')
          .whereRef('co.commitment_id', '=', 'c.id')
          .where('co.organisation_id', '=', ownedBy),
      ),
    );
  }
  return query.orderBy('c.period_start', 'desc').orderBy('f.sort_order').orderBy('c.code').execute();
}

export function ownersOf(db: Kysely<DB>, commitmentIds: string[]) {
  if (commitmentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('commitment_owners as co')
    .innerJoin('organisations as o', 'o.id', 'co.organisation_id')
    .select(['co.commitment_id', 'o.id', 'o.code', 'o.name', 'o.kind'])
    .where('co.commitment_id', 'in', commitmentIds)
    .orderBy('o.name')
    .execute();
}

export function placesOf(db: Kysely<DB>, commitmentIds: string[]) {
  if (commitmentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('commitment_places as cp')
    .innerJoin('places as p', 'p.id', 'cp.place_id')
    .select(['cp.commitment_id', 'p.id', 'p.code', 'p.name', 'p.area_id', 'cp.active_from', 'cp.active_to'])
    .where('cp.commitment_id', 'in', commitmentIds)
    .orderBy('p.name')
    .execute();
}

/** The facts progress is computed from: date, place, when it was logged, evidence. */
export function activityFactsOf(db: Kysely<DB>, commitmentIds: string[]) {
  if (commitmentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('commitment_activities as a')
    .leftJoin('places as p', 'p.id', 'a.place_id')
    .select(['a.commitment_id', 'a.occurred_on', 'p.code as place_code', 'a.created_at', 'a.evidence'])
    .where('a.commitment_id', 'in', commitmentIds)
    .where('a.withdrawn_at', 'is', null)
    .execute();
}

export function listActivityRows(db: Kysely<DB>, commitmentId: string, limit: number) {
  return db
    .selectFrom('commitment_activities as a')
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .innerJoin('users as u', 'u.id', 'a.logged_by')
    .leftJoin('places as p', 'p.id', 'a.place_id')
    .selectAll('a')
    .select(['o.name as organisation_name', 'u.name as logged_by_name', 'p.code as place_code', 'p.name as place_name'])
    .where('a.commitment_id', '=', commitmentId)
    .where('a.withdrawn_at', 'is', null)
    .orderBy('a.occurred_on', 'desc')
    .orderBy('a.created_at', 'desc')
    .limit(limit)
    .execute();
}

export async function insertActivities(
  db: Kysely<DB>,
  rows: Insertable<CommitmentActivitiesTable>[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await db.insertInto('commitment_activities').values(rows).returning('id').execute();
  return inserted.map((r) => r.id);
}

export async function insertCommitment(db: Kysely<DB>, values: Insertable<CommitmentsTable>): Promise<string> {
  return (await db.insertInto('commitments').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export function findByCodes(db: Kysely<DB>, table: 'organisations' | 'focus_areas' | 'places', codes: string[]) {
  if (codes.length === 0) return Promise.resolve([] as { id: string; code: string }[]);
  return db.selectFrom(table).select(['id', 'code']).where('code', 'in', codes).where('active', '=', true).execute();
}

export function findCommitmentCodes(db: Kysely<DB>, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([] as { id: string; code: string }[]);
  return db.selectFrom('commitments').select(['id', 'code']).where('code', 'in', codes).execute();
}

export function placesByCodeOrName(db: Kysely<DB>) {
  return db.selectFrom('places').select(['id', 'code', 'name']).where('active', '=', true).execute();
}

export function findActivityRow(db: Kysely<DB>, id: string) {
  return db.selectFrom('commitment_activities').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Withdraws a live activity; false when it was withdrawn meanwhile. */
export async function withdrawActivity(db: Kysely<DB>, id: string, by: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('commitment_activities')
    .set({ withdrawn_at: at, withdrawn_by: by })
    .where('id', '=', id)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function findPlanRow(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('activity_plans as p')
    .innerJoin('focus_areas as f', 'f.id', 'p.focus_area_id')
    .select(['p.id', 'p.agreement_id', 'p.title', 'p.period_start', 'p.period_end', 'f.code as focus_area_code'])
    .where('p.id', '=', id)
    .executeTakeFirst();
}

/** Locks an agreement row until the transaction ends, so two edits of it run one after the other. */
export function lockAgreement(db: Kysely<DB>, id: string) {
  return db.selectFrom('agreements').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Locks a commitment row until the transaction ends, so two edits of it run one after the other. */
export function lockCommitment(db: Kysely<DB>, id: string) {
  return db.selectFrom('commitments').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
}

export function updateAgreement(db: Kysely<DB>, id: string, values: Updateable<AgreementsTable>) {
  return db.updateTable('agreements').set(values).where('id', '=', id).execute();
}

export async function insertAgreement(db: Kysely<DB>, values: Insertable<AgreementsTable>): Promise<string> {
  return (await db.insertInto('agreements').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertPlan(db: Kysely<DB>, values: Insertable<ActivityPlansTable>): Promise<string> {
  return (await db.insertInto('activity_plans').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertAgreementParties(db: Kysely<DB>, agreementId: string, organisationIds: string[]) {
  if (organisationIds.length === 0) return;
  await db
    .insertInto('agreement_parties')
    .values(organisationIds.map((id) => ({ agreement_id: agreementId, organisation_id: id })))
    .execute();
}

export async function insertAgreementFocusAreas(db: Kysely<DB>, agreementId: string, focusAreaIds: string[]) {
  if (focusAreaIds.length === 0) return;
  await db
    .insertInto('agreement_focus_areas')
    .values(focusAreaIds.map((id) => ({ agreement_id: agreementId, focus_area_id: id })))
    .execute();
}

export async function replaceAgreementParties(db: Kysely<DB>, agreementId: string, organisationIds: string[]) {
  await db.deleteFrom('agreement_parties').where('agreement_id', '=', agreementId).execute();
  await insertAgreementParties(db, agreementId, organisationIds);
}

export async function replaceAgreementFocusAreas(db: Kysely<DB>, agreementId: string, focusAreaIds: string[]) {
  await db.deleteFrom('agreement_focus_areas').where('agreement_id', '=', agreementId).execute();
  await insertAgreementFocusAreas(db, agreementId, focusAreaIds);
}

/** Plans of an agreement that do not lie within [start, end]. */
export function plansOutside(db: Kysely<DB>, agreementId: string, start: string, end: string) {
  return db
    .selectFrom('activity_plans')
    .select(['id', 'title', 'period_start', 'period_end'])
    .where('agreement_id', '=', agreementId)
    .where((eb) => eb.or([eb('period_start', '<', start), eb('period_end', '>', end)]))
    .orderBy('period_start')
    .execute();
}

/** Commitments of an agreement that do not lie within [start, end]. */
export function commitmentsOutside(db: Kysely<DB>, agreementId: string, start: string, end: string) {
  return db
    .selectFrom('commitments')
    .select(['id', 'code', 'title', 'period_start', 'period_end'])
    .where('agreement_id', '=', agreementId)
    .where((eb) => eb.or([eb('period_start', '<', start), eb('period_end', '>', end)]))
    .orderBy('period_start')
    .orderBy('code')
    .execute();
}

export function updatePlan(db: Kysely<DB>, id: string, values: Updateable<ActivityPlansTable>) {
  return db.updateTable('activity_plans').set(values).where('id', '=', id).execute();
}

export function updateCommitment(db: Kysely<DB>, id: string, values: Updateable<CommitmentsTable>) {
  return db.updateTable('commitments').set(values).where('id', '=', id).execute();
}

export async function insertCommitmentOwners(db: Kysely<DB>, commitmentId: string, organisationIds: string[]) {
  if (organisationIds.length === 0) return;
  await db
    .insertInto('commitment_owners')
    .values(organisationIds.map((id) => ({ commitment_id: commitmentId, organisation_id: id })))
    .execute();
}

export interface CommitmentPlace {
  placeId: string;
  from: string | null;
  to: string | null;
}

export async function insertCommitmentPlaces(db: Kysely<DB>, commitmentId: string, places: CommitmentPlace[]) {
  if (places.length === 0) return;
  await db
    .insertInto('commitment_places')
    .values(
      places.map((p) => ({ commitment_id: commitmentId, place_id: p.placeId, active_from: p.from, active_to: p.to })),
    )
    .execute();
}

export async function replaceCommitmentOwners(db: Kysely<DB>, commitmentId: string, organisationIds: string[]) {
  await db.deleteFrom('commitment_owners').where('commitment_id', '=', commitmentId).execute();
  await insertCommitmentOwners(db, commitmentId, organisationIds);
}

export async function replaceCommitmentPlaces(db: Kysely<DB>, commitmentId: string, places: CommitmentPlace[]) {
  await db.deleteFrom('commitment_places').where('commitment_id', '=', commitmentId).execute();
  await insertCommitmentPlaces(db, commitmentId, places);
}

/** Every live (not withdrawn) activity of a commitment: date and place, what progress counts. */
export function liveActivitiesOf(db: Kysely<DB>, commitmentId: string) {
  return db
    .selectFrom('commitment_activities as a')
    .leftJoin('places as p', 'p.id', 'a.place_id')
    .select(['a.id', 'a.occurred_on', 'p.code as place_code'])
    .where('a.commitment_id', '=', commitmentId)
    .where('a.withdrawn_at', 'is', null)
    .orderBy('a.occurred_on')
    .execute();
}
