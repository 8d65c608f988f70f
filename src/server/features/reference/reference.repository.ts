import type { Kysely } from 'kysely';
import type { DB, Insertable, Updateable } from '../../db/schema.ts';
import type {
  AreaView,
  CategoryView,
  FocusAreaView,
  MunicipalityView,
  OrganisationView,
  PlaceView,
} from '../../../contracts/reference.ts';

export async function listOrganisations(db: Kysely<DB>): Promise<OrganisationView[]> {
  const rows = await db.selectFrom('organisations').selectAll().orderBy('name').execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    kind: r.kind,
    active: r.active,
  }));
}

export async function listFocusAreas(db: Kysely<DB>): Promise<FocusAreaView[]> {
  const rows = await db.selectFrom('focus_areas').selectAll().orderBy('sort_order').orderBy('name').execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    color: r.color,
    active: r.active,
  }));
}

export async function listCategories(db: Kysely<DB>): Promise<CategoryView[]> {
  const rows = await db
    .selectFrom('categories as c')
    .innerJoin('focus_areas as f', 'f.id', 'c.focus_area_id')
    .select(['c.id', 'c.code', 'c.name', 'c.name_en', 'c.description', 'c.active', 'f.code as focus_area_code'])
    .orderBy('c.sort_order')
    .orderBy('c.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    description: r.description,
    focusAreaCode: r.focus_area_code,
    active: r.active,
  }));
}

export async function listAreas(db: Kysely<DB>, options: { includeInactive?: boolean } = {}): Promise<AreaView[]> {
  let query = db.selectFrom('areas').selectAll().orderBy('sort_order').orderBy('name');
  if (!options.includeInactive) query = query.where('active', '=', true);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    approximate: r.approximate,
    source: r.source,
    geometry: r.geometry,
  }));
}

export async function listPlaces(db: Kysely<DB>): Promise<PlaceView[]> {
  const rows = await db
    .selectFrom('places as p')
    .leftJoin('areas as a', 'a.id', 'p.area_id')
    .select([
      'p.id',
      'p.code',
      'p.name',
      'p.kind',
      'p.lat',
      'p.lon',
      'p.approximate',
      'p.source',
      'a.code as area_code',
    ])
    .where('p.active', '=', true)
    .orderBy('p.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    lat: r.lat,
    lon: r.lon,
    areaCode: r.area_code,
    approximate: r.approximate,
    source: r.source,
  }));
}

export async function findMunicipality(
  db: Kysely<DB>,
): Promise<Omit<MunicipalityView, 'tileUrl' | 'tileAttribution' | 'demo'> & { areaToleranceMetres: number }> {
  const r = await db.selectFrom('municipalities').selectAll().executeTakeFirstOrThrow();
  return {
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    boundary: r.boundary as GeoJSON.Polygon | GeoJSON.MultiPolygon,
    mapCenter: { lat: r.map_center_lat, lon: r.map_center_lon },
    mapZoom: r.map_zoom,
    areaToleranceMetres: r.area_tolerance_metres,
  };
}

/** The tables whose rows carry a unique `code`. */
type CodedTable = 'organisations' | 'focus_areas' | 'categories' | 'places';

/** The id of the row with this code (active or not, unless `activeOnly`), or undefined. */
export async function findIdByCode(
  db: Kysely<DB>,
  table: CodedTable,
  code: string,
  { activeOnly = false } = {},
): Promise<string | undefined> {
  let query = db.selectFrom(table).select('id').where('code', '=', code);
  if (activeOnly) query = query.where('active', '=', true);
  const row = await query.executeTakeFirst();
  return row?.id;
}

export async function insertOrganisation(db: Kysely<DB>, values: Insertable<DB['organisations']>): Promise<string> {
  const row = await db.insertInto('organisations').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function insertCategory(db: Kysely<DB>, values: Insertable<DB['categories']>): Promise<string> {
  const row = await db.insertInto('categories').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function insertPlace(db: Kysely<DB>, values: Insertable<DB['places']>): Promise<string> {
  const row = await db.insertInto('places').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateOrganisation(db: Kysely<DB>, id: string, changes: Updateable<DB['organisations']>) {
  await db.updateTable('organisations').set(changes).where('id', '=', id).execute();
}

export async function updateFocusArea(db: Kysely<DB>, id: string, changes: Updateable<DB['focus_areas']>) {
  await db.updateTable('focus_areas').set(changes).where('id', '=', id).execute();
}

export async function updateCategory(db: Kysely<DB>, id: string, changes: Updateable<DB['categories']>) {
  await db.updateTable('categories').set(changes).where('id', '=', id).execute();
}

/** Inserts an uploaded area, or gives the existing area with its code the new shape (and re-activates it). */
export async function upsertUploadedArea(
  db: Kysely<DB>,
  area: { code: string; name: string; geometry: unknown; sortOrder: number },
  now: Date,
) {
  const values = {
    name: area.name,
    geometry: JSON.stringify(area.geometry),
    approximate: false,
    source: 'Uploaded by admin',
    sort_order: area.sortOrder,
  };
  await db
    .insertInto('areas')
    .values({ code: area.code, ...values })
    .onConflict((oc) => oc.column('code').doUpdateSet({ ...values, active: true, updated_at: now }))
    .execute();
}

/** Retires areas (they stay on old reports). */
export async function retireAreas(db: Kysely<DB>, codes: readonly string[], now: Date) {
  if (codes.length === 0) return;
  await db
    .updateTable('areas')
    .set({ active: false, updated_at: now })
    .where('code', 'in', [...codes])
    .execute();
}

export async function updateMunicipalBoundary(db: Kysely<DB>, boundary: unknown, now: Date) {
  await db
    .updateTable('municipalities')
    .set({ boundary: JSON.stringify(boundary), updated_at: now })
    .execute();
}

/** A place by code (active or not) with its position, for features that site things at named places. */
export function findPlaceByCode(db: Kysely<DB>, code: string) {
  return db
    .selectFrom('places')
    .select(['id', 'lat', 'lon', 'approximate'])
    .where('code', '=', code)
    .executeTakeFirst();
}
