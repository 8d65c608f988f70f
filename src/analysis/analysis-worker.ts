/**
 * Entry of an analysis worker thread (started by worker-thread.ts, driven by worker-pool.ts).
 * It runs one job at a time, posting progress at most every 100 ms, then the result with its
 * typed arrays transferred. It stays alive for the next job until the pool ends it. Node only.
 */
import { parentPort } from 'node:worker_threads';
import { JOBS, transferables, type JobName } from './jobs.ts';

const port = parentPort!;

port.on('message', (msg: { type: 'run'; id: number; name: JobName; input: never }) => void run(msg));

async function run(msg: { type: 'run'; id: number; name: JobName; input: never }) {
  let last = 0;
  const progress = (share: number) => {
    const now = Date.now();
    if (now - last < 100) return;
    last = now;
    port.postMessage({ type: 'progress', id: msg.id, share: Math.min(1, Math.max(0, share)) });
  };
  try {
    const job = JOBS[msg.name] as (input: never, progress: (share: number) => void) => Promise<unknown>;
    if (!job) throw new Error(`unknown analysis job "${msg.name}"`);
    const result = await job(msg.input, progress);
    port.postMessage({ type: 'result', id: msg.id, result }, transferables(result));
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    port.postMessage({ type: 'error', id: msg.id, name: err.name, message: err.message });
  }
}
