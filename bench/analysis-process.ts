/**
 * Whole-process comparisons (issue 17): `samtrygg analyze` as a user runs it against the numpy/scipy
 * scripts in bench/reference/, same input files, same output, back to back on the same machine.
 * Time is wall clock from spawn to exit; memory is the peak resident set (GNU time's %M).
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { repoRoot } from './support.ts';
import { CHICAGO, chicagoAvailable, generatedPoints, writeChicago2014, writePointsCsv } from './analysis-data.ts';

interface Measurement {
  seconds: number;
  peakKiB: number | null;
}

const GNU_TIME = '/usr/bin/time';

/**
 * The CLI as users start it. Once `npm run build` exists (bin/samtrygg.mjs no longer runs tsx), that
 * build; until then an esbuild bundle of src/cli with the analysis worker beside it, in
 * node_modules/.cache so the bundle resolves the installed packages.
 */
export async function builtCli(): Promise<{ command: string[]; description: string }> {
  const bin = path.join(repoRoot, 'bin/samtrygg.mjs');
  if (!readFileSync(bin, 'utf8').includes('tsx')) {
    return { command: [process.execPath, bin], description: 'node bin/samtrygg.mjs (the npm run build output)' };
  }
  const cache = path.join(repoRoot, 'node_modules/.cache/samtrygg-bench-cli');
  const outdir = path.join(cache, 'dist');
  rmSync(cache, { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
  // What bin/samtrygg.mjs does, minus tsx. Code splitting keeps the server's modules (migrate,
  // seed, serve) out of an analysis run, as lazy imports do in the sources.
  const entry = path.join(cache, 'cli.ts');
  const main = path.join(repoRoot, 'src/cli/main.ts');
  writeFileSync(
    entry,
    `import { main } from ${JSON.stringify(main)};\nprocess.exitCode = await main(process.argv.slice(2));\n`,
  );
  await build({
    entryPoints: { cli: entry, 'analysis-worker': path.join(repoRoot, 'src/analysis/analysis-worker.ts') },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return {
    command: [process.execPath, path.join(outdir, 'cli.mjs')],
    description: 'node on an esbuild bundle of src/cli (npm run build is not in main yet)',
  };
}

/** Runs a command with stdout to `outFile`; wall time and peak memory. */
function measure(command: string[], outFile: string): Promise<Measurement> {
  const memFile = `${outFile}.time`;
  const withTime = existsSync(GNU_TIME);
  const argv = withTime ? [GNU_TIME, '-f', '%M', '-o', memFile, ...command] : command;
  const out = openSync(outFile, 'w');
  const t0 = performance.now();
  const child = spawn(argv[0]!, argv.slice(1), { cwd: repoRoot, stdio: ['ignore', out, 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      const seconds = (performance.now() - t0) / 1000;
      closeSync(out);
      if (code !== 0) return reject(new Error(`${command.join(' ')} exited ${code}:\n${err}`));
      const peakKiB = withTime ? Number(readFileSync(memFile, 'utf8').trim().split('\n').pop()) : null;
      resolve({ seconds, peakKiB });
    });
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface Comparison {
  name: string;
  aim: number;
  ours: string[];
  numpy: string[];
  repeats: number;
  /** Are both outputs the same analysis? A short verdict for the log. */
  agree: (ours: string, numpy: string) => string;
  memoryAim?: boolean;
}

async function compare(c: Comparison, dir: string, log: (line: string) => void): Promise<number> {
  const ours: Measurement[] = [];
  const theirs: Measurement[] = [];
  const oursOut = path.join(dir, 'ours.json');
  const theirsOut = path.join(dir, 'numpy.json');
  for (let r = 0; r < c.repeats; r++) {
    ours.push(await measure(c.ours, oursOut));
    theirs.push(await measure(c.numpy, theirsOut));
  }
  const a = median(ours.map((m) => m.seconds));
  const b = median(theirs.map((m) => m.seconds));
  const ratio = a / b;
  const mem = (ms: Measurement[]) => (ms[0]!.peakKiB === null ? null : Math.max(...ms.map((m) => m.peakKiB!)) / 1024);
  const ma = mem(ours);
  const mb = mem(theirs);
  const memText = ma === null || mb === null ? 'memory n/a' : `peak ${ma.toFixed(0)} MiB vs ${mb.toFixed(0)} MiB`;
  const memAim =
    c.memoryAim && ma !== null && mb !== null ? (ma < mb ? ', memory aim met' : ', MEMORY OVER NUMPY') : '';
  log(
    `${c.name.padEnd(58)} ratio ${ratio.toFixed(2)}x (aim <= ${c.aim}x${ratio > c.aim ? ', OVER' : ''})   ` +
      `samtrygg ${a.toFixed(2)} s, numpy ${b.toFixed(2)} s (median of ${c.repeats})   ${memText}${memAim}   ` +
      c.agree(readFileSync(oursOut, 'utf8'), readFileSync(theirsOut, 'utf8')),
  );
  return ratio;
}

const knoxAgree = (a: string, b: string) => {
  const same = JSON.stringify(JSON.parse(a).observed) === JSON.stringify(JSON.parse(b).observed);
  return same ? 'observed tables equal' : 'OBSERVED TABLES DIFFER';
};

const gistarAgree = (a: string, b: string) => {
  const x = JSON.parse(a).cells as { z: number; hot: boolean; cold: boolean; count: number }[];
  const y = JSON.parse(b).cells as typeof x;
  let dz = 0;
  let flags = 0;
  for (let i = 0; i < x.length; i++) {
    dz = Math.max(dz, Math.abs(x[i]!.z - y[i]!.z));
    if (x[i]!.hot !== y[i]!.hot || x[i]!.cold !== y[i]!.cold || x[i]!.count !== y[i]!.count) flags++;
  }
  return x.length === y.length && flags === 0
    ? `cells equal (max |dz| ${dz.toExponential(1)})`
    : `CELLS DIFFER (${flags})`;
};

export async function runProcessComparisons(log: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'samtrygg-bench-analysis-'));
  try {
    const cli = await builtCli();
    log(`whole process, measured as: ${cli.description}; numpy/scipy: python3 bench/reference/*.py`);
    const py = (script: string) => ['python3', path.join(repoRoot, 'bench/reference', script)];
    if (chicagoAvailable()) {
      const c2014 = path.join(dir, 'chicago_2014.csv');
      writeChicago2014(c2014);
      const knox = (file: string, bands: string[]) => [
        '--input',
        file,
        '--date-column',
        'date_single',
        '--date-format',
        'dd/mm/yyyy',
        ...bands,
        '--seed',
        '1',
      ];
      const small = knox(c2014, [
        '--space-band',
        '200',
        '--space-bands',
        '1',
        '--time-band',
        '7',
        '--time-bands',
        '1',
        '--iterations',
        '99',
      ]);
      await compare(
        {
          name: 'near-repeat Chicago 2014 (12,334 ev), 1x200 m x 1x7 d, 99 it',
          aim: 1.0,
          ours: [...cli.command, 'analyze', 'near-repeat', '--crs', 'projected', ...small],
          numpy: [...py('knox_numpy.py'), ...small],
          repeats: 5,
          agree: knoxAgree,
        },
        dir,
        log,
      );
      const big = knox(CHICAGO, [
        '--space-band',
        '100',
        '--space-bands',
        '5',
        '--time-band',
        '7',
        '--time-bands',
        '5',
        '--iterations',
        '999',
      ]);
      await compare(
        {
          name: 'near-repeat Chicago 2014-17 (45,319 ev), 5x100 m x 5x7 d, 999 it',
          aim: 0.5,
          ours: [...cli.command, 'analyze', 'near-repeat', '--crs', 'projected', ...big],
          numpy: [...py('knox_numpy.py'), ...big],
          repeats: 1,
          agree: knoxAgree,
        },
        dir,
        log,
      );
    } else log(`near-repeat comparisons skipped: ${CHICAGO} not found`);
    const points = path.join(dir, 'points_1m.csv');
    writePointsCsv(points, generatedPoints(1_000_000));
    const gi = ['--input', points, '--cell-size', '100'];
    await compare(
      {
        name: 'Gi* 1,000,000 points, 100 m grid, analytic',
        aim: 1.0,
        ours: [...cli.command, 'analyze', 'hotspots', ...gi],
        numpy: [...py('gistar_numpy.py'), ...gi],
        repeats: 5,
        agree: gistarAgree,
        memoryAim: true,
      },
      dir,
      log,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
