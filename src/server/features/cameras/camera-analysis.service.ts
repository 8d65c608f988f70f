import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { sweref99tmToWgs84, wgs84ToSweref99tm } from '../../../analysis/projection.ts';
import type { ReferenceService } from '../reference/reference.service.ts';
import type { EvaluationQuery, SitingQuery } from '../../../contracts/cameras.ts';
import type { EvaluationView, SitingCandidate, SitingView } from '../../../contracts/cameras-analysis.ts';
import * as repo from './cameras.repository.ts';
import { listReportPoints } from './camera-analytics.repository.ts';
import { busiestCells, rankCandidates } from './siting.ts';
import { countZones, evaluateSite } from './evaluation.ts';
import { ZONE } from './camera-dates.ts';

/** Unnamed grid cells offered besides the named places. */
const CELL_CANDIDATES = 10;
const SITING_MONTHS = 12;

export function createCameraAnalysisService({
  db,
  reference,
  clock,
}: {
  db: Kysely<DB>;
  reference: ReferenceService;
  clock: () => Date;
}) {
  return {
    /** Candidate places ranked by the reports of the last 12 months the actor may see, with the reasons. */
    async siting(actor: Actor, query: SitingQuery): Promise<SitingView> {
      const to = clock();
      const from = DateTime.fromJSDate(to, { zone: ZONE }).minus({ months: SITING_MONTHS }).toJSDate();
      const [rows, places, cameras] = await Promise.all([
        listReportPoints(db, actor, { from, to, categoryCodes: query.categories }),
        reference.listPlaces(),
        repo.listActiveSitePositions(db),
      ]);
      const points = rows.map((r) => ({ id: r.id, x: r.x, y: r.y, categoryCode: r.category_code }));
      const named: SitingCandidate[] = places.map((p) => ({
        kind: 'place',
        code: p.code,
        name: p.name,
        ...wgs84ToSweref99tm(p.lat, p.lon),
      }));
      // A busy cell next to a named place is the same candidate: keep the name.
      const cells = busiestCells(points, query.cellSize, CELL_CANDIDATES).filter(
        (c) => !named.some((p) => Math.hypot(p.x - c.x, p.y - c.y) <= query.radius),
      );
      const ranked = rankCandidates([...named, ...cells], points, cameras, {
        radius: query.radius,
        cellSize: query.cellSize,
      });
      return {
        from: from.toISOString(),
        to: to.toISOString(),
        radius: query.radius,
        cellSize: query.cellSize,
        categories: query.categories,
        totalReports: points.length,
        candidates: ranked
          .slice(0, query.limit)
          .map(({ x, y, ...rest }) => ({ ...rest, location: sweref99tmToWgs84(x, y) })),
      };
    },

    /**
     * Before/after evaluation of an installed site against a comparison area, in equal periods
     * either side of the installation day. Throws NOT_FOUND, NOT_INSTALLED (409), TOO_EARLY (409,
     * installed today), VALIDATION (unknown comparison area).
     */
    async evaluate(actor: Actor, siteId: string, query: EvaluationQuery): Promise<EvaluationView> {
      const site = await repo.findSiteById(db, siteId);
      if (!site) throw new NotFoundError('Camera site');
      if (!site.installed_on)
        throw new ConflictError('NOT_INSTALLED', 'Only a site that has been installed can be evaluated');
      const lookup = await reference.areaLookup();
      const comparisonAreaId = lookup.idByCode.get(query.comparisonArea);
      if (!comparisonAreaId) {
        throw new ValidationError('Unknown comparison area', [
          { path: 'query.comparisonArea', message: 'unknown area', code: 'UNKNOWN_CODE' },
        ]);
      }
      const installed = DateTime.fromISO(site.installed_on, { zone: ZONE }).startOf('day');
      // The after period ends at the months asked for, or earlier when the cameras have not run
      // that long (now, or the decommissioning day); the before period has the same number of days.
      const stop = site.decommissioned_on
        ? DateTime.fromISO(site.decommissioned_on, { zone: ZONE }).startOf('day')
        : DateTime.fromJSDate(clock(), { zone: ZONE });
      const wanted = installed.plus({ months: query.months });
      const end = wanted <= stop ? wanted : stop;
      const periodDays = Math.floor(end.diff(installed, 'days').days);
      if (periodDays < 1) throw new ConflictError('TOO_EARLY', 'The site has not run for a full day yet');
      const afterEnd = installed.plus({ days: periodDays });
      const beforeStart = installed.minus({ days: periodDays });
      const rows = await listReportPoints(db, actor, {
        from: beforeStart.toJSDate(),
        to: afterEnd.toJSDate(),
        categoryCodes: query.categories,
      });
      const counts = countZones(
        rows.map((r) => ({ x: r.x, y: r.y, areaId: r.area_id, at: r.occurred_at })),
        { x: site.x, y: site.y },
        {
          radius: query.radius,
          ringWidth: query.ringWidth,
          comparisonAreaId,
          before: beforeStart.toJSDate(),
          installedAt: installed.toJSDate(),
          after: afterEnd.toJSDate(),
        },
      );
      return {
        siteId,
        installedOn: site.installed_on,
        radius: query.radius,
        ringWidth: query.ringWidth,
        categories: query.categories,
        comparisonArea: {
          code: query.comparisonArea,
          name: lookup.nameByCode.get(query.comparisonArea) ?? query.comparisonArea,
        },
        before: { from: beforeStart.toISO()!, to: installed.toISO()! },
        after: { from: installed.toISO()!, to: afterEnd.toISO()! },
        periodDays,
        shortened: wanted > stop,
        ...evaluateSite(counts),
      };
    },
  };
}

export type CameraAnalysisService = ReturnType<typeof createCameraAnalysisService>;
