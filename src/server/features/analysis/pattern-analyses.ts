/**
 * The analysis service's space-time and concentration use cases (emerging hot spots, crime
 * concentration), apart from analysis.service.ts to keep each file to one job; the service
 * exposes them as its own methods.
 */
import type { Actor } from '../../platform/actor.ts';
import { UnprocessableError } from '../../platform/errors.ts';
import { sweref99tmToWgs84 } from '../../../analysis/index.ts';
import { DEFAULT_SHARES } from '../../../analysis/concentration.ts';
import { civilFromDay } from '../../../analysis/calendar.ts';
import type { ReferenceService } from '../reference/reference.service.ts';
import type {
  ConcentrationQuery,
  ConcentrationView,
  EmergingQuery,
  EmergingView,
  PeriodView,
} from '../../../contracts/analysis.ts';
import { resolvePeriod, swedishDayNumber, type Period } from './analysis-period.ts';
import { MIN_EVENTS, tooFew, type AnalysisContext } from './analysis-context.ts';
import type { Compute, RunControl } from './analysis-compute.ts';
import { cellPolygon } from './map-geometry.ts';

/** Fewest time steps for a trend to mean anything (Mann–Kendall cannot reach p < 0.05 below five). */
export const MIN_TIME_STEPS = 5;

const periodView = (p: Period): PeriodView => ({ from: p.from.toISOString(), to: p.to.toISOString() });
const isoDay = (day: number) => {
  const { year, month, day: d } = civilFromDay(day);
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};

const isSwedishMidnight = (instant: Date) =>
  swedishDayNumber(new Date(instant.getTime() - 1)) !== swedishDayNumber(instant);

function timeSteps(fromDay: number, toDay: number, interval: 'week' | 'month'): number {
  if (interval === 'week') return Math.floor((toDay - fromDay) / 7) + 1;
  const a = civilFromDay(fromDay);
  const b = civilFromDay(toDay);
  return (b.year - a.year) * 12 + b.month - a.month + 1;
}

export function createPatternAnalyses(deps: {
  context: AnalysisContext;
  reference: ReferenceService;
  clock: () => Date;
  compute: Compute;
}) {
  const { context, reference, clock, compute } = deps;
  return {
    /**
     * Emerging hot spots (ArcGIS's patterns) over the municipality's cells, weeks ending on the
     * period's last day or calendar months. Throws VALIDATION, TOO_FEW_EVENTS, TOO_FEW_TIME_STEPS (422), ANALYSIS_BUSY.
     */
    emerging: async (actor: Actor, query: EmergingQuery, control?: RunControl): Promise<EmergingView> => {
      const period = resolvePeriod(query, clock());
      // Whole Swedish days: a period starting at 10:00 starts, for the cube, the next midnight, so
      // "the last 12 weeks" are 12 steps of 7 days (reports of the part-day are left out and counted).
      const fromDay = swedishDayNumber(period.from) + (isSwedishMidnight(period.from) ? 0 : 1);
      const toDay = swedishDayNumber(new Date(period.to.getTime() - 1));
      const steps = timeSteps(fromDay, toDay, query.interval);
      if (steps < MIN_TIME_STEPS) {
        throw new UnprocessableError(
          'TOO_FEW_TIME_STEPS',
          `Emerging hot spots need at least ${MIN_TIME_STEPS} time steps; the period has ${steps} ${query.interval}s`,
          { steps, minimum: MIN_TIME_STEPS, interval: query.interval },
        );
      }
      const [selection, area] = await Promise.all([context.select(query), context.studyArea()]);
      const points = await context.points(actor, period, selection);
      if (points.x.length < MIN_EVENTS.emerging) tooFew('emerging', points.x.length);
      const [result, lookup] = await Promise.all([
        compute(
          actor.userId,
          'emerging',
          {
            points: { x: points.x, y: points.y },
            days: Int32Array.from(points.occurredAt, swedishDayNumber),
            area,
            cellSize: query.cellSize,
            interval: query.interval,
            fromDay,
            toDay,
            timeWindow: query.timeWindow,
            alpha: query.alpha,
            minCount: query.minCount,
          },
          control,
        ),
        reference.areaLookup(),
      ]);
      const half = query.cellSize / 2;
      return {
        period: periodView(period),
        interval: query.interval,
        steps: result.steps.map((s) => ({ from: isoDay(s.from), to: isoDay(s.to) })),
        cellSize: query.cellSize,
        timeWindow: query.timeWindow,
        alpha: query.alpha,
        minCount: query.minCount,
        events: points.x.length,
        gridCells: result.gridCells,
        excludedCells: result.excludedCells,
        eventsOutside: result.eventsOutside,
        categories: result.categories,
        cells: result.cells.map((c) => {
          const located = lookup.locate(
            sweref99tmToWgs84(c.col * query.cellSize + half, c.row * query.cellSize + half),
          );
          return {
            ...c,
            polygon: cellPolygon(c.col, c.row, query.cellSize),
            areaCode: located.kind === 'outside' ? null : located.areaCode,
          };
        }),
      };
    },

    /**
     * Crime concentration: the share of reports in the busiest 1/5/10 % of the municipality's cells
     * or of its named places, the Lorenz curve and the Gini. Throws VALIDATION, TOO_FEW_EVENTS (422), ANALYSIS_BUSY.
     */
    concentration: async (
      actor: Actor,
      query: ConcentrationQuery,
      control?: RunControl,
    ): Promise<ConcentrationView> => {
      const period = resolvePeriod(query, clock());
      const [selection, area, lookup] = await Promise.all([
        context.select(query),
        context.studyArea(),
        reference.areaLookup(),
      ]);
      const points = await context.points(actor, period, selection);
      if (points.x.length < MIN_EVENTS.concentration) tooFew('concentration', points.x.length);
      const places = [...lookup.placeByCode.values()];
      const placeIndex = new Map(places.map((p, i) => [p.id, i]));
      const result = await compute(
        actor.userId,
        'concentration',
        query.unit === 'places'
          ? {
              unit: 'places',
              place: Int32Array.from(points.placeId, (id) => (id === null ? -1 : (placeIndex.get(id) ?? -1))),
              places: places.length,
              shares: DEFAULT_SHARES,
            }
          : {
              unit: 'cells',
              points: { x: points.x, y: points.y },
              area,
              cellSize: query.cellSize,
              shares: DEFAULT_SHARES,
            },
        control,
      );
      const half = query.cellSize / 2;
      const { top, ...figures } = result;
      return {
        period: periodView(period),
        unit: query.unit,
        cellSize: query.unit === 'cells' ? query.cellSize : null,
        ...figures,
        top: top.map((t) => {
          if (query.unit === 'places')
            return { label: places[t.place]!.name, count: t.count, polygon: null, areaCode: null };
          const located = lookup.locate(
            sweref99tmToWgs84(t.col * query.cellSize + half, t.row * query.cellSize + half),
          );
          const areaCode = located.kind === 'outside' ? null : located.areaCode;
          return {
            label: areaCode ? (lookup.nameByCode.get(areaCode) ?? areaCode) : `${t.col}:${t.row}`,
            count: t.count,
            polygon: cellPolygon(t.col, t.row, query.cellSize),
            areaCode,
          };
        }),
      };
    },
  };
}
