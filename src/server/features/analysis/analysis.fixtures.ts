/**
 * Test data for the analysis tests: reports inserted straight into the table at known SWEREF 99 TM
 * positions and times (the reports service's own checks are tested elsewhere; here we need exact
 * places, past dates, restricted and withdrawn reports in bulk, quickly).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { sweref99tmToWgs84 } from '../../../analysis/index.ts';
import type { ReportStatus, ReportVisibility } from '../reports/reports.tables.ts';

export interface PlantedReport {
  x: number;
  y: number;
  occurredAt: Date;
  categoryCode?: string;
  visibility?: ReportVisibility;
  status?: ReportStatus;
  /** A named place of the reference data (its code). */
  placeCode?: string;
}

/** Skogås C (679983, 6568735 in SWEREF 99 TM), moved to the centre of its 100 m cell. */
export const SKOGAS = { x: 679_950, y: 6_568_750 } as const;
/** A second spot across the municipality (mid-west), also well inside a 100 m cell. */
export const WEST_SPOT = { x: 668_250, y: 6_566_250 } as const;

export async function plantReports(
  db: Kysely<DB>,
  author: { id: string; organisationId: string },
  reports: PlantedReport[],
): Promise<void> {
  if (reports.length === 0) return;
  const [categories, area, places] = await Promise.all([
    db.selectFrom('categories').select(['id', 'code']).execute(),
    db.selectFrom('areas').select('id').executeTakeFirstOrThrow(),
    db.selectFrom('places').select(['id', 'code']).execute(),
  ]);
  const categoryId = new Map(categories.map((c) => [c.code, c.id]));
  const placeId = new Map(places.map((p) => [p.code, p.id]));
  await db
    .insertInto('reports')
    .values(
      reports.map((r) => {
        const { lat, lon } = sweref99tmToWgs84(r.x, r.y);
        return {
          category_id: categoryId.get(r.categoryCode ?? 'skadegorelse-klotter')!,
          organisation_id: author.organisationId,
          author_id: author.id,
          occurred_at: r.occurredAt,
          occurred_until: null,
          place_id: r.placeCode ? placeId.get(r.placeCode)! : null,
          lat,
          lon,
          x: r.x,
          y: r.y,
          area_id: area.id,
          target: 'public-space' as const,
          description: 'Planterad testrapport för analysen.',
          severity: 'medium' as const,
          visibility: r.visibility ?? 'partnership',
          status: r.status ?? 'new',
        };
      }),
    )
    .execute();
}

/** `n` reports spread evenly over a rectangle (one per lattice point), a featureless background. */
export function lattice(
  n: number,
  box: { minX: number; minY: number; maxX: number; maxY: number },
  at: (i: number) => Date,
  categoryCode?: string,
): PlantedReport[] {
  const side = Math.ceil(Math.sqrt(n));
  const dx = (box.maxX - box.minX) / side;
  const dy = (box.maxY - box.minY) / side;
  return Array.from({ length: n }, (_, i) => ({
    x: box.minX + (i % side) * dx + dx / 2,
    y: box.minY + Math.floor(i / side) * dy + dy / 2,
    occurredAt: at(i),
    ...(categoryCode ? { categoryCode } : {}),
  }));
}
