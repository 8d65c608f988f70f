/**
 * Crime concentration ("the law of crime concentration at place", Weisburd 2015, Criminology 53(2):
 * a small share of places holds a large share of crime): the share of events in the busiest 1 %, 5 %
 * and 10 % of units (grid cells of the study area, or places), the Lorenz curve and its Gini.
 *
 * - Top shares: units sorted by count, busiest first; the top p is the ceil(p m) busiest of m units
 *   (at least one), so ties at the cut-off do not change the sum.
 * - Lorenz curve L(u): the share of events held by the least busy share u of units (ascending, the
 *   usual orientation), piecewise linear between whole units; reported at u = 0, 0.01, ..., 1.
 * - Gini G = sum_i (2i - m - 1) x_(i) / (m sum x), x ascending, i = 1..m: 0 when every unit holds the
 *   same, 1 - 1/m when one unit holds everything.
 * - With fewer events than units (N < m) even the most even spread leaves m - N units empty, so G
 *   cannot fall below 1 - N/m. Bernasco & Steenbeek (2017, "More places than crimes: implications
 *   for evaluating the law of crime concentration at place", J. Quantitative Criminology 33) measure
 *   against that maximal equality instead; we report their generalised Gini as
 *   G' = (G - (1 - N/m)) / (N/m) when N < m, and G' = G otherwise.
 */

export interface ConcentrationShare {
  share: number;
  /** Units in the top share. */
  units: number;
  events: number;
  eventShare: number;
}

export interface ConcentrationResult {
  units: number;
  events: number;
  unitsWithEvents: number;
  shares: ConcentrationShare[];
  /** [unit share, event share] from (0, 0) to (1, 1). */
  lorenz: [number, number][];
  gini: number;
  generalizedGini: number;
}

export const DEFAULT_SHARES = [0.01, 0.05, 0.1] as const;

export function concentration(
  counts: ArrayLike<number>,
  shares: readonly number[] = DEFAULT_SHARES,
  curvePoints = 101,
): ConcentrationResult {
  const m = counts.length;
  if (m === 0) throw new RangeError('concentration needs at least one unit');
  for (const s of shares) if (!(s > 0 && s <= 1)) throw new RangeError(`shares must be in (0, 1], got ${s}`);
  const ascending = Float64Array.from(counts).sort();
  let total = 0;
  let withEvents = 0;
  let weighted = 0;
  for (let i = 0; i < m; i++) {
    const v = ascending[i]!;
    if (v < 0 || !Number.isFinite(v)) throw new RangeError('counts must be finite and non-negative');
    total += v;
    if (v > 0) withEvents++;
    weighted += (2 * (i + 1) - m - 1) * v;
  }
  // cumulative[k] = events in the k least busy units.
  const cumulative = new Float64Array(m + 1);
  for (let i = 0; i < m; i++) cumulative[i + 1] = cumulative[i]! + ascending[i]!;
  const top = shares.map((share) => {
    const k = Math.min(m, Math.max(1, Math.ceil(share * m - 1e-9)));
    const events = total - cumulative[m - k]!;
    return { share, units: k, events, eventShare: total > 0 ? events / total : 0 };
  });
  const lorenz: [number, number][] = [];
  for (let j = 0; j < curvePoints; j++) {
    const u = j / (curvePoints - 1);
    const pos = u * m;
    const k = Math.min(m - 1, Math.floor(pos));
    const held = cumulative[k]! + (pos - k) * (cumulative[k + 1]! - cumulative[k]!);
    lorenz.push([u, total > 0 ? held / total : u]);
  }
  const gini = total > 0 ? weighted / (m * total) : 0;
  const generalizedGini = total > 0 && total < m ? (gini - (1 - total / m)) / (total / m) : gini;
  return { units: m, events: total, unitsWithEvents: withEvents, shares: top, lorenz, gini, generalizedGini };
}
