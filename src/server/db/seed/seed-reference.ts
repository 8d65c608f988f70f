import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import { createAreaLocator } from '../../features/reference/geo/area-assignment.ts';
import type { SeedPack } from './seed-pack.ts';

/**
 * Seeds the municipality's reference data from its pack, once: when the municipality row
 * is missing. Later starts leave admin edits alone. Returns whether it seeded.
 */
export async function seedReferenceData(db: Kysely<DB>, pack: SeedPack): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('municipalities').select('id').executeTakeFirst();
    if (existing) return false;

    const m = pack.municipality;
    await trx
      .insertInto('municipalities')
      .values({
        code: m.code,
        name: m.name,
        short_name: m.shortName,
        seed_pack: pack.name,
        boundary: JSON.stringify(pack.boundary),
        map_center_lat: m.mapCenter.lat,
        map_center_lon: m.mapCenter.lon,
        map_zoom: m.mapZoom,
        area_tolerance_metres: m.areaToleranceMetres,
      })
      .execute();

    if (pack.organisations.length > 0) {
      await trx
        .insertInto('organisations')
        .values(pack.organisations.map((o) => ({ code: o.code, name: o.name, short_name: o.shortName, kind: o.kind })))
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
    }

    const focusAreaIds = new Map<string, string>();
    for (const [index, f] of pack.focusAreas.entries()) {
      const row = await trx
        .insertInto('focus_areas')
        .values({ code: f.code, name: f.name, name_en: f.nameEn, color: f.color, sort_order: index })
        .returning('id')
        .executeTakeFirstOrThrow();
      focusAreaIds.set(f.code, row.id);
    }

    for (const [index, c] of pack.categories.entries()) {
      const focusAreaId = focusAreaIds.get(c.focusAreaCode);
      if (!focusAreaId) throw new Error(`Seed pack: category ${c.code} names unknown focus area ${c.focusAreaCode}`);
      await trx
        .insertInto('categories')
        .values({
          code: c.code,
          name: c.name,
          name_en: c.nameEn,
          description: c.description ?? '',
          focus_area_id: focusAreaId,
          sort_order: index,
        })
        .execute();
    }

    const areaIds = new Map<string, string>();
    for (const [index, a] of pack.areas.entries()) {
      const row = await trx
        .insertInto('areas')
        .values({
          code: a.code,
          name: a.name,
          geometry: JSON.stringify(a.geometry),
          approximate: a.approximate,
          source: a.source,
          sort_order: index,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      areaIds.set(a.code, row.id);
    }

    const locate = createAreaLocator(pack.areas, { toleranceMetres: m.areaToleranceMetres });
    for (const p of pack.places) {
      const located = locate({ lat: p.lat, lon: p.lon });
      await trx
        .insertInto('places')
        .values({
          code: p.code,
          name: p.name,
          kind: p.kind,
          lat: p.lat,
          lon: p.lon,
          area_id: located.kind === 'outside' ? null : (areaIds.get(located.areaCode) ?? null),
          approximate: p.approximate,
          source: p.source,
        })
        .execute();
    }
    return true;
  });
}
