import { z } from 'zod';
import { notFreeText } from './free-text.ts';
import type { EvaluationResult } from '../analysis/evaluation.ts';

/**
 * Query schemas and response views of the analysis endpoints; pure zod and types, shared by the
 * server and the web app.
 */

const isoDateTime = z.iso.datetime({ offset: true });
const code = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and hyphens');
/** `a,b,c` in a query string; empty entries are dropped, duplicates removed. */
const codeList = notFreeText(z.string().max(2000), 'comma-separated codes, each checked against the code pattern')
  .transform((s) => [
    ...new Set(
      s
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean),
    ),
  ])
  .pipe(z.array(code).max(50));

/**
 * Grid limits: below 50 m a cell is smaller than a report's position error; above 1 km nothing
 * local is left. The default is 250 m: with a municipality's few hundred reports, 100 m cells are so
 * sparse that Gi*'s normal approximation calls a single report "significant".
 */
export const CELL_SIZE = { min: 50, max: 1000, default: 250 } as const;
/**
 * A cell is hot only when its 3 x 3 window holds at least this many reports (default 3): a lone
 * report, or two, on a sparse grid is not a hot spot however small its p (see gistar.ts).
 */
export const MIN_COUNT = { min: 0, max: 20, default: 3 } as const;
/** Permutations: 0 = analytic p-values; otherwise 99..999 (fewer cannot reach p < 0.01, more adds time, not insight). */
export const PERMUTATIONS = { min: 99, max: 999 } as const;
export const KNOX_ITERATIONS = { min: 99, max: 999, default: 99 } as const;

/** Which reports: a period (from/to, or the last `weeks` weeks up to now) and a category selection. */
const selectionFields = {
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  weeks: z.coerce.number().int().min(1).max(156).optional(),
  categoryCodes: codeList.optional(),
  focusAreaCode: code.optional(),
};

function periodRules<T extends { from?: string | undefined; to?: string | undefined; weeks?: number | undefined }>(
  q: T,
  ctx: z.RefinementCtx,
) {
  if ((q.from === undefined) !== (q.to === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: [q.from === undefined ? 'from' : 'to'],
      message: 'give both from and to, or weeks',
    });
  }
  if (q.from !== undefined && q.weeks !== undefined)
    ctx.addIssue({ code: 'custom', path: ['weeks'], message: 'give from/to or weeks, not both' });
  if (q.from !== undefined && q.to !== undefined) {
    const span = Date.parse(q.to) - Date.parse(q.from);
    if (!(span > 0)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must be after from' });
    if (span > 3 * 366 * 86_400_000) ctx.addIssue({ code: 'custom', path: ['to'], message: 'at most three years' });
  }
}

const hotspotFields = {
  ...selectionFields,
  cellSize: z.coerce.number().int().min(CELL_SIZE.min).max(CELL_SIZE.max).default(CELL_SIZE.default),
  alpha: z.coerce.number().gt(0).max(0.2).default(0.05),
  permutations: z.coerce
    .number()
    .int()
    .refine(
      (n) => n === 0 || (n >= PERMUTATIONS.min && n <= PERMUTATIONS.max),
      `0, or ${PERMUTATIONS.min} to ${PERMUTATIONS.max}`,
    )
    .default(0),
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(1),
  minCount: z.coerce.number().int().min(MIN_COUNT.min).max(MIN_COUNT.max).default(MIN_COUNT.default),
};

export const hotspotQuerySchema = z.strictObject(hotspotFields).superRefine(periodRules);
export type HotspotQuery = z.infer<typeof hotspotQuerySchema>;

export const densityQuerySchema = z
  .strictObject({
    ...selectionFields,
    cellSize: z.coerce.number().int().min(CELL_SIZE.min).max(CELL_SIZE.max).default(CELL_SIZE.default),
    /** Search radius in metres; default: the rule of thumb (see kde.ts). */
    bandwidth: z.coerce.number().int().min(50).max(5000).optional(),
  })
  .superRefine(periodRules);
export type DensityQuery = z.infer<typeof densityQuerySchema>;

export const nearRepeatQuerySchema = z.strictObject({
  /** End of the twelve months looked at (default now; later than now counts as now), e.g. a past week's end. */
  until: isoDateTime.optional(),
  categoryCodes: selectionFields.categoryCodes,
  focusAreaCode: selectionFields.focusAreaCode,
  spaceBand: z.coerce.number().int().min(10).max(2000).default(200),
  spaceBands: z.coerce.number().int().min(1).max(10).default(3),
  timeBand: z.coerce.number().int().min(1).max(60).default(7),
  timeBands: z.coerce.number().int().min(1).max(10).default(3),
  iterations: z.coerce
    .number()
    .int()
    .min(KNOX_ITERATIONS.min)
    .max(KNOX_ITERATIONS.max)
    .default(KNOX_ITERATIONS.default),
  seed: hotspotFields.seed,
});
export type NearRepeatQuery = z.infer<typeof nearRepeatQuerySchema>;

