import type { Kysely } from 'kysely';
import type { DB } from '../../schema.ts';
import { hashPassword } from '../../../platform/auth/passwords.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { createAreaLocator } from '../../../features/reference/geo/area-assignment.ts';
import { geometryBBox } from '../../../features/reference/geo/geometry-bbox.ts';
import { wgs84ToSweref99tm } from '../../../../analysis/projection.ts';
import { listAreas, listPlaces, findMunicipality } from '../../../features/reference/reference.repository.ts';
import { generateDemoReports } from './generate-demo-reports.ts';
import { seedDemoActivities } from '../../../features/promises/seed/demo-activities.ts';

/** Shown at start-up; demo accounts exist only in a demo deployment. */
export const DEMO_PASSWORD = 'demo-samtrygg';
const DEMO_DOMAIN = 'demo.samtrygg.local';

/** One demo user per role, plus reporters in the partner organisations so reports come from all of them. */
const DEMO_USERS = [
  { local: 'admin', name: 'Demo Administratör', role: 'admin', org: 'huddinge-kommun' },
  { local: 'samordnare', name: 'Demo Samordnare', role: 'samordnare', org: 'huddinge-kommun' },
  { local: 'rapportor', name: 'Demo Rapportör (Huge)', role: 'rapportor', org: 'huge-bostader' },
  { local: 'polis', name: 'Demo Kommunpolis', role: 'rapportor', org: 'polisen-huddinge' },
  { local: 'lasare', name: 'Demo Läsare (Brandförsvaret)', role: 'lasare', org: 'sbff' },
  {
    local: 'fastighet',
    name: 'Demo Rapportör (Samhällsfastigheter)',
    role: 'rapportor',
    org: 'huddinge-samhallsfastigheter',
  },
  { local: 'trygghetsvard', name: 'Demo Trygghetsvärd (kommunen)', role: 'rapportor', org: 'huddinge-kommun' },
] as const;

export interface DemoResult {
  seeded: boolean;
  userEmails: string[];
  reports: number;
}

/**
 * Loads the clearly labelled synthetic demo data set once: demo users (named "Demo …", at
 * @demo.samtrygg.local) and a year of plausible reports. Organisations missing from the pack are skipped.
 */
export async function seedDemoData(
  db: Kysely<DB>,
  options: { now: Date; log?: (line: string) => void; weeks?: number },
): Promise<DemoResult> {
  const emails = DEMO_USERS.map((u) => `demo.${u.local}@${DEMO_DOMAIN}`);
  const existing = await db.selectFrom('users').select('id').where('email', '=', emails[0]!).executeTakeFirst();
  if (existing) return { seeded: false, userEmails: emails, reports: 0 };

  const organisations = new Map(
    (await db.selectFrom('organisations').select(['id', 'code']).execute()).map((o) => [o.code, o.id]),
  );
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const [areas, places, municipality, categories] = await Promise.all([
    listAreas(db),
    listPlaces(db),
    findMunicipality(db),
    db.selectFrom('categories').select(['id', 'code']).execute(),
  ]);
  const locate = createAreaLocator(areas, { toleranceMetres: 0 });
  const areaIds = new Map(areas.map((a) => [a.code, a.id]));
  const placeIds = new Map(places.map((p) => [p.code, p.id]));
  const categoryIds = new Map(categories.map((c) => [c.code, c.id]));
  const [minLon, minLat, maxLon, maxLat] = geometryBBox(municipality.boundary);

  let inserted = 0;
  await db.transaction().execute(async (trx) => {
    const authors: { id: string; organisationId: string }[] = [];
    for (const user of DEMO_USERS) {
      const organisationId = organisations.get(user.org);
      if (!organisationId) continue;
      const row = await trx
        .insertInto('users')
        .values({
          email: `demo.${user.local}@${DEMO_DOMAIN}`,
          name: user.name,
          role: user.role,
          organisation_id: organisationId,
          password_hash: passwordHash,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (user.role === 'rapportor' || user.role === 'samordnare') authors.push({ id: row.id, organisationId });
    }
    if (authors.length === 0) return;
    const reports = generateDemoReports({
      now: options.now,
      weeks: options.weeks ?? 52,
      seed: 2026,
      places,
      boundaryBox: { minLon, minLat, maxLon, maxLat },
      locate,
      authorCount: authors.length,
    });
    const rows = reports.flatMap((r) => {
      const categoryId = categoryIds.get(r.categoryCode);
      const areaId = areaIds.get(r.areaCode);
      if (!categoryId || !areaId) return [];
      const author = authors[r.authorIndex]!;
      const { x, y } = wgs84ToSweref99tm(r.lat, r.lon);
      return [
        {
          category_id: categoryId,
          organisation_id: author.organisationId,
          author_id: author.id,
          occurred_at: r.occurredAt,
          occurred_until: null,
          lat: r.lat,
          lon: r.lon,
          x,
          y,
          area_id: areaId,
          place_id: r.placeCode ? (placeIds.get(r.placeCode) ?? null) : null,
          target: r.target,
          description: r.description,
          severity: r.severity,
          visibility: r.visibility,
          status: r.status,
          created_at: r.occurredAt,
          updated_at: r.occurredAt,
        },
      ];
    });
    for (let i = 0; i < rows.length; i += 500) {
      await trx
        .insertInto('reports')
        .values(rows.slice(i, i + 500))
        .execute();
    }
    inserted = rows.length;
    await seedDemoActivities(trx, { now: options.now });
    await recordAudit(trx, null, {
      action: 'demo.seed',
      entityType: 'demo',
      summary: { users: authors.length, reports: inserted },
    });
  });
  options.log?.(`Loaded the synthetic demo data set: ${inserted} reports over ${options.weeks ?? 52} weeks.`);
  return { seeded: true, userEmails: emails, reports: inserted };
}
