import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../../db/schema.ts';
import { seedPacksDir } from '../../../db/seed/seed-pack.ts';
import { codeSchema } from '../../../../contracts/common.ts';
import { wgs84ToSweref99tm } from '../../../../analysis/projection.ts';

const cameraPackSchema = z.object({
  organisationCode: codeSchema,
  sites: z.array(
    z.object({
      code: codeSchema,
      name: z.string().min(1),
      placeCode: codeSchema,
      approximate: z.boolean(),
      positionNote: z.string(),
      focusAreaCode: codeSchema.optional(),
      purpose: z.string(),
    }),
  ),
});

const SEED_MOTIVATION =
  'Exempel ur Huddinges kända kameraplatser. Rättslig grund, installationsdatum och antal kameror är inte registrerade: komplettera från kommunens beslut innan platsen förs till installerad.';

/**
 * Seeds the pack's known camera sites (`seed-packs/<pack>/cameras.json`), once per site: a site
 * whose `seed_code` exists is left alone, so admin edits survive restarts. A pack without the file
 * seeds nothing. Returns how many sites it added.
 */
export async function seedCameraSites(db: Kysely<DB>, packName: string, dir = seedPacksDir): Promise<number> {
  const file = path.join(dir, packName, 'cameras.json');
  if (!existsSync(file)) return 0;
  const pack = cameraPackSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const organisation = await db
    .selectFrom('organisations')
    .select('id')
    .where('code', '=', pack.organisationCode)
    .executeTakeFirst();
  if (!organisation)
    throw new Error(`cameras.json: unknown organisation ${pack.organisationCode} (seed the reference data first)`);
  let added = 0;
  for (const site of pack.sites) {
    const place = await db
      .selectFrom('places')
      .select(['id', 'lat', 'lon', 'area_id'])
      .where('code', '=', site.placeCode)
      .executeTakeFirst();
    if (!place?.area_id)
      throw new Error(`cameras.json: site ${site.code} names place ${site.placeCode}, which is unknown or has no area`);
    const focusArea = site.focusAreaCode
      ? await db.selectFrom('focus_areas').select('id').where('code', '=', site.focusAreaCode).executeTakeFirst()
      : undefined;
    const result = await db
      .insertInto('camera_sites')
      .values({
        seed_code: site.code,
        name: site.name,
        lat: place.lat,
        lon: place.lon,
        ...wgs84ToSweref99tm(place.lat, place.lon),
        position_approximate: site.approximate,
        area_id: place.area_id,
        place_id: place.id,
        organisation_id: organisation.id,
        purpose: site.purpose,
        focus_area_id: focusArea?.id ?? null,
        motivation: `${SEED_MOTIVATION} Läge: ${site.positionNote}`,
        status: 'assessing',
      })
      .onConflict((oc) => oc.column('seed_code').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (result) added++;
  }
  return added;
}
