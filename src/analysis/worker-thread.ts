/**
 * Start a worker thread on one of this folder's TypeScript modules and await its single reply.
 * Node only (node:worker_threads); the pure modules never import this file.
 *
 * For a .ts worker file we start a tiny eval'd bootstrap that registers tsx's ESM hooks inside the
 * worker thread and then imports the real worker. On Node 20 neither the parent's tsx hooks nor
 * `--import tsx` in the worker's execArgv make a .ts entry loadable (both tried: "Unknown file
 * extension .ts"), while registering from inside the thread works both under `tsx` (the CLI) and
 * under vitest (which transforms modules itself and runs workers as plain Node).
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

// Callers name their worker by its source file (`./knox-worker.ts`); in the build (dist/, compiled
// by tsc) the sibling is the `.js` file beside this compiled module.
const compiled = import.meta.url.endsWith('.js');

function startWorker(sourceUrl: URL, workerData: unknown): Worker {
  const url = compiled ? new URL(sourceUrl.href.replace(/\.ts$/, '.js')) : sourceUrl;
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData });
  const require = createRequire(import.meta.url);
  // The ESM build of tsx's API; require.resolve would pick the CJS build, which cannot register ESM hooks here.
  const tsxApi = pathToFileURL(join(dirname(require.resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const code =
    `import(${JSON.stringify(tsxApi)})` +
    `.then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })` +
    `.catch((e) => { throw e; });`;
  return new Worker(code, { eval: true, workerData });
}

/** Run `url` as a worker with `workerData`; resolves with its first message, rejects if it fails. */
export function runWorker<T>(url: URL, workerData: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(url, workerData);
    let done = false;
    worker.once('message', (msg: T) => {
      done = true;
      resolve(msg);
      void worker.terminate();
    });
    worker.once('error', (err) => {
      if (!done) reject(err);
    });
    worker.once('exit', (code) => {
      if (!done) reject(new Error(`worker ${url.pathname} exited with code ${code}`));
    });
  });
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
