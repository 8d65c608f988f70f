/** Worker-thread entry for Gi* conditional permutations (spawned by gistar-parallel.ts). Node only. */
import { parentPort, workerData } from 'node:worker_threads';
import { conditionalPermutationP } from './gistar.ts';

const { counts, local, weight, permutations, seed, from, to } = workerData as {
  counts: Float64Array;
  local: Float64Array;
  weight: Uint8Array;
  permutations: number;
  seed: number;
  from: number;
  to: number;
};
const p = new Float64Array(counts.length);
conditionalPermutationP(counts, local, weight, permutations, seed, p, from, to);
const part = p.slice(from, to);
parentPort!.postMessage(part, [part.buffer as ArrayBuffer]);
