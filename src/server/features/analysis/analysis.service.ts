import { availableParallelism } from 'node:os';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { UnprocessableError, ValidationError } from '../../platform/errors.ts';
import {
  contourPolygons,
  countPoints,
  evaluateHotspots,
  gridFromBBox,
  quarticKde,
  sweref99tmToWgs84,
  type BBox,
} from '../../../analysis/index.ts';
import { giStarHotspotsParallel } from '../../../analysis/gistar-parallel.ts';
import { knoxTestParallel } from '../../../analysis/knox-parallel.ts';
import type { CategoryView } from '../../../contracts/reference.ts';
import type { ReferenceService } from '../reference/reference.service.ts';
import { evaluationPeriods, lastYear, resolvePeriod, swedishDayNumber, type Period } from './analysis-period.ts';
import * as repo from './analysis.repository.ts';
import type {
  DensityQuery,
  DensityView,
  EvaluationQuery,
  EvaluationView,
  HotspotAreaView,
  HotspotCellView,
  HotspotQuery,
  HotspotsView,
  NearRepeatQuery,
  NearRepeatView,
  PeriodView,
} from '../../../contracts/analysis.ts';
import { cellPolygon, multiPolygonToWgs84, swerefBBox } from './map-geometry.ts';
import { cellsInside, pick, projectRings } from './study-area.ts';
import { nearRepeatVerdict } from './near-repeat-verdict.ts';

/**
 * Below these counts the methods say nothing useful (a "hot spot" of three reports, a density
 * surface of two), so the API answers 422 TOO_FEW_EVENTS instead of a confident-looking map.
 */
export const MIN_EVENTS = { hotspots: 10, density: 5, nearRepeat: 10 } as const;
/** Cells x permutations above which the answer would take more than a few seconds on our hardware. */
export const MAX_PERMUTATION_WORK = 5_000_000;
/**
 * Cells x permutations from which the permutations run on worker threads. The engine's own 'auto'
 * threshold is above our cap (it is tuned for the CLI's million-point grids), so the server decides.
 * The point is less speed (worker start-up is ~0.3 s) than keeping the event loop free: a second
 * of synchronous permutations would stall every other request to the server meanwhile.
 */
export const WORKER_THRESHOLD = 1_000_000;
/** Contours at these shares of the highest density: simple to explain ("at least 80 % of the peak"). */
export const DENSITY_SHARES = [0.2, 0.4, 0.6, 0.8] as const;

const PER_KM2 = 1e6;

export interface AnalysisServiceDeps {
  db: Kysely<DB>;
  reference: ReferenceService;
  clock: () => Date;
}

interface Selection {
  categoryIds: string[] | null;
  categories: CategoryView[];
}

const periodView = (p: Period): PeriodView => ({ from: p.from.toISOString(), to: p.to.toISOString() });

function tooFew(analysis: keyof typeof MIN_EVENTS, events: number): never {
  const minimum = MIN_EVENTS[analysis];
  throw new UnprocessableError(
    'TOO_FEW_EVENTS',
    `This analysis needs at least ${minimum} reports in the selection; there are ${events}`,
    {
      events,
      minimum,
    },
  );
}