/** Evaluation: hot spots of the chosen period against the reports of the equally long period after it. */
export const evaluationQuerySchema = z.strictObject(hotspotFields).superRefine(periodRules);
export type EvaluationQuery = z.infer<typeof evaluationQuerySchema>;

export interface PeriodView {
  from: string;
  to: string;
}

/** [lon, lat] pairs of a closed ring (GeoJSON order). */
export type RingView = [number, number][];

export interface HotspotCellView {
  col: number;
  row: number;
  count: number;
  z: number;
  p: number;
  /** Benjamini–Hochberg adjusted p. */
  q: number;
  hot: boolean;
  cold: boolean;
  /** Cell corners projected back to WGS84: SW, SE, NE, NW, SW. */
  polygon: RingView;
  /** The area (kommundel) the cell's centre lies in or next to; null outside the municipality. */
  areaCode: string | null;
}

/** Significant cells per area, so the result reads without the map (and for screen readers). */
export interface HotspotAreaView {
  areaCode: string;
  name: string;
  hotCells: number;
  coldCells: number;
  /** Reports in the area's hot cells. */
  eventsInHotCells: number;
}

export interface HotspotsView {
  period: PeriodView;
  events: number;
  cellSize: number;
  alpha: number;
  permutations: number;
  /**
   * With permutations, no p-value can be below 2 / (N + 1); after the false-discovery-rate
   * correction over every cell of the grid that is often too large for any cell to pass, which the
   * page must say rather than show an empty map without a reason. Null for analytic p-values.
   */
  minPossibleP: number | null;
  /** Fewest reports in a hot cell's 3 x 3 window. */
  minCount: number;
  /**
   * Cells of the study area (the municipality: cells whose centre lies inside its boundary, empty
   * ones included); every grid analysis of the same cell size counts the same cells.
   */
  gridCells: number;
  /** Cells of the boundary's bounding box left out because their centre lies outside. */
  excludedCells: number;
  /** Reports in the selection that lie in no study-area cell (just beyond the boundary). */
  eventsOutside: number;
  hotCells: number;
  coldCells: number;
  /** Significant cells only (hot or cold after FDR); the rest is noise and is not sent. */
  cells: HotspotCellView[];
  /** Hot cells (and their events) are what the evaluation counts. */
  eventsInHotCells: number;
  /** Areas with significant cells, most hot cells first. */
  byArea: HotspotAreaView[];
}

export interface DensityBandView {
  /** Events per km². */
  level: number;
  /** Share of the highest density this contour stands for. */
  share: number;
  geometry: { type: 'MultiPolygon'; coordinates: RingView[][] };
}

export interface DensityView {
  period: PeriodView;
  events: number;
  cellSize: number;
  bandwidth: number;
  bandwidthRule: 'given' | 'arcgis-silverman';
  /** Highest density, events per km². */
  maxDensity: number;
  /**
   * Raster in SWEREF 99 TM over the study area's grid: events per km² at cell centres, row-major
   * from the south-west; null for cells outside the municipality.
   */
  raster: { cellSize: number; minCol: number; minRow: number; nCols: number; nRows: number; values: (number | null)[] };
  contours: DensityBandView[];
  /** Reports in no study-area cell, left out of the surface. */
  eventsOutside: number;
}

export interface NearRepeatVerdictView {
  metres: number;
  days: number;
  ratio: number;
  p: number;
  sv: string;
  en: string;
}

export interface NearRepeatView {
  period: PeriodView;
  categoryCodes: string[];
  events: number;
  iterations: number;
  spaceBands: { label: string; min: number; max: number | null }[];
  timeBands: { label: string; min: number; max: number | null }[];
  observed: number[][];
  expected: number[][];
  ratio: (number | null)[][];
  p: number[][];
  /** Only when the (0, spaceBand] x [0, timeBand] cell has ratio > 1 and p < 0.05; null otherwise. */
  verdict: NearRepeatVerdictView | null;
}

/** The engine's evaluation figures with the periods and parameters they answer for. */
export interface EvaluationView extends EvaluationResult {
  period: PeriodView;
  nextPeriod: PeriodView;
  cellSize: number;
  alpha: number;
  /** `cells` is the study area's cell count, the same as the hot-spot map's `gridCells`. */
  excludedCells: number;
  eventsOutside: number;
}

