import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { UnprocessableError } from '../../platform/errors.ts';
import { gridFromBBox, type KnoxResult } from '../../../analysis/index.ts';
import { cellsInside, studyAreaBBox, type StudyArea } from '../../../analysis/study-area.ts';
import type { ReferenceService } from '../reference/reference.service.ts';
import { evaluationPeriods, lastYear, resolvePeriod, swedishDayNumber, type Period } from './analysis-period.ts';
import type {
  DensityQuery,
  DensityView,
  EvaluationQuery,
  EvaluationView,
  HotspotQuery,
  HotspotsView,
  NearRepeatQuery,
  NearRepeatView,
  PeriodView,
} from '../../../contracts/analysis.ts';
import { multiPolygonToWgs84 } from './map-geometry.ts';
import { nearRepeatVerdict } from './near-repeat-verdict.ts';
import { createAnalysisContext, MIN_EVENTS, tooFew, type Selection } from './analysis-context.ts';
import type { RunControl } from './analysis-compute.ts';
import { createAnalysisRunner, type AnalysisRunner } from './analysis-runner.ts';
import { createRunRegistry } from './analysis-runs.ts';
import type { AnalysisKind, AnalysisRunCreate, AnalysisRunView } from '../../../contracts/analysis.ts';
import { hotspotCellViews } from './hotspot-view.ts';
import { createPatternAnalyses } from './pattern-analyses.ts';

export { MIN_EVENTS } from './analysis-context.ts';

/**
 * Study-area cells x permutations one request may ask for: about a second of one core with shared
 * draws (gistar.ts). Huddinge at 100 m (about 13,000 cells) takes 999 permutations, at 50 m 480.
 */
export const MAX_PERMUTATION_WORK = 25_000_000;
/** Contours at these shares of the highest density: simple to explain ("at least 80 % of the peak"). */
export const DENSITY_SHARES = [0.2, 0.4, 0.6, 0.8] as const;

export interface AnalysisServiceDeps {
  db: Kysely<DB>;
  reference: ReferenceService;
  clock: () => Date;
  /** Admission, queue and worker threads (default: a runner of its own, analysis-runner.ts). */
  runner?: AnalysisRunner;
}

const periodView = (p: Period): PeriodView => ({ from: p.from.toISOString(), to: p.to.toISOString() });

