#!/usr/bin/env python3
"""Independent reference values for stats.ts, change.ts and projection.ts (standard library only).

- Normal two-sided p: math.erfc(|z| / sqrt(2)) (C library erfc).
- Exact Poisson tests by direct summation of the pmf (exp(k log mu - mu - lgamma(k + 1))), no
  incomplete-gamma functions: 'greater' = 1 - sum_{i<k} pmf(i) computed as sum_{i>=k} pmf(i) up to
  far in the tail; 'less' = sum_{i<=k} pmf(i); 'two-sided' = sum of pmf(i) over all i with
  pmf(i) <= pmf(k) * (1 + 1e-7) (the minimum-likelihood definition used by R's poisson.test).
- SWEREF 99 TM (EPSG:3006) forward projection with Lantmaeteriet's Gauss-Krueger formulas
  ("Gauss Conformal Projection (Transverse Mercator), Krueger's formulas", Lantmaeteriet 2008):
  GRS80, central meridian 15 E, scale 0.9996, false easting 500 000 m.
- Exact binomial tests (two periods' counts) with exact rational arithmetic (fractions.Fraction):
  pmf = C(n, k) p^k (1 - p)^(n - k) summed term by term, two-sided = the sum over all i with
  pmf(i) <= pmf(x) * (1 + 1e-7) (R's binom.test); only the final sums are rounded to floats.
Writes stats_reference.json next to this script.
"""
import json
import math
import os
from fractions import Fraction


def pmf(i, mu):
    if mu == 0:
        return 1.0 if i == 0 else 0.0
    return math.exp(i * math.log(mu) - mu - math.lgamma(i + 1))


def poisson_tests(k, mu):
    top = int(mu + 60 * math.sqrt(mu + 1) + 100)
    greater = math.fsum(pmf(i, mu) for i in range(k, top))
    less = math.fsum(pmf(i, mu) for i in range(0, k + 1))
    d = pmf(k, mu) * (1 + 1e-7)
    two = math.fsum(pmf(i, mu) for i in range(0, top) if pmf(i, mu) <= d)
    return {"k": k, "mu": mu, "greater": greater, "less": less, "twoSided": min(1.0, two)}


def binomial_tests(x, n, num, den):
    p = Fraction(num, den)
    pmf = [math.comb(n, i) * p**i * (1 - p) ** (n - i) for i in range(n + 1)]
    d = pmf[x] * Fraction(10**7 + 1, 10**7)
    two = sum(v for v in pmf if v <= d)
    return {
        "x": x,
        "n": n,
        "p": float(p),
        "greater": float(sum(pmf[x:])),
        "less": float(sum(pmf[: x + 1])),
        "twoSided": float(min(Fraction(1), two)),
    }


def sweref99tm(lat, lon):
    a = 6378137.0
    f = 1 / 298.257222101
    lam0 = math.radians(15.0)
    k0 = 0.9996
    fn, fe = 0.0, 500000.0
    e2 = f * (2 - f)
    n = f / (2 - f)
    a_hat = a / (1 + n) * (1 + n**2 / 4 + n**4 / 64)
    A = e2
    B = (5 * e2**2 - e2**3) / 6
    C = (104 * e2**3 - 45 * e2**4) / 120
    D = (1237 * e2**4) / 1260
    b1 = n / 2 - 2 * n**2 / 3 + 5 * n**3 / 16 + 41 * n**4 / 180
    b2 = 13 * n**2 / 48 - 3 * n**3 / 5 + 557 * n**4 / 1440
    b3 = 61 * n**3 / 240 - 103 * n**4 / 140
    b4 = 49561 * n**4 / 161280
    phi = math.radians(lat)
    lam = math.radians(lon)
    s = math.sin(phi)
    phi_star = phi - s * math.cos(phi) * (A + B * s**2 + C * s**4 + D * s**6)
    dl = lam - lam0
    xi = math.atan(math.tan(phi_star) / math.cos(dl))
    eta = math.atanh(math.cos(phi_star) * math.sin(dl))
    northing = k0 * a_hat * (xi + sum(b * math.sin(2 * j * xi) * math.cosh(2 * j * eta) for j, b in enumerate([b1, b2, b3, b4], 1))) + fn
    easting = k0 * a_hat * (eta + sum(b * math.cos(2 * j * xi) * math.sinh(2 * j * eta) for j, b in enumerate([b1, b2, b3, b4], 1))) + fe
    return {"lat": lat, "lon": lon, "x": easting, "y": northing}


if __name__ == "__main__":
    out = {
        "normal": [{"z": z, "p": math.erfc(abs(z) / math.sqrt(2))} for z in [0, 0.5, 1.0, 1.6448536269514722, 1.959963984540054, 2.5, 3.0, 3.5, 4.0, 5.0, 6.5, 8.0, -2.2]],
        "poisson": [poisson_tests(k, mu) for k, mu in [(0, 0.5), (0, 3.2), (1, 4.0), (3, 8.0), (7, 3.0), (10, 4.0), (12, 12.0), (25, 12.5), (4, 12.5), (40, 20.0), (137, 24.19893), (2, 2.0000001), (60, 75.3)]],
        "binomial": [binomial_tests(x, n, a, b) for x, n, a, b in [(10, 12, 1, 2), (0, 4, 1, 2), (4, 4, 1, 2), (5, 6, 1, 3), (1, 6, 1, 3), (3, 10, 3, 10), (7, 30, 1, 2), (40, 60, 1, 2), (2, 200, 1, 20), (25, 200, 1, 20), (120, 400, 7, 20), (0, 1, 9, 10), (150, 150, 99, 100)]],
        "sweref99tm": [sweref99tm(lat, lon) for lat, lon in [(59.3293, 18.0686), (59.2353, 17.982), (55.6050, 13.0038), (67.8558, 20.2253), (63.8258, 20.2630), (57.7089, 11.9746)]],
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "stats_reference.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
    print("wrote", path)
