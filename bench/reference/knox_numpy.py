#!/usr/bin/env python3
"""The Knox near-repeat test of `samtrygg analyze near-repeat`, written as well as we can in numpy
and scipy, for the whole-process comparison in `npm run bench analysis` (issue 17).

Same input (CSV with x, y and a date column), same bands and the same table on stdout:
- spatial rows: same location (d = 0), (0, M], ..., ((K-1)M, KM], > KM; temporal columns [0, D],
  [D+1, 2D], ..., > LD (whole days); expected = mean over N permutations of the dates over the
  fixed locations; p = (1 + #{permuted >= observed}) / (1 + N).
- Close pairs (d <= KM) once, with scipy's cKDTree.query_pairs; far pairs are never enumerated:
  the pairs per temporal band over all n(n-1)/2 pairs come from the day histogram (invariant
  under permuting dates), far = all - close. Each permutation is one fancy index, a subtraction,
  a table lookup and one bincount over the close pairs, all in numpy.
- The random numbers are numpy's (PCG64), not samtrygg's, so expected and p differ by Monte Carlo
  noise; the observed table must be identical (the bench checks it).
"""
import argparse
import json
import sys

import numpy as np
from scipy.spatial import cKDTree


def read_events(path, date_column, date_format):
    """x, y and whole-day numbers; loadtxt into byte strings was the fastest reader we found."""
    with open(path) as f:
        header = f.readline().strip().split(",")
    ix, iy, idate = header.index("x"), header.index("y"), header.index(date_column)
    fields = np.loadtxt(path, delimiter=",", skiprows=1, dtype="S32", ndmin=2)
    x = fields[:, ix].astype(np.float64)
    y = fields[:, iy].astype(np.float64)
    if date_format == "dd/mm/yyyy":
        b = fields[:, idate].astype("S10").view(np.uint8).reshape(-1, 10).astype(np.int64) - 48
        day = b[:, 0] * 10 + b[:, 1]
        month = b[:, 3] * 10 + b[:, 4]
        year = b[:, 6] * 1000 + b[:, 7] * 100 + b[:, 8] * 10 + b[:, 9]
        months = (year - 1970).astype("datetime64[Y]").astype("datetime64[M]") + (month - 1)
        days = months.astype("datetime64[D]").astype(np.int64) + (day - 1)
    else:
        days = fields[:, idate].astype("U10").astype("datetime64[D]").astype(np.int64)
    return x, y, days


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--input", required=True)
    ap.add_argument("--date-column", default="date")
    ap.add_argument("--date-format", default="iso")
    ap.add_argument("--space-band", type=float, required=True)
    ap.add_argument("--space-bands", type=int, required=True)
    ap.add_argument("--time-band", type=int, required=True)
    ap.add_argument("--time-bands", type=int, required=True)
    ap.add_argument("--iterations", type=int, required=True)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    M, K, D, L, N = a.space_band, a.space_bands, a.time_band, a.time_bands, a.iterations

    x, y, days = read_events(a.input, a.date_column, a.date_format)
    t = (days - days.min()).astype(np.int32)
    n = len(t)
    max_lag = int(t.max())

    pairs = cKDTree(np.column_stack([x, y])).query_pairs(r=K * M, output_type="ndarray")
    i = pairs[:, 0].astype(np.int32)
    j = pairs[:, 1].astype(np.int32)
    dist = np.hypot(x[i] - x[j], y[i] - y[j])
    srow = np.where(dist == 0, 0, np.ceil(dist / M)).astype(np.int32)
    keep = srow <= K
    i, j, srow = i[keep], j[keep], srow[keep]

    n_time = L + 1
    # Temporal band per lag; lags beyond LD go to an extra bin that is dropped (far, derived below).
    lags = np.arange(max_lag + 1)
    lag_band = np.where(lags == 0, 0, (lags - 1) // D)
    lag_band = np.where(lags > L * D, L + 1, np.minimum(lag_band, L)).astype(np.int32)
    width = L + 2
    base = srow * width
    n_codes = (K + 1) * width

    # Pairs per temporal band over all pairs, from the day histogram.
    hist = np.bincount(t, minlength=max_lag + 1).astype(np.float64)
    corr = np.correlate(hist, hist, mode="full")[max_lag:]  # corr[lag] = sum_d h[d] h[d + lag]
    corr[0] = (np.sum(hist * hist) - n) / 2
    time_totals = np.zeros(n_time)
    for lag in range(0, min(max_lag, L * D) + 1):
        time_totals[lag_band[lag]] += corr[lag]
    time_totals[L] = n * (n - 1) / 2 - time_totals[:L].sum()
    row_totals = np.bincount(srow, minlength=K + 1).astype(np.float64)

    def table(times):
        close = np.bincount(base + lag_band[np.abs(times[i] - times[j])], minlength=n_codes).reshape(K + 1, width)
        out = np.zeros((K + 2, n_time))
        out[: K + 1, :L] = close[:, :L]
        out[: K + 1, L] = row_totals - close[:, :L].sum(axis=1)
        out[K + 1] = time_totals - out[: K + 1].sum(axis=0)
        return out

    observed = table(t)
    rng = np.random.default_rng(a.seed)
    total = np.zeros_like(observed)
    ge = np.zeros_like(observed)
    for _ in range(N):
        perm = table(rng.permutation(t))
        total += perm
        ge += perm >= observed
    expected = total / N
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(expected > 0, observed / expected, np.nan)
    p = (1 + ge) / (1 + N)
    out = {
        "observed": observed.astype(int).tolist(),
        "expected": expected.tolist(),
        "ratio": [[None if np.isnan(v) else v for v in row] for row in ratio.tolist()],
        "p": p.tolist(),
        "iterations": N,
        "events": n,
        "closePairs": int(len(i)),
    }
    sys.stdout.write(json.dumps(out) + "\n")


if __name__ == "__main__":
    main()
