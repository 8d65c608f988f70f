import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benjaminiHochberg, twoSidedNormalP } from './stats.ts';

const ref = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../test/reference/analysis/stats_reference.json', import.meta.url)), 'utf8'),
) as { normal: { z: number; p: number }[] };

describe('two-sided normal p', () => {
  it('matches the C library erfc (Python math.erfc) to 1e-12 relative', () => {
    for (const { z, p } of ref.normal) expect(Math.abs(twoSidedNormalP(z) - p) / p).toBeLessThan(1e-12);
  });
});

describe('Benjamini–Hochberg', () => {
  it('matches hand-computed R p.adjust(p, "BH") values', () => {
    for (const q of benjaminiHochberg([0.01, 0.02, 0.03, 0.04, 0.05])) expect(q).toBeCloseTo(0.05, 15);
    // sorted 0.01, 0.03, 0.04, 0.5 -> 0.04, min(0.06, 0.0533), 0.0533, 0.5
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.5]);
    expect(q[0]).toBeCloseTo(0.04, 15);
    expect(q[1]).toBeCloseTo(0.16 / 3, 15);
    expect(q[2]).toBeCloseTo(0.16 / 3, 15);
    expect(q[3]).toBe(0.5);
  });

  it('q >= p, q <= 1, and q keeps the order of p', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 60 }), (p) => {
        const q = benjaminiHochberg(p);
        p.forEach((pi, i) => {
          expect(q[i]!).toBeGreaterThanOrEqual(pi);
          expect(q[i]!).toBeLessThanOrEqual(1);
          p.forEach((pj, j) => {
            if (pi < pj) expect(q[i]!).toBeLessThanOrEqual(q[j]!);
          });
        });
      }),
    );
  });
});
