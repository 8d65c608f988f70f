import { wgs84ToSweref99tm } from '../../src/analysis/projection.ts';
import type { RunningServer } from './server.ts';

export interface Spot {
  areaCode: string;
  lat: number;
  lon: number;
  occurredAt: Date;
}

/**
 * Reports of one category straight into the database (times in the past are the point of these
 * scenarios, not the filing rules), shared with the partnership. Answers id and number per spot,
 * in the order given.
 */
export async function insertReports(
  server: RunningServer,
  spots: readonly Spot[],
  by: { authorId: string; organisationId: string; categoryCode: string; description: string },
): Promise<{ id: string; number: number }[]> {
  const db = server.database.db;
  const [areas, category] = await Promise.all([
    db.selectFrom('areas').select(['id', 'code']).execute(),
    db.selectFrom('categories').select('id').where('code', '=', by.categoryCode).executeTakeFirstOrThrow(),
  ]);
  const areaId = new Map(areas.map((a) => [a.code, a.id]));
  const rows = await db
    .insertInto('reports')
    .values(
      spots.map((s) => ({
        ...wgs84ToSweref99tm(s.lat, s.lon),
        lat: s.lat,
        lon: s.lon,
        category_id: category.id,
        organisation_id: by.organisationId,
        author_id: by.authorId,
        occurred_at: s.occurredAt,
        area_id: areaId.get(s.areaCode)!,
        target: 'public-space' as const,
        description: by.description,
        severity: 'medium' as const,
        visibility: 'partnership' as const,
      })),
    )
    .returning(['id', 'number'])
    .execute();
  // Inserted in the order given, so numbers ascend with it.
  return rows.sort((a, b) => a.number - b.number);
}
