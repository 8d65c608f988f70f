import { sql, type Kysely } from 'kysely';
import type { DB, Insertable, Updateable } from '../../db/schema.ts';
import type {
  CameraDisclosuresTable,
  CameraInspectionsTable,
  CameraLegalBasesTable,
  CameraSiteStatus,
  CameraSitesTable,
} from './cameras.tables.ts';

/** `date` columns come back as YYYY-MM-DD text, never as a Date shifted by the server's time zone. */
const dateText = (column: string) => sql<string>`${sql.ref(column)}::text`;
const nullableDateText = (column: string) => sql<string | null>`${sql.ref(column)}::text`;

function siteQuery(db: Kysely<DB>) {
  return db
    .selectFrom('camera_sites as s')
    .innerJoin('areas as a', 'a.id', 's.area_id')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .leftJoin('places as p', 'p.id', 's.place_id')
    .leftJoin('focus_areas as f', 'f.id', 's.focus_area_id')
    .leftJoin('camera_legal_bases as lb', 'lb.site_id', 's.id')
    .select([
      's.id',
      's.name',
      's.lat',
      's.lon',
      's.x',
      's.y',
      's.position_approximate',
      's.field_of_view',
      's.organisation_id',
      's.camera_count',
      's.camera_type',
      's.purpose',
      's.motivation',
      's.motivating_report_ids',
      's.status',
      's.operating_hours',
      's.retention_days',
      's.signage',
      's.responsible_name',
      's.responsible_user_id',
      nullableDateText('s.installed_on').as('installed_on'),
      nullableDateText('s.decommissioned_on').as('decommissioned_on'),
      's.created_at',
      's.updated_at',
      'a.code as area_code',
      'a.name as area_name',
      'o.code as organisation_code',
      'o.name as organisation_name',
      'p.code as place_code',
      'f.code as focus_area_code',
      'lb.kind as basis_kind',
      nullableDateText('lb.decided_on').as('basis_decided_on'),
      nullableDateText('lb.review_on').as('basis_review_on'),
      'lb.reference as basis_reference',
      'lb.conditions as basis_conditions',
      'lb.balancing as basis_balancing',
      'lb.dpia as basis_dpia',
      'lb.updated_at as basis_updated_at',
    ]);
}

export type SiteRow = NonNullable<Awaited<ReturnType<typeof findSiteById>>>;

export function findSiteById(db: Kysely<DB>, id: string) {
  return siteQuery(db).where('s.id', '=', id).executeTakeFirst();
}

/** The whole register: it is shared by the partnership (see cameras.policy.ts), so no organisation scope. */
export function listSites(db: Kysely<DB>) {
  return siteQuery(db).orderBy('s.name').orderBy('s.id').execute();
}

/** Sites that are not decommissioned, with their status, for siting's coverage and reasons. */
export function listActiveSitePositions(db: Kysely<DB>) {
  return db
    .selectFrom('camera_sites')
    .select(['id', 'name', 'status', 'x', 'y'])
    .where('status', '!=', 'decommissioned')
    .execute();
}

export async function insertSite(db: Kysely<DB>, values: Insertable<CameraSitesTable>): Promise<string> {
  const row = await db.insertInto('camera_sites').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Updates a site; `expectStatus` guards against a concurrent status change. Returns whether it matched. */
export async function updateSite(
  db: Kysely<DB>,
  id: string,
  values: Updateable<CameraSitesTable>,
  expectStatus?: CameraSiteStatus,
) {
  let query = db.updateTable('camera_sites').set(values).where('id', '=', id);
  if (expectStatus) query = query.where('status', '=', expectStatus);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function upsertLegalBasis(db: Kysely<DB>, values: Insertable<CameraLegalBasesTable>): Promise<void> {
  await db
    .insertInto('camera_legal_bases')
    .values(values)
    .onConflict((oc) =>
      oc.column('site_id').doUpdateSet({
        kind: values.kind,
        decided_on: values.decided_on,
        review_on: values.review_on ?? null,
        reference: values.reference ?? '',
        conditions: values.conditions ?? '',
        balancing: values.balancing ?? null,
        dpia: values.dpia ?? null,
        recorded_by: values.recorded_by,
        updated_at: values.updated_at ?? new Date(),
      }),
    )
    .execute();
}

export function listInspections(db: Kysely<DB>, siteId: string) {
  return db
    .selectFrom('camera_inspections as i')
    .innerJoin('users as u', 'u.id', 'i.recorded_by')
    .select([
      'i.id',
      'i.kind',
      dateText('i.occurred_on').as('occurred_on'),
      'i.working',
      'i.masking_correct',
      'i.signs_present',
      'i.note',
      nullableDateText('i.resolved_on').as('resolved_on'),
      'i.created_at',
      'u.name as recorded_by_name',
    ])
    .where('i.site_id', '=', siteId)
    .orderBy('i.occurred_on', 'desc')
    .orderBy('i.created_at', 'desc')
    .execute();
}

export async function insertInspection(db: Kysely<DB>, values: Insertable<CameraInspectionsTable>): Promise<string> {
  const row = await db.insertInto('camera_inspections').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Marks an open fault resolved; returns whether an open fault of the site matched. */
export async function resolveFault(
  db: Kysely<DB>,
  siteId: string,
  entryId: string,
  resolvedOn: string,
): Promise<boolean> {
  const result = await db
    .updateTable('camera_inspections')
    .set({ resolved_on: resolvedOn })
    .where('id', '=', entryId)
    .where('site_id', '=', siteId)
    .where('kind', '=', 'fault')
    .where('resolved_on', 'is', null)
    .where(sql<boolean>`occurred_on <= ${resolvedOn}::date`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function listDisclosures(db: Kysely<DB>, siteId: string) {
  return db
    .selectFrom('camera_disclosures as d')
    .innerJoin('users as u', 'u.id', 'd.logged_by')
    .select([
      'd.id',
      'd.recipient',
      'd.case_reference',
      'd.recording_from',
      'd.recording_to',
      'd.released_at',
      'd.released_by_name',
      'd.created_at',
      'u.name as logged_by_name',
    ])
    .where('d.site_id', '=', siteId)
    .orderBy('d.released_at', 'desc')
    .execute();
}

export async function insertDisclosure(db: Kysely<DB>, values: Insertable<CameraDisclosuresTable>): Promise<string> {
  const row = await db.insertInto('camera_disclosures').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}
