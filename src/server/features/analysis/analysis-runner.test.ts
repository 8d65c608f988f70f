import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAnalysisRunner, type AnalysisRunner } from './analysis-runner.ts';
import type { RunState } from './analysis-compute.ts';

/** A Knox run that takes seconds on a worker: 5,000 events within 2 km, 999 permutations. */
function slowInput() {
  const n = 5000;
  let s = 3;
  const rnd = () => (s = (Math.imul(1103515245, s) + 12345) >>> 0) / 4294967296;
  return {
    points: {
      x: Float64Array.from({ length: n }, () => 670_000 + rnd() * 2000),
      y: Float64Array.from({ length: n }, () => 6_570_000 + rnd() * 2000),
    },
    days: Int32Array.from({ length: n }, () => Math.floor(rnd() * 365)),
    options: { spaceBand: 200, spaceBands: 1, timeBand: 7, timeBands: 1, iterations: 999, seed: 1 },
  };
}
const quick = { unit: 'places' as const, place: Int32Array.from([0, 0, 1, -1]), places: 3, shares: [0.5] };

let runner: AnalysisRunner | null = null;
afterEach(async () => {
  await runner?.close();
  runner = null;
});

describe('analysis runner', () => {
  it('refuses more analyses under way than a user may have, and than the server takes', () => {
    runner = createAnalysisRunner({ workers: 1, perUser: 2, total: 3 });
    const a1 = runner.admit('a');
    runner.admit('a');
    expect(() => runner!.admit('a')).toThrow(
      expect.objectContaining({ code: 'ANALYSIS_BUSY', status: 429, details: { scope: 'user', limit: 2 } }),
    );
    runner.admit('b');
    expect(() => runner!.admit('c')).toThrow(expect.objectContaining({ details: { scope: 'server', limit: 3 } }));
    a1();
    a1(); // releasing twice counts once
    expect(runner.load().active).toBe(2);
    expect(() => runner!.admit('c')).not.toThrow();
  });

  it('runs jobs on the worker, reports progress, queues the rest and serves the other user first', async () => {
    runner = createAnalysisRunner({ workers: 1, perUser: 8, total: 40 });
    const progress: number[] = [];
    const cancelSlow = new AbortController();
    const slow = runner.compute('a', 'near-repeat', slowInput(), {
      signal: cancelSlow.signal,
      onProgress: (p) => progress.push(p),
    });
    const states: Record<string, RunState[]> = { a2: [], b: [] };
    const order: string[] = [];
    const a2 = runner
      .compute('a', 'concentration', quick, { onState: (s) => states.a2!.push(s) })
      .then(() => order.push('a2'));
    const b = runner
      .compute('b', 'concentration', quick, { onState: (s) => states.b!.push(s) })
      .then(() => order.push('b'));
    await vi.waitFor(() => expect(progress.length).toBeGreaterThan(0), { timeout: 20_000, interval: 50 });
    expect(runner.load()).toMatchObject({ running: 1, waiting: 2 });
    expect(states.a2!.at(-1)).toEqual({ state: 'queued', position: 1 });
    expect(states.b!.at(-1)).toEqual({ state: 'queued', position: 2 });
    cancelSlow.abort();
    await expect(slow).rejects.toMatchObject({ code: 'ANALYSIS_CANCELLED' });
    await Promise.all([a2, b]);
    // User a was served last (the slow run), so user b's job goes first although it came later.
    expect(order).toEqual(['b', 'a2']);
    expect(progress.every((p) => p > 0 && p <= 1)).toBe(true);
    expect(runner.load()).toEqual({ active: 0, running: 0, waiting: 0 });
  });

  it('turns the engine refusing its input into 422 ANALYSIS_INVALID', async () => {
    runner = createAnalysisRunner({ workers: 1, perUser: 8, total: 40 });
    const bad = { ...slowInput(), options: { ...slowInput().options, spaceBands: 0 } };
    await expect(runner.compute('a', 'near-repeat', bad)).rejects.toMatchObject({
      code: 'ANALYSIS_INVALID',
      status: 422,
    });
  });
});
