/**
 * Worker-thread entry for Knox permutations (spawned by knox-parallel.ts). Receives the prepared
 * input and an iteration range, posts back the partial sums. Node-only by design.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runKnoxIterations, type KnoxKernelInput } from './knox-kernel.ts';

const { input, from, to } = workerData as { input: KnoxKernelInput; from: number; to: number };
const out = runKnoxIterations(input, from, to);
// Transfer the result buffers (freshly allocated ArrayBuffers, never shared) instead of copying them.
parentPort!.postMessage(out, [out.sum.buffer as ArrayBuffer, out.ge.buffer as ArrayBuffer]);
