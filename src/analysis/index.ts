/**
 * Public API of the analysis engine: pure, I/O-free functions on typed arrays, safe to import from
 * the server, a browser web worker and the CLI. The worker-thread variants (`knox-parallel.ts`,
 * `gistar-parallel.ts`) use node:worker_threads and are imported directly by Node callers.
 */
export {
  gridFromBBox,
  gridFromPoints,
  countPoints,
  cellCorner,
  type BBox,
  type GridSpec,
  type GridCounts,
} from './grid.ts';
export {
  wgs84ToSweref99tm,
  sweref99tmToWgs84,
  projectWgs84Arrays,
  isInSwerefArea,
  isInSwerefBounds,
  ProjectionRangeError,
} from './projection.ts';
export {
  giStarHotspots,
  giStarGrid,
  giStarZ,
  type GiStarOptions,
  type GiStarResult,
  type HotspotOptions,
  type HotspotResult,
  type HotspotCell,
} from './gistar.ts';
export { quarticKde, ruleOfThumbBandwidth, integrateRaster, type KdeOptions, type KdeRaster } from './kde.ts';
export { contourPolygons, type ContourBand, type MultiPolygonCoordinates } from './contour.ts';
export {
  knoxTest,
  prepareKnox,
  finishKnox,
  type KnoxOptions,
  type KnoxResult,
  type KnoxBand,
  type DistanceMetric,
} from './knox.ts';
export {
  flagChanges,
  poissonTest,
  baselineMean,
  type ChangeCell,
  type ChangeFlag,
  type Alternative,
  type Baseline,
} from './change.ts';
export { evaluateHotspots, topCells, type EvaluationInput, type EvaluationResult } from './evaluation.ts';
export { benjaminiHochberg, twoSidedNormalP } from './stats.ts';
