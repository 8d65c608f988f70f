/**
 * Starting the analysis worker thread (analysis-worker.ts). Node only; the pure modules never
 * import this file.
 *
 * Where the worker file is: beside this module, with this module's own extension. Run from the
 * TypeScript sources (tsx, vitest) that is `analysis-worker.ts`; in a build it is the compiled
 * `analysis-worker.js`/`.mjs`, so a build must emit src/analysis/analysis-worker.ts as an entry
 * point into the same directory as the code that holds this module (for a single-file bundle:
 * beside the bundle). When the file is missing, callers get a WorkerUnavailableError and compute
 * on their own thread: same results, only slower.
 *
 * For a .ts worker file we start a tiny eval'd bootstrap that registers tsx's ESM hooks inside the
 * worker thread and then imports the real worker. On Node 20 neither the parent's tsx hooks nor
 * `--import tsx` in the worker's execArgv make a .ts entry loadable (both tried: "Unknown file
 * extension .ts"), while registering from inside the thread works both under `tsx` (the CLI) and
 * under vitest (which transforms modules itself and runs workers as plain Node).
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

export class WorkerUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerUnavailableError';
  }
}

/** analysis-worker.<ext> beside this module. */
export function workerEntryUrl(): URL {
  const here = new URL(import.meta.url);
  const ext = /\.(ts|mts|mjs|cjs|js)$/.exec(here.pathname)?.[1] ?? 'js';
  return new URL(`./analysis-worker.${ext}`, here);
}

/** A new analysis worker thread; throws WorkerUnavailableError when its file is not there. */
export function startAnalysisWorker(): Worker {
  const url = workerEntryUrl();
  if (url.protocol === 'file:' && !existsSync(fileURLToPath(url)))
    throw new WorkerUnavailableError(`the analysis worker ${fileURLToPath(url)} is missing`);
  if (!url.pathname.endsWith('.ts')) return new Worker(url);
  const require = createRequire(import.meta.url);
  // The ESM build of tsx's API; require.resolve would pick the CJS build, which cannot register ESM hooks here.
  const tsxApi = pathToFileURL(join(dirname(require.resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const code =
    `import(${JSON.stringify(tsxApi)})` +
    `.then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })` +
    `.catch((e) => { throw e; });`;
  return new Worker(code, { eval: true });
}

/** Split [0, n) into `parts` contiguous ranges of near-equal size (empty ranges dropped). */
export function splitRange(n: number, parts: number): [number, number][] {
  const out: [number, number][] = [];
  for (let w = 0; w < parts; w++) {
    const from = Math.floor((n * w) / parts);
    const to = Math.floor((n * (w + 1)) / parts);
    if (to > from) out.push([from, to]);
  }
  return out;
}
