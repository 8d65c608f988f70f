/**
 * Building the space-time cube for emerging hot spots from events: the study area's grid cells
 * (study-area.ts) by calendar weeks (Monday to Sunday) or months, from the first to the last step
 * that holds an event unless a range is given. Days are whole-day numbers (days since 1970-01-01).
 */
import type { SpaceTimeCube } from './emerging.ts';
import { civilDay, civilFromDay } from './calendar.ts';

export { civilFromDay } from './calendar.ts';
import { studyGrid, type StudyArea, type StudyGrid } from './study-area.ts';

export type Interval = 'week' | 'month';

const dayOfCivil = (year: number, month: number) => civilDay(year, month, 1);

/** The step a day falls in: Monday-based week number (1970-01-05 starts week 1) or year * 12 + month - 1. */
export function stepOf(day: number, interval: Interval): number {
  if (interval === 'week') return Math.floor((day + 3) / 7);
  const { year, month } = civilFromDay(day);
  return year * 12 + month - 1;
}

/** First and last day of a step. */
export function stepDays(step: number, interval: Interval): { from: number; to: number } {
  if (interval === 'week') return { from: step * 7 - 3, to: step * 7 + 3 };
  const year = Math.floor(step / 12);
  const month = (step % 12) + 1;
  return { from: dayOfCivil(year, month), to: dayOfCivil(month === 12 ? year + 1 : year, (month % 12) + 1) - 1 };
}

export interface CubeOptions {
  cellSize: number;
  interval: Interval;
  studyArea?: StudyArea;
  /** Day range to cover (inclusive); default the events' own. Events outside are left out. */
  fromDay?: number;
  toDay?: number;
  /**
   * Weeks as the 7 days ending on `toDay`, the 7 before those, and so on (ArcGIS's default "end
   * time" alignment), instead of Monday weeks: the final step is then a whole week however the
   * period ends. Needs `toDay`.
   */
  endAligned?: boolean;
}

export interface BuiltCube {
  cube: SpaceTimeCube;
  area: StudyGrid;
  /** Day ranges of the time steps, oldest first. */
  steps: { from: number; to: number }[];
  /** Events outside the day range (they are in no bin). */
  eventsOutsideTime: number;
}

export function buildCube(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  days: ArrayLike<number>,
  options: CubeOptions,
): BuiltCube {
  const { cellSize, interval } = options;
  if (days.length === 0) throw new RangeError('no events to build a space-time cube from');
  let first = Infinity;
  let last = -Infinity;
  for (let k = 0; k < days.length; k++) {
    if (days[k]! < first) first = days[k]!;
    if (days[k]! > last) last = days[k]!;
  }
  const endDay = options.toDay ?? last;
  const byEnd = options.endAligned === true && interval === 'week';
  // Step numbers grow with time either way; end-aligned week s holds days endDay - 7(s0 - s) - 6 .. endDay - 7(s0 - s).
  const step = (d: number) => (byEnd ? -Math.floor((endDay - d) / 7) : stepOf(d, interval));
  const range = (s: number) => (byEnd ? { from: endDay + 7 * s - 6, to: endDay + 7 * s } : stepDays(s, interval));
  const from = step(options.fromDay ?? first);
  const to = step(endDay);
  const steps = to - from + 1;
  if (steps < 1) throw new RangeError('the time range is empty');
  const keep: number[] = [];
  for (let k = 0; k < days.length; k++) {
    const d = days[k]!;
    if ((options.fromDay === undefined || d >= options.fromDay) && (options.toDay === undefined || d <= options.toDay))
      keep.push(k);
  }
  const px = Float64Array.from(keep, (k) => x[k]!);
  const py = Float64Array.from(keep, (k) => y[k]!);
  const area = studyGrid(px, py, { cellSize, ...(options.studyArea ? { studyArea: options.studyArea } : {}) });
  const { grid, mask } = area;
  const nGrid = grid.counts.length;
  const slot = new Int32Array(nGrid).fill(-1);
  const cellIndex = new Int32Array(area.cells);
  for (let i = 0, c = 0; i < nGrid; i++) {
    if (!mask || mask[i]) {
      slot[i] = c;
      cellIndex[c++] = i;
    }
  }
  const nCells = cellIndex.length;
  const counts = new Float64Array(nCells * steps);
  keep.forEach((k, j) => {
    const col = Math.floor(px[j]! / cellSize) - grid.minCol;
    const row = Math.floor(py[j]! / cellSize) - grid.minRow;
    if (col < 0 || row < 0 || col >= grid.nCols || row >= grid.nRows) return;
    const c = slot[row * grid.nCols + col]!;
    if (c >= 0) counts[(step(days[k]!) - from) * nCells + c]! += 1;
  });
  return {
    cube: { nCols: grid.nCols, nRows: grid.nRows, steps, cellIndex, counts },
    area,
    steps: Array.from({ length: steps }, (_, t) => range(from + t)),
    eventsOutsideTime: days.length - keep.length,
  };
}
