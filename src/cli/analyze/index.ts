/**
 * `samtrygg analyze hotspots | kde | near-repeat | evaluate | change | emerging | concentration`
 * (public contract: CONTRACT.md, "CLI analysis"). JSON results go to stdout, progress and warnings
 * to stderr. Exit codes: 0 ok, 2 bad usage or bad input (missing column, unparseable row,
 * coordinates outside the projection's valid area, too few events), 1 unexpected failure.
 *
 * Start-up matters (a short run is mostly start-up): each command's module is imported only when
 * it runs, and nothing here imports server code.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './errors.ts';
import { StreamedJson } from './json-output.ts';
import type { CommandContext } from './options.ts';

export interface AnalyzeIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

type Options = NonNullable<ParseArgsConfig['options']>;

const common: Options = {
  input: { type: 'string' },
  format: { type: 'string', default: 'json' },
  crs: { type: 'string', default: 'sweref99tm' },
  help: { type: 'boolean', short: 'h' },
};
const dates: Options = {
  'date-column': { type: 'string', default: 'date' },
  'date-format': { type: 'string', default: 'iso' },
};
const area: Options = { 'study-area': { type: 'string' } };

type Run = (ctx: CommandContext) => Promise<unknown>;
const lazy =
  (load: () => Promise<{ run: Run }>): Run =>
  async (ctx) =>
    (await load()).run(ctx);

export const COMMANDS = {
  hotspots: {
    options: {
      ...common,
      'cell-size': { type: 'string' },
      permutations: { type: 'string' },
      seed: { type: 'string' },
      alpha: { type: 'string' },
      'min-count': { type: 'string' },
      workers: { type: 'string', default: 'auto' },
      ...area,
    },
    run: lazy(() => import('./commands/hotspots.ts')),
    usage: `samtrygg analyze hotspots --input F --cell-size M [--permutations N] [--seed S] [--alpha A] [--study-area G.geojson] [--min-count K] --format json
  Getis-Ord Gi* on a square grid aligned to multiples of M (queen contiguity incl. the cell itself),
  every cell between the points' min and max col/row; p two-sided (normal, or conditional
  permutations when --permutations > 0); hot/cold after Benjamini-Hochberg FDR at --alpha (0.05).
  --study-area: only cells whose centre lies inside count (mean, variance, neighbours); the output
  lists those cells and says in "studyArea" how many were excluded and how many events fell outside.
  --min-count K: a cell is hot only with at least K events in its 3 x 3 window (3 keeps a lone
  report on a sparse grid from being a "hot spot"; default 0, the plain test).`,
  },
  kde: {
    options: {
      ...common,
      'cell-size': { type: 'string' },
      bandwidth: { type: 'string' },
      levels: { type: 'string' },
      contours: { type: 'string' },
      bbox: { type: 'string' },
      ...area,
    },
    run: lazy(() => import('./commands/kde.ts')),
    usage: `samtrygg analyze kde --input F --cell-size M [--bandwidth H] [--levels a,b,c | --contours K] [--bbox minX,minY,maxX,maxY | --study-area G.geojson] --format json
  Quartic-kernel density (Silverman 1986 eq. 4.5, as ArcGIS) at cell centres, in events per km^2;
  default bandwidth by ArcGIS's rule of thumb; contour polygons (GeoJSON MultiPolygon, metres) at
  the given levels (events per km^2) or at K levels spaced evenly below the maximum (default 5).
  --study-area: the area's events over its cells; values outside it are null.`,
  },
  'near-repeat': {
    options: {
      ...common,
      ...dates,
      'space-band': { type: 'string' },
      'space-bands': { type: 'string' },
      'time-band': { type: 'string' },
      'time-bands': { type: 'string' },
      iterations: { type: 'string' },
      seed: { type: 'string' },
      distance: { type: 'string', default: 'euclidean' },
      'nrc-compatible': { type: 'boolean', default: false },
      workers: { type: 'string', default: 'auto' },
    },
    run: lazy(() => import('./commands/near-repeat.ts')),
    usage: `samtrygg analyze near-repeat --input F --space-band M --space-bands K --time-band D --time-bands L --iterations N --seed S [--distance euclidean|manhattan] --format json
  Knox test: spatial bands same location, (0,M], ..., ((K-1)M,KM], > KM; temporal bands [0,D],
  [D+1,2D], ..., > LD; expected = mean over N permutations of dates; p = (1 + #{perm >= obs}) / (1 + N).
  --nrc-compatible reproduces the Near Repeat Calculator's banding ([a-1, b) for a band "a to b").
  --workers N|auto: worker threads for the permutations (results do not depend on it).`,
  },
  evaluate: {
    options: {
      ...common,
      ...dates,
      'cell-size': { type: 'string' },
      'split-date': { type: 'string' },
      method: { type: 'string', default: 'gistar' },
      'top-share': { type: 'string', default: '0.05' },
      alpha: { type: 'string' },
      'min-count': { type: 'string' },
      ...area,
    },
    run: lazy(() => import('./commands/evaluate.ts')),
    usage: `samtrygg analyze evaluate --input F --cell-size M --split-date YYYY-MM-DD [--method gistar|top] [--top-share 0.05] [--alpha A] [--study-area G.geojson] --format json
  Flags cells from period 1 (dates before --split-date) by Gi* hot spots or by the busiest
  --top-share of cells, then scores them on period 2 (dates from --split-date on): hit rate, PAI
  (Chainey et al. 2008), PEI and RRI (recapture rate index). Study area = the grid over all events,
  or the cells inside --study-area (PAI's area counts only those).`,
  },
  change: {
    options: {
      ...common,
      ...dates,
      'split-date': { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      by: { type: 'string' },
      'cell-size': { type: 'string' },
      test: { type: 'string', default: 'exact' },
      alternative: { type: 'string', default: 'two-sided' },
      alpha: { type: 'string' },
      ...area,
    },
    run: lazy(() => import('./commands/change.ts')),
    usage: `samtrygg analyze change --input F --split-date YYYY-MM-DD (--by COLUMN | --cell-size M [--study-area G.geojson]) [--from D] [--to D] [--test exact|poisson] [--alternative two-sided|greater|less] [--alpha A] --format json
  Change between period 1 (--from, default the first date, up to the day before --split-date) and
  period 2 (--split-date to --to, default the last date, inclusive), per value of COLUMN (an area or
  place) or per grid cell holding events. --test exact (default): period 2's count given the total
  is Binomial(n, t2 / (t1 + t2)) when the rate is unchanged (R poisson.test with two counts);
  --test poisson: period 2 against period 1's rate as a known Poisson mean. Two-sided p as R's;
  significant after Benjamini-Hochberg at --alpha (0.05). Output: period1, period2 {from, to, days,
  events} and units [{key | col,row,x,y, count1, count2, expected2, rateRatio, p, q, direction, significant}].`,
  },
  emerging: {
    options: {
      ...common,
      ...dates,
      'cell-size': { type: 'string' },
      interval: { type: 'string', default: 'week' },
      'time-window': { type: 'string' },
      'min-count': { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      alpha: { type: 'string' },
      ...area,
    },
    run: lazy(() => import('./commands/emerging.ts')),
    usage: `samtrygg analyze emerging --input F --cell-size M [--interval week|month] [--time-window K] [--from D] [--to D] [--alpha A] [--study-area G.geojson] [--min-count K] --format json
  Emerging hot spots (ArcGIS Pro's Emerging Hot Spot Analysis): a space-time cube of grid cells by
  Monday weeks or calendar months; Gi* per bin with the queen neighbours in this and the previous K
  steps (default 1) against the whole cube, BH at --alpha; the Mann-Kendall trend of each cell's z;
  each cell is new, consecutive, intensifying, persistent, diminishing, sporadic, oscillating or
  historical hot or cold spot, or none (the definitions, after Esri: README "Analysis").
  Output: timeSteps, categories (counts) and cells [{col,row,x,y,count,category,hotBins,coldBins,trend}].`,
  },
  concentration: {
    options: {
      ...common,
      by: { type: 'string' },
      'cell-size': { type: 'string' },
      shares: { type: 'string' },
      ...area,
    },
    run: lazy(() => import('./commands/concentration.ts')),
    usage: `samtrygg analyze concentration --input F (--cell-size M [--study-area G.geojson] | --by COLUMN) [--shares 0.01,0.05,0.1] --format json
  Crime concentration (Weisburd's law of crime concentration): the share of events in the busiest
  1 %, 5 % and 10 % of grid cells (empty ones included) or of the places named in COLUMN; the Lorenz
  curve (101 points) and its Gini, and the generalised Gini of Bernasco & Steenbeek (2017) for
  fewer events than units.`,
  },
} as const;

const COMMON_HELP = `Common options:
  --input F             CSV with a header; x,y (SWEREF 99 TM metres) or lat,lon (WGS84); separated by
                        ',' or ';' (then ',' may be the decimal mark, as Swedish Excel writes), UTF-8
                        with or without BOM (Latin-1 is read, with a warning); rows with another number
                        of fields than the header are refused with their line numbers
  --study-area G        GeoJSON (Multi)Polygon or FeatureCollection; lon/lat (WGS84) or, when the
                        numbers are larger, metres in the points' own coordinates
  --crs sweref99tm|projected   x,y are SWEREF 99 TM (checked against its valid area) or any projected metres
  --date-column NAME    date column (default "date"; near-repeat, evaluate, change, emerging)
  --date-format iso|dd/mm/yyyy|mm/dd/yyyy   (default iso: YYYY-MM-DD or ISO 8601; the written date is used)
  --format json         output format (JSON to stdout)
  --help`;

function usage(): string {
  return [
    'Usage: samtrygg analyze <command> [options]',
    '',
    ...Object.values(COMMANDS).map((c) => c.usage + '\n'),
    COMMON_HELP,
    '',
  ].join('\n');
}

function write(stream: NodeJS.WritableStream, text: string | Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    if (stream.write(text)) resolve();
    else stream.once('drain', () => resolve());
  });
}

export async function runAnalyze(argv: string[], io: AnalyzeIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    await write(command === undefined ? io.stderr : io.stdout, usage());
    return command === undefined ? 2 : 0;
  }
  const spec = (COMMANDS as Record<string, (typeof COMMANDS)[keyof typeof COMMANDS]>)[command];
  if (!spec) {
    await write(io.stderr, `samtrygg analyze: unknown command "${command}"\n\n${usage()}`);
    return 2;
  }
  try {
    let values: Record<string, string | boolean | undefined>;
    try {
      values = parseArgs({ args: rest, options: spec.options, strict: true, allowPositionals: false }).values as Record<
        string,
        string | boolean | undefined
      >;
    } catch (e) {
      throw new CliError(`${(e as Error).message}\n\n${spec.usage}`);
    }
    if (values.help) {
      await write(io.stdout, `${spec.usage}\n\n${COMMON_HELP}\n`);
      return 0;
    }
    if (values.format !== 'json') throw new CliError(`--format must be json, got "${String(values.format)}"`);
    const ctx: CommandContext = {
      values,
      warn: (message: string) => {
        io.stderr.write(`${message}\n`);
      },
    };
    const result = await spec.run(ctx);
    if (result instanceof StreamedJson) {
      for (const chunk of result.chunks()) await write(io.stdout, chunk);
      await write(io.stdout, '\n');
    } else await write(io.stdout, `${JSON.stringify(result)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof CliError) {
      await write(io.stderr, `samtrygg analyze ${command}: ${e.message}\n`);
      return e.exitCode;
    }
    if (e instanceof RangeError) {
      // Parameter checks inside the analysis engine (e.g. too few events, bad band widths).
      await write(io.stderr, `samtrygg analyze ${command}: ${e.message}\n`);
      return 2;
    }
    await write(io.stderr, `samtrygg analyze ${command}: unexpected error: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}
