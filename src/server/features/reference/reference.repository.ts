import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
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