export function createAnalysisService({ db, reference, clock, runner = createAnalysisRunner() }: AnalysisServiceDeps) {
  const compute = runner.compute;
  const runs = createRunRegistry({ clock });
  const context = createAnalysisContext({ db, reference });
  const patterns = createPatternAnalyses({ context, reference, clock, compute });

  function checkWork(area: StudyArea, cellSize: number, permutations: number) {
    const cells = cellsInside(gridFromBBox(studyAreaBBox(area), cellSize), area).reduce((n, v) => n + v, 0);
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

  const settings = (q: Pick<HotspotQuery, 'cellSize' | 'alpha' | 'permutations' | 'seed' | 'minCount'>) => ({
    cellSize: q.cellSize,
    alpha: q.alpha,
    permutations: q.permutations,
    seed: q.seed,
    minCount: q.minCount,
  });

  async function selectionAndArea(query: { categoryCodes?: string[] | undefined; focusAreaCode?: string | undefined }) {
    return Promise.all([context.select(query), context.studyArea()]) as Promise<[Selection, StudyArea]>;
  }

  async function evaluateBetween(
    actor: Actor,
    first: Period,
    next: Period,
    query: Omit<EvaluationQuery, 'from' | 'to' | 'weeks'>,
    control?: RunControl,
  ): Promise<EvaluationView> {
    if (next.to.getTime() <= next.from.getTime()) {
      throw new UnprocessableError(
        'NO_FOLLOWING_PERIOD',
        'The period has not ended yet, so there are no later reports to test its hot spots against',
      );
    }
    const [selection, area] = await selectionAndArea(query);
    checkWork(area, query.cellSize, query.permutations);
    const [p1, p2] = await Promise.all([
      context.points(actor, first, selection),
      context.points(actor, next, selection),
    ]);
    if (p1.x.length < MIN_EVENTS.hotspots) tooFew('hotspots', p1.x.length);
    const result = await compute(
      actor.userId,
      'evaluation',
      { first: { x: p1.x, y: p1.y }, next: { x: p2.x, y: p2.y }, area, ...settings(query) },
      control,
    );
    const { gridCells: _sameAsCells, ...figures } = result;
    return {
      period: periodView(first),
      nextPeriod: periodView(next),
      cellSize: query.cellSize,
      alpha: query.alpha,
      ...figures,
    };
  }

  const impl = {
    /**
     * Getis-Ord Gi* hot and cold spots over the municipality's cells (a period from/to or the last
     * weeks), counting only reports the actor may see. Throws VALIDATION (unknown category/focus
     * area), TOO_FEW_EVENTS and ANALYSIS_TOO_LARGE (422), ANALYSIS_BUSY (429), ANALYSIS_CANCELLED.
     */
    hotspots: async (actor: Actor, query: HotspotQuery, control?: RunControl): Promise<HotspotsView> => {
      const period = resolvePeriod(query, clock());
      const [selection, area] = await selectionAndArea(query);
      checkWork(area, query.cellSize, query.permutations);
      const points = await context.points(actor, period, selection);
      if (points.x.length < MIN_EVENTS.hotspots) tooFew('hotspots', points.x.length);
      const [result, lookup] = await Promise.all([
        compute(actor.userId, 'hotspots', { points: { x: points.x, y: points.y }, area, ...settings(query) }, control),
        reference.areaLookup(),
      ]);
      const { cells, byArea } = hotspotCellViews(result, query.cellSize, lookup);
      return {
        period: periodView(period),
        events: points.x.length,
        cellSize: query.cellSize,
        alpha: query.alpha,
        permutations: query.permutations,
        minPossibleP: query.permutations > 0 ? 2 / (query.permutations + 1) : null,
        minCount: query.minCount,
        gridCells: result.gridCells,
        excludedCells: result.excludedCells,
        eventsOutside: result.eventsOutside,
        hotCells: result.hotCells,
        coldCells: result.coldCells,
        cells,
        eventsInHotCells: result.eventsInHotCells,
        byArea,
      };
    },

    /** Quartic kernel density over the municipality, contours in WGS84. Throws VALIDATION, TOO_FEW_EVENTS (422), ANALYSIS_BUSY. */
    density: async (actor: Actor, query: DensityQuery, control?: RunControl): Promise<DensityView> => {
      const period = resolvePeriod(query, clock());
      const [selection, area] = await selectionAndArea(query);
      const points = await context.points(actor, period, selection);
      if (points.x.length < MIN_EVENTS.density) tooFew('density', points.x.length);
      const result = await compute(
        actor.userId,
        'density',
        {
          points: { x: points.x, y: points.y },
          area,
          cellSize: query.cellSize,
          ...(query.bandwidth ? { bandwidth: query.bandwidth } : {}),
          shares: DENSITY_SHARES,
        },
        control,
      );
      return {
        period: periodView(period),
        events: points.x.length,
        cellSize: query.cellSize,
        bandwidth: result.bandwidth,
        bandwidthRule: result.bandwidthRule,
        maxDensity: result.maxDensity,
        raster: result.raster,
        contours: result.contours.map((band) => ({
          level: band.level,
          share: band.share,
          geometry: { type: 'MultiPolygon' as const, coordinates: multiPolygonToWgs84(band.coordinates) },
        })),
        eventsOutside: result.eventsOutside,
      };
    },

    /**
     * Knox near-repeat test over the twelve months up to `until` (default now), with the plain
     * verdict only when the nearest band supports it. Throws VALIDATION, TOO_FEW_EVENTS (422), ANALYSIS_BUSY.
     */
    nearRepeat: async (actor: Actor, query: NearRepeatQuery, control?: RunControl): Promise<NearRepeatView> => {
      const now = clock();
      const period = lastYear(query.until && Date.parse(query.until) < now.getTime() ? new Date(query.until) : now);
      const [selection, municipality] = await Promise.all([context.select(query), reference.municipality()]);
      const points = await context.points(actor, period, selection);
      const n = points.x.length;
      if (n < MIN_EVENTS.nearRepeat) tooFew('nearRepeat', n);
      const knox: KnoxResult = await compute(
        actor.userId,
        'near-repeat',
        {
          points: { x: points.x, y: points.y },
          days: Int32Array.from(points.occurredAt, swedishDayNumber),
          options: {
            spaceBand: query.spaceBand,
            spaceBands: query.spaceBands,
            timeBand: query.timeBand,
            timeBands: query.timeBands,
            iterations: query.iterations,
            seed: query.seed,
          },
        },
        control,
      );
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
     * RRI), over the same study-area cells as the map. Throws VALIDATION, TOO_FEW_EVENTS,
     * NO_FOLLOWING_PERIOD and ANALYSIS_TOO_LARGE (422), ANALYSIS_BUSY.
     */
    evaluate: async (actor: Actor, query: EvaluationQuery, control?: RunControl): Promise<EvaluationView> => {
      const { first, next } = evaluationPeriods(query, clock());
      return evaluateBetween(actor, first, next, query, control);
    },

    ...patterns,
  };

  /** The method counted as one analysis under way for the actor (ANALYSIS_BUSY when over the limits). */
  function admitted<Q, R>(method: (actor: Actor, query: Q, control?: RunControl) => Promise<R>) {
    return async (actor: Actor, query: Q, control?: RunControl): Promise<R> => {
      const release = runner.admit(actor.userId);
      try {
        return await method(actor, query, control);
      } finally {
        release();
      }
    };
  }

  const byKind: { [K in AnalysisKind]: (actor: Actor, query: never, control: RunControl) => Promise<unknown> } = {
    hotspots: impl.hotspots,
    density: impl.density,
    'near-repeat': impl.nearRepeat,
    evaluation: impl.evaluate,
    emerging: impl.emerging,
    concentration: impl.concentration,
  };

  return {
    hotspots: admitted(impl.hotspots),
    density: admitted(impl.density),
    nearRepeat: admitted(impl.nearRepeat),
    evaluate: admitted(impl.evaluate),
    emerging: admitted(impl.emerging),
    concentration: admitted(impl.concentration),
    /**
     * Gi* hot spots of `first` scored on `next` (any two periods, e.g. the last tertial against this
     * one): hit rate, PAI, PEI, RRI. Throws as `evaluate`.
     */
    async evaluateBetween(
      actor: Actor,
      first: Period,
      next: Period,
      query: Omit<EvaluationQuery, 'from' | 'to' | 'weeks'>,
      control?: RunControl,
    ): Promise<EvaluationView> {
      const release = runner.admit(actor.userId);
      try {
        return await evaluateBetween(actor, first, next, query, control);
      } finally {
        release();
      }
    },

    /** Starts an analysis in the background for the page to follow. Throws ANALYSIS_BUSY (429). */
    startRun(actor: Actor, body: AnalysisRunCreate): AnalysisRunView {
      const release = runner.admit(actor.userId);
      const method = byKind[body.kind];
      return runs.start(actor.userId, body.kind, (control) => method(actor, body.query as never, control), release);
    },

    /** The actor's own run, with its result once done. Throws NOT_FOUND. */
    run: (actor: Actor, id: string): AnalysisRunView => runs.get(actor.userId, id),

    /** Cancels the actor's run. Throws NOT_FOUND. */
    cancelRun: (actor: Actor, id: string): AnalysisRunView => runs.cancel(actor.userId, id),

    /** Stops the runs and the worker threads (app shutdown). */
    async close(): Promise<void> {
      runs.close();
      await runner.close();
    },
  };
}

export type AnalysisService = ReturnType<typeof createAnalysisService>;