/** The ArcGIS Emerging Hot Spot Analysis patterns (src/analysis/emerging.ts defines each). */
export { EMERGING_CATEGORIES as EMERGING_CATEGORY_CODES } from '../analysis/emerging.ts';
import type { EmergingCategory } from '../analysis/emerging.ts';
export type EmergingCategoryCode = EmergingCategory;

/** Emerging hot spots: the period cut into weeks (the 7 days up to its end, and back) or months. */
export const emergingQuerySchema = z
  .strictObject({
    ...selectionFields,
    cellSize: hotspotFields.cellSize,
    alpha: hotspotFields.alpha,
    minCount: hotspotFields.minCount,
    interval: z.enum(['week', 'month']).default('week'),
    /** Previous time steps in a bin's neighbourhood (ArcGIS's neighbourhood time step). */
    timeWindow: z.coerce.number().int().min(0).max(4).default(1),
  })
  .superRefine(periodRules);
export type EmergingQuery = z.infer<typeof emergingQuerySchema>;

export interface EmergingCellView {
  col: number;
  row: number;
  /** Reports in the cell over the whole period. */
  count: number;
  category: EmergingCategoryCode;
  hotBins: number;
  coldBins: number;
  /** Mann–Kendall p of the cell's z-score trend. */
  trendP: number;
  polygon: RingView;
  areaCode: string | null;
}

export interface EmergingView {
  period: PeriodView;
  interval: 'week' | 'month';
  /** Calendar days (Swedish dates, YYYY-MM-DD) of each time step, oldest first. */
  steps: { from: string; to: string }[];
  cellSize: number;
  timeWindow: number;
  alpha: number;
  minCount: number;
  events: number;
  gridCells: number;
  excludedCells: number;
  eventsOutside: number;
  /** Cells per pattern, `none` included, summing to gridCells. */
  categories: Record<EmergingCategoryCode, number>;
  /** Cells with a pattern (not `none`). */
  cells: EmergingCellView[];
}

/** Crime concentration over the municipality's cells or over its named places. */
export const concentrationQuerySchema = z
  .strictObject({
    ...selectionFields,
    unit: z.enum(['cells', 'places']).default('cells'),
    cellSize: hotspotFields.cellSize,
  })
  .superRefine(periodRules);
export type ConcentrationQuery = z.infer<typeof concentrationQuerySchema>;

export interface ConcentrationView {
  period: PeriodView;
  unit: 'cells' | 'places';
  cellSize: number | null;
  /** Cells of the study area, or the municipality's named places. */
  units: number;
  events: number;
  unitsWithEvents: number;
  /** Reports outside the study area (cells) or without a named place (places). */
  eventsOutside: number;
  shares: { share: number; units: number; events: number; eventShare: number }[];
  /** [share of units, share of reports] from (0, 0) to (1, 1), least busy units first. */
  lorenz: [number, number][];
  gini: number;
  /** Bernasco & Steenbeek's Gini against maximal equality given fewer reports than units. */
  generalizedGini: number;
  /** The busiest units: a place's name, or a cell with its square. */
  top: { label: string; count: number; polygon: RingView | null; areaCode: string | null }[];
}

/** The analyses the page runs as queued runs (POST /api/analysis/runs). */
export const ANALYSIS_KINDS = [
  'hotspots',
  'density',
  'near-repeat',
  'evaluation',
  'emerging',
  'concentration',
] as const;
export type AnalysisKind = (typeof ANALYSIS_KINDS)[number];

export const analysisRunCreateSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('hotspots'), query: hotspotQuerySchema }),
  z.strictObject({ kind: z.literal('density'), query: densityQuerySchema }),
  z.strictObject({ kind: z.literal('near-repeat'), query: nearRepeatQuerySchema }),
  z.strictObject({ kind: z.literal('evaluation'), query: evaluationQuerySchema }),
  z.strictObject({ kind: z.literal('emerging'), query: emergingQuerySchema }),
  z.strictObject({ kind: z.literal('concentration'), query: concentrationQuerySchema }),
]);
export type AnalysisRunCreate = z.infer<typeof analysisRunCreateSchema>;

export interface AnalysisResults {
  hotspots: HotspotsView;
  density: DensityView;
  'near-repeat': NearRepeatView;
  evaluation: EvaluationView;
  emerging: EmergingView;
  concentration: ConcentrationView;
}

export type AnalysisRunStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** A run as its owner sees it; `result` only once done, `error` only when failed. */
export interface AnalysisRunView<K extends AnalysisKind = AnalysisKind> {
  id: string;
  kind: K;
  status: AnalysisRunStatus;
  /** 1 = next to start; null unless queued. */
  position: number | null;
  /** Share of the work done, 0..1. */
  progress: number;
  createdAt: string;
  result: AnalysisResults[K] | null;
  error: { code: string; message: string; details?: unknown } | null;
}