export function createAnalysisService({ db, reference, clock }: AnalysisServiceDeps) {
  /** Categories named by code and/or focus area (both: the intersection). VALIDATION for unknown codes. */
  async function select(query: {
    categoryCodes?: string[] | undefined;
    focusAreaCode?: string | undefined;
  }): Promise<Selection> {
    if (!query.categoryCodes?.length && !query.focusAreaCode) return { categoryIds: null, categories: [] };
    const [all, focusAreas] = await Promise.all([reference.listCategories(), reference.listFocusAreas()]);
    const byCode = new Map(all.map((c) => [c.code, c]));
    const unknown = (query.categoryCodes ?? []).filter((c) => !byCode.has(c));
    if (unknown.length) {
      throw new ValidationError('Unknown category', [
        {
          path: 'querystring.categoryCodes',
          message: `unknown category: ${unknown.join(', ')}`,
          code: 'UNKNOWN_CATEGORY',
        },
      ]);
    }
    if (query.focusAreaCode && !focusAreas.some((f) => f.code === query.focusAreaCode)) {
      throw new ValidationError('Unknown focus area', [
        { path: 'querystring.focusAreaCode', message: 'unknown focus area', code: 'UNKNOWN_FOCUS_AREA' },
      ]);
    }
    let categories = query.categoryCodes?.length ? query.categoryCodes.map((c) => byCode.get(c)!) : all;
    if (query.focusAreaCode) categories = categories.filter((c) => c.focusAreaCode === query.focusAreaCode);
    return { categoryIds: categories.map((c) => c.id), categories };
  }

  /** The grid's extent: the municipality's bounding box, padded by the area tolerance so reports
   * the area locator accepted just outside the boundary (e.g. Masmo station) still count. */
  async function studyBBox(): Promise<BBox> {
    return (await studyArea()).bbox;
  }

  async function studyArea() {
    const m = await reference.municipality();
    const box = swerefBBox(m.boundary);
    const pad = m.areaToleranceMetres;
    return {
      bbox: { minX: box.minX - pad, minY: box.minY - pad, maxX: box.maxX + pad, maxY: box.maxY + pad },
      rings: projectRings(m.boundary),
    };
  }

  function checkWork(bbox: BBox, cellSize: number, permutations: number) {
    const spec = gridFromBBox(bbox, cellSize);
    const cells = spec.nCols * spec.nRows;
    if (cells * permutations > MAX_PERMUTATION_WORK) {
      throw new UnprocessableError(
        'ANALYSIS_TOO_LARGE',
        `${cells} cells x ${permutations} permutations is too much work for one request; use a larger cell size or fewer permutations`,
        {
          cells,
          permutations,
          maxWork: MAX_PERMUTATION_WORK,
          maxPermutations: Math.floor(MAX_PERMUTATION_WORK / cells),
        },
      );
    }
  }

  async function hotspotRun(
    points: repo.EventPoints,
    bbox: BBox,
    q: Pick<HotspotQuery, 'cellSize' | 'alpha' | 'permutations' | 'seed'>,
  ) {
    const cells = gridFromBBox(bbox, q.cellSize);
    const work = cells.nCols * cells.nRows * q.permutations;
    const workers = work >= WORKER_THRESHOLD ? Math.min(availableParallelism(), 4) : 1;
    return giStarHotspotsParallel(points.x, points.y, {
      cellSize: q.cellSize,
      bbox,
      alpha: q.alpha,
      permutations: q.permutations,
      seed: q.seed,
      workers,
    });
  }

  return {
    /**
     * Getis-Ord Gi* hot and cold spots over the municipality's grid, counting only reports the actor
     * may see. Throws VALIDATION (unknown category/focus area), TOO_FEW_EVENTS and ANALYSIS_TOO_LARGE (422).
     */
    async hotspots(actor: Actor, query: HotspotQuery): Promise<HotspotsView> {
      const period = resolvePeriod(query, clock());
      const [selection, bbox] = await Promise.all([select(query), studyBBox()]);
      checkWork(bbox, query.cellSize, query.permutations);
      const points = await repo.findVisibleEventPoints(db, actor, { ...period, categoryIds: selection.categoryIds });
      if (points.x.length < MIN_EVENTS.hotspots) tooFew('hotspots', points.x.length);
      const [result, lookup] = await Promise.all([hotspotRun(points, bbox, query), reference.areaLookup()]);
      const cells: HotspotCellView[] = [];
      const byArea = new Map<string, HotspotAreaView>();
      let eventsInHotCells = 0;
      for (let i = 0; i < result.cells.length; i++) {
        const c = result.cells[i]!;
        if (!c.hot && !c.cold) continue;
        if (c.hot) eventsInHotCells += c.count;
        const half = query.cellSize / 2;
        const located = lookup.locate(sweref99tmToWgs84(c.x + half, c.y + half));
        const areaCode = located.kind === 'outside' ? null : located.areaCode;
        cells.push({
          col: c.col,
          row: c.row,
          count: c.count,
          z: c.z,
          p: c.p,
          q: result.q[i]!,
          hot: c.hot,
          cold: c.cold,
          polygon: cellPolygon(c.col, c.row, query.cellSize),
          areaCode,
        });
        if (areaCode) {
          const area = byArea.get(areaCode) ?? {
            areaCode,
            name: lookup.nameByCode.get(areaCode) ?? areaCode,
            hotCells: 0,
            coldCells: 0,
            eventsInHotCells: 0,
          };
          if (c.hot) {
            area.hotCells++;
            area.eventsInHotCells += c.count;
          } else area.coldCells++;
          byArea.set(areaCode, area);
        }
      }
      return {
        period: periodView(period),
        events: points.x.length,
        cellSize: query.cellSize,
        alpha: query.alpha,
        permutations: query.permutations,
        minPossibleP: query.permutations > 0 ? 2 / (query.permutations + 1) : null,
        gridCells: result.cells.length,
        hotCells: cells.filter((c) => c.hot).length,
        coldCells: cells.filter((c) => c.cold).length,
        cells,
        eventsInHotCells,
        byArea: [...byArea.values()].sort(
          (a, b) =>
            b.hotCells - a.hotCells || b.eventsInHotCells - a.eventsInHotCells || a.name.localeCompare(b.name, 'sv'),
        ),
      };
    },

    /** Quartic kernel density with contour polygons in WGS84. Throws VALIDATION, TOO_FEW_EVENTS (422). */
    async density(actor: Actor, query: DensityQuery): Promise<DensityView> {
      const period = resolvePeriod(query, clock());
      const selection = await select(query);
      const points = await repo.findVisibleEventPoints(db, actor, { ...period, categoryIds: selection.categoryIds });
      if (points.x.length < MIN_EVENTS.density) tooFew('density', points.x.length);
      const raster = quarticKde(points.x, points.y, {
        cellSize: query.cellSize,
        ...(query.bandwidth ? { bandwidth: query.bandwidth } : {}),
      });
      let max = 0;
      for (const v of raster.values) if (v > max) max = v;
      const contours =
        max > 0
          ? contourPolygons(
              raster,
              DENSITY_SHARES.map((s) => s * max),
            )
          : [];
      return {
        period: periodView(period),
        events: points.x.length,
        cellSize: query.cellSize,
        bandwidth: raster.bandwidth,
        bandwidthRule: raster.bandwidthRule,
        maxDensity: max * PER_KM2,
        raster: {
          cellSize: raster.cellSize,
          minCol: raster.minCol,
          minRow: raster.minRow,
          nCols: raster.nCols,
          nRows: raster.nRows,
          // Three decimals of events per km² is far below what the map can show.
          values: Array.from(raster.values, (v) => Math.round(v * PER_KM2 * 1000) / 1000),
        },
        contours: contours.map((band, k) => ({
          level: band.level * PER_KM2,
          share: DENSITY_SHARES[k]!,
          geometry: { type: 'MultiPolygon' as const, coordinates: multiPolygonToWgs84(band.coordinates) },
        })),
      };
    },

    /**
     * Knox near-repeat test over the last twelve months, with the plain verdict only when the
     * nearest band supports it. Throws VALIDATION, TOO_FEW_EVENTS (422).
     */
    async nearRepeat(actor: Actor, query: NearRepeatQuery): Promise<NearRepeatView> {
      const now = clock();
      const period = lastYear(query.until && Date.parse(query.until) < now.getTime() ? new Date(query.until) : now);
      const [selection, municipality] = await Promise.all([select(query), reference.municipality()]);
      const points = await repo.findVisibleEventPoints(db, actor, { ...period, categoryIds: selection.categoryIds });
      const n = points.x.length;
      if (n < MIN_EVENTS.nearRepeat) tooFew('nearRepeat', n);
      const days = Int32Array.from(points.occurredAt, swedishDayNumber);
      const knox = await knoxTestParallel(points.x, points.y, days, {
        spaceBand: query.spaceBand,
        spaceBands: query.spaceBands,
        timeBand: query.timeBand,
        timeBands: query.timeBands,
        iterations: query.iterations,
        seed: query.seed,
      });
      const verdict = nearRepeatVerdict(knox, {
        categoriesSv: selection.categories.map((c) => c.name),
        categoriesEn: selection.categories.map((c) => c.nameEn),
        placeName: municipality.shortName,
      });
      return {
        period: periodView(period),
        categoryCodes: selection.categories.map((c) => c.code),
        events: n,
        iterations: knox.iterations,
        spaceBands: knox.spaceBands,
        timeBands: knox.timeBands,
        observed: knox.observed,
        expected: knox.expected,
        ratio: knox.ratio,
        p: knox.p,
        verdict,
      };
    },

    /**
     * How well the period's Gi* hot spots captured the next period's reports (hit rate, PAI, PEI,
     * RRI). Throws VALIDATION, TOO_FEW_EVENTS, NO_FOLLOWING_PERIOD and ANALYSIS_TOO_LARGE (422).
     */
    async evaluate(actor: Actor, query: EvaluationQuery): Promise<EvaluationView> {
      const { first, next } = evaluationPeriods(query, clock());
      if (next.to.getTime() <= next.from.getTime()) {
        throw new UnprocessableError(
          'NO_FOLLOWING_PERIOD',
          'The period has not ended yet, so there are no later reports to test its hot spots against',
        );
      }
      const [selection, { bbox, rings }] = await Promise.all([select(query), studyArea()]);
      checkWork(bbox, query.cellSize, query.permutations);
      const [p1, p2] = await Promise.all([
        repo.findVisibleEventPoints(db, actor, { ...first, categoryIds: selection.categoryIds }),
        repo.findVisibleEventPoints(db, actor, { ...next, categoryIds: selection.categoryIds }),
      ]);
      if (p1.x.length < MIN_EVENTS.hotspots) tooFew('hotspots', p1.x.length);
      const hot = await hotspotRun(p1, bbox, query);
      const period1 = Float64Array.from(hot.cells, (c) => c.count);
      const flagged = Uint8Array.from(hot.cells, (c) => (c.hot ? 1 : 0));
      const spec = gridFromBBox(bbox, query.cellSize);
      const period2 = countPoints(spec, p2.x, p2.y).counts;
      // The area is the municipality's cells, plus any cell just outside that holds a report (the
      // area locator accepts positions within its tolerance), so every report still counts.
      const mask = cellsInside(spec, rings);
      for (let i = 0; i < mask.length; i++) if (period1[i]! > 0 || period2[i]! > 0) mask[i] = 1;
      return {
        period: periodView(first),
        nextPeriod: periodView(next),
        cellSize: query.cellSize,
        alpha: query.alpha,
        ...evaluateHotspots({
          period1: pick(period1, mask),
          period2: pick(period2, mask),
          flagged: pick(flagged, mask),
        }),
      };
    },
  };
}

export type AnalysisService = ReturnType<typeof createAnalysisService>;
