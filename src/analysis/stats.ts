/**
 * Distribution functions and multiple-testing correction used across the analysis engine.
 *
 * Sources:
 * - Normal tail via erfc: power series for |x| < 1.5 and the Laplace continued fraction for the tail
 *   (Abramowitz & Stegun 7.1.5 and 7.1.14), evaluated with the modified Lentz method
 *   (Press et al., Numerical Recipes 3rd ed., §5.2). No table approximations, so two-sided p-values
 *   keep ~1e-14 relative accuracy far into the tail, where BH decisions are made.
 * - log-gamma: Lanczos approximation (g = 7, n = 9 coefficients, as in Numerical Recipes / Boost).
 * - Regularised incomplete gamma: series and continued fraction (Numerical Recipes §6.2); it gives
 *   Poisson tail probabilities: P(X >= k | mu) = P(k, mu).
 * - Benjamini & Hochberg (1995), "Controlling the false discovery rate", JRSS B 57(1): step-up
 *   adjusted p-values (q-values) identical to R's p.adjust(method = "BH").
 * - Regularised incomplete beta: continued fraction (Numerical Recipes §6.4); binomial tails:
 *   P(X <= k | n, p) = I_{1-p}(n - k, k + 1), P(X >= k) = I_p(k, n - k + 1).
 *
 * Written by hand because no distribution library (jstat, @stdlib) is installed in this project.
 */

const SQRT_PI = Math.sqrt(Math.PI);

/** Complementary error function erfc(x) for any real x. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 1.5) {
    // erf(x) = 2/sqrt(pi) * sum_n (-1)^n x^(2n+1) / (n! (2n+1)); below 1.5, erfc >= 0.03, so the
    // subtraction 1 - erf costs at most ~2 digits. Above, the continued fraction keeps full relative precision.
    let term = x;
    let sum = x;
    const x2 = x * x;
    for (let n = 1; n < 200; n++) {
      term *= -x2 / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return 1 - (2 / SQRT_PI) * sum;
  }
  if (x > 27) return 0; // exp(-x^2) underflows
  // erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), Lentz's method.
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 5000; n++) {
    const a = n / 2;
    d = x + a * d;
    d = d === 0 ? tiny : 1 / d;
    c = x + a / c;
    if (c === 0) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / SQRT_PI / f;
}

/** Standard normal upper tail P(Z > z). */
export function normalUpperTail(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/** Two-sided normal p-value 2 * P(Z > |z|); NaN z (undefined statistic) gives p = 1. */
export function twoSidedNormalP(z: number): number {
  if (Number.isNaN(z)) return 1;
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** Natural log of the gamma function for x > 0. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const xm = x - 1;
  let a = LANCZOS[0]!;
  const t = xm + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (xm + i);
  return 0.5 * Math.log(2 * Math.PI) + (xm + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularised lower incomplete gamma P(a, x) = gamma(a, x) / Gamma(a), for a > 0, x >= 0. */
export function regularizedGammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  if (x < a + 1) return gammaSeries(a, x);
  return 1 - gammaContinuedFraction(a, x);
}

/** Regularised upper incomplete gamma Q(a, x) = 1 - P(a, x), computed without cancellation. */
export function regularizedGammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  if (x < a + 1) return 1 - gammaSeries(a, x);
  return gammaContinuedFraction(a, x);
}

function gammaSeries(a: number, x: number): number {
  let ap = a;
  let del = 1 / a;
  let sum = del;
  for (let n = 0; n < 10000; n++) {
    ap += 1;
    del *= x / ap;
    sum += del;
    if (Math.abs(del) < Math.abs(sum) * 1e-16) break;
  }
  return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
}

function gammaContinuedFraction(a: number, x: number): number {
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
}

/** Poisson probability mass P(X = k | mu). */
export function poissonPmf(k: number, mu: number): number {
  if (k < 0 || !Number.isInteger(k)) return 0;
  if (mu === 0) return k === 0 ? 1 : 0;
  return Math.exp(k * Math.log(mu) - mu - logGamma(k + 1));
}

/** Poisson lower tail P(X <= k | mu). */
export function poissonCdf(k: number, mu: number): number {
  if (k < 0) return 0;
  if (mu === 0) return 1;
  return regularizedGammaQ(Math.floor(k) + 1, mu);
}

/** Poisson upper tail P(X >= k | mu). */
export function poissonUpperTail(k: number, mu: number): number {
  if (k <= 0) return 1;
  if (mu === 0) return 0;
  return regularizedGammaP(k, mu);
}

/**
 * Benjamini–Hochberg adjusted p-values (q-values), same as R p.adjust(p, "BH"):
 * q_(i) = min_{j >= i} min(1, m p_(j) / j) over p sorted ascending. NaN p-values are treated as 1.
 */
export function benjaminiHochberg(p: ArrayLike<number>): Float64Array {
  const m = p.length;
  const q = new Float64Array(m);
  if (m === 0) return q;
  const order = new Uint32Array(m);
  for (let i = 0; i < m; i++) order[i] = i;
  const val = (i: number): number => {
    const v = p[i]!;
    return Number.isNaN(v) ? 1 : v;
  };
  order.sort((a, b) => val(a) - val(b));
  let running = 1;
  for (let r = m - 1; r >= 0; r--) {
    const idx = order[r]!;
    // m / (r + 1) >= 1, so q >= p in exact arithmetic; max() keeps that true after rounding.
    const adj = Math.min(1, Math.max(val(idx), (val(idx) * m) / (r + 1)));
    if (adj < running) running = adj;
    q[idx] = running;
  }
  return q;
}

/**
 * Regularised incomplete beta I_x(a, b) for a, b > 0, 0 <= x <= 1: the continued fraction of
 * Numerical Recipes (3rd ed., §6.4, betacf with the modified Lentz method), on the side of x where
 * it converges fast (I_x(a, b) = 1 - I_{1-x}(b, a)).
 */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < 10000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return h;
}

/** Binomial probability mass P(X = k | n, p). */
export function binomialPmf(k: number, n: number, p: number): number {
  if (k < 0 || k > n || !Number.isInteger(k)) return 0;
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  return Math.exp(logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log1p(-p));
}

/** Binomial lower tail P(X <= k | n, p). */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  return regularizedBeta(1 - p, n - Math.floor(k), Math.floor(k) + 1);
}

/** Binomial upper tail P(X >= k | n, p). */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  return regularizedBeta(p, k, n - k + 1);
}
