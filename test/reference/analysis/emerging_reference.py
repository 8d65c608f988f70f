#!/usr/bin/env python3
"""Independent reference for src/analysis/emerging.ts: emerging hot spots on a synthetic space-time
cube with planted patterns, in numpy and scipy (vectorised, written apart from the TypeScript).

The cube: 40 x 24 cells, 20 time steps, Poisson(4) background counts, a strip of cells outside the
study area (the mask), and sixteen 3 x 3 blocks whose counts follow one ArcGIS Emerging Hot Spot
pattern each (new, consecutive, intensifying, persistent, diminishing, sporadic, oscillating,
historical; hot and cold). Method (as stated in emerging.ts, after Esri's "How Emerging Hot Spot
Analysis works"):
- Gi* per bin: neighbours = the study-area cells of the 3 x 3 window in this and the previous
  TIME_WINDOW steps; mean and standard deviation over every bin of the cube; two-sided normal p
  (scipy.stats.norm.sf); Benjamini-Hochberg over all bins; hot = q <= alpha and z > 0, cold z < 0.
- Mann-Kendall on each cell's z series, tie-corrected variance, continuity correction.
- Patterns with the precedence in emerging.ts's header.
Writes emerging_reference.json (counts, mask, z per bin, category per cell, the planted centres).
"""
import json
import os

import numpy as np
from scipy.stats import norm

N_COLS, N_ROWS, STEPS = 40, 24, 20
TIME_WINDOW = 1
ALPHA = 0.05
BACKGROUND = 4.0
HIGH = 12.0
T = np.arange(STEPS)


def level(pattern):
    """Mean count per step of a planted block."""
    bg = np.full(STEPS, BACKGROUND)
    on = lambda steps, v: np.where(np.isin(T, steps), v, bg)
    return {
        "new-hot": on([19], HIGH),
        "consecutive-hot": on([16, 17, 18, 19], HIGH),
        "intensifying-hot": 8 + 0.6 * T,
        "persistent-hot": np.full(STEPS, HIGH),
        "diminishing-hot": 20 - 0.6 * T,
        "sporadic-hot": on([2, 7, 12, 19], HIGH),
        "oscillating-hot": np.where(np.isin(T, [3, 4, 5]), 0, on([18, 19], HIGH)),
        "historical-hot": on(list(range(18)), HIGH),
        "new-cold": on([19], 0),
        "consecutive-cold": on([15, 16, 17, 18, 19], 0),
        "intensifying-cold": np.maximum(0, 1.6 - 0.1 * T),
        "persistent-cold": np.zeros(STEPS),
        "diminishing-cold": 0.1 * T,
        "sporadic-cold": on([4, 9, 14, 19], 0),
        "oscillating-cold": np.where(np.isin(T, [2, 3, 4]), HIGH, on([17, 18, 19], 0)),
        "historical-cold": on(list(range(18)), 0),
    }[pattern]


PATTERNS = [
    "new-hot", "consecutive-hot", "intensifying-hot", "persistent-hot", "diminishing-hot", "sporadic-hot",
    "oscillating-hot", "historical-hot", "new-cold", "consecutive-cold", "intensifying-cold", "persistent-cold",
    "diminishing-cold", "sporadic-cold", "oscillating-cold", "historical-cold",
]


def build_cube(seed):
    rng = np.random.default_rng(seed)
    mean = np.full((STEPS, N_ROWS, N_COLS), BACKGROUND)
    centres = {}
    for k, pattern in enumerate(PATTERNS):
        col, row = 3 + 6 * (k % 6), 3 + 7 * (k // 6)
        centres[pattern] = [col, row]
        mean[:, row - 1 : row + 2, col - 1 : col + 2] = level(pattern)[:, None, None]
    counts = rng.poisson(mean).astype(np.float64)
    inside = np.ones((N_ROWS, N_COLS), dtype=bool)
    inside[:, 37:] = False  # a strip of water along the east edge
    inside[20:, 30:34] = False  # and a bay
    counts[:, ~inside] = 0
    return counts, inside, centres


def window3(a):
    """Sum over the 3 x 3 spatial window of the last two axes, zero beyond the grid."""
    p = np.pad(a, [(0, 0), (1, 1), (1, 1)])
    rows = p[:, :-2] + p[:, 1:-1] + p[:, 2:]
    return rows[:, :, :-2] + rows[:, :, 1:-1] + rows[:, :, 2:]


def time_window(a, k):
    """Sum over this and the previous k steps (axis 0)."""
    c = np.cumsum(a, axis=0)
    out = c.copy()
    out[k + 1 :] -= c[: -(k + 1)]
    return out


def space_time_gi(counts, inside):
    x = np.where(inside, counts, 0.0)
    ones = np.broadcast_to(inside, counts.shape).astype(np.float64)
    local = time_window(window3(x), TIME_WINDOW)
    w = time_window(window3(ones), TIME_WINDOW)
    values = counts[:, inside]
    n = values.size
    mean = values.mean()
    sd = values.std()
    with np.errstate(divide="ignore", invalid="ignore"):  # cells outside the area (w = 0) are dropped later
        z = (local - mean * w) / (sd * np.sqrt((n * w - w * w) / (n - 1)))
    return z, local


def bh(p):
    m = p.size
    order = np.argsort(p, kind="stable")
    adj = np.minimum(1.0, p[order] * m / np.arange(1, m + 1))
    adj = np.minimum.accumulate(adj[::-1])[::-1]
    q = np.empty(m)
    q[order] = np.maximum(adj, p[order])
    return q


def mann_kendall(series):
    """series: (STEPS, cells) -> S, Z, p per cell."""
    i, j = np.triu_indices(STEPS, 1)
    s = np.sign(series[j] - series[i]).sum(axis=0)
    ties = np.zeros(series.shape[1])
    for c in range(series.shape[1]):
        _, t = np.unique(series[:, c], return_counts=True)
        ties[c] = np.sum(t * (t - 1) * (2 * t + 5))
    var = (STEPS * (STEPS - 1) * (2 * STEPS + 5) - ties) / 18
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where((var > 0) & (s != 0), (s - np.sign(s)) / np.sqrt(var), 0.0)
    return s, z, np.minimum(1.0, 2 * norm.sf(np.abs(z)))


def classify(state, s, p):
    """state: (STEPS, cells) in {-1, 0, 1}; returns pattern names per cell."""
    last = state[-1]
    hot = (state == 1).sum(axis=0)
    cold = (state == -1).sum(axis=0)
    same = np.where(last == 1, hot, np.where(last == -1, cold, 0))
    opposite = np.where(last == 1, cold, np.where(last == -1, hot, 0))
    # Length of the final run of the last state.
    differs = state != last[None, :]
    run = np.where(differs[::-1].any(axis=0), np.argmax(differs[::-1], axis=0), STEPS)
    trend = (p <= ALPHA) & (s != 0)
    kind = np.where(last == 1, "hot", "cold")
    ninety = same * 10 >= 9 * STEPS
    rising = s * last > 0
    name = np.select(
        [
            (last == 0) & (hot * 10 >= 9 * STEPS),
            (last == 0) & (cold * 10 >= 9 * STEPS),
            last == 0,
            ninety & trend & rising,
            ninety & trend & ~rising,
            ninety,
            opposite > 0,
            (same == run) & (run == 1),
            same == run,
        ],
        ["historical-hot", "historical-cold", "none", "intensifying", "diminishing", "persistent", "oscillating", "new", "consecutive"],
        default="sporadic",
    )
    return [str(n) if n in ("historical-hot", "historical-cold", "none") else f"{n}-{k}" for n, k in zip(name, kind)]


def main():
    counts, inside, centres = build_cube(seed=17)
    z, local = space_time_gi(counts, inside)
    zin = z[:, inside]  # (STEPS, cells) in row-major cell order
    lin = local[:, inside]
    p = 2 * norm.sf(np.abs(zin))
    q = bh(p.ravel()).reshape(p.shape)
    state = np.where((q <= ALPHA) & (zin > 0), 1, np.where((q <= ALPHA) & (zin < 0), -1, 0))
    s, mkz, mkp = mann_kendall(zin)
    categories = classify(state, s, mkp)
    cell_index = np.flatnonzero(inside.ravel())
    planted = {}
    for pattern, (col, row) in centres.items():
        planted[pattern] = {"col": col, "row": row, "category": categories[int(np.searchsorted(cell_index, row * N_COLS + col))]}
    out = {
        "nCols": N_COLS,
        "nRows": N_ROWS,
        "steps": STEPS,
        "timeWindow": TIME_WINDOW,
        "alpha": ALPHA,
        "cellIndex": cell_index.tolist(),
        "counts": counts[:, inside].astype(int).ravel().tolist(),
        "z": zin.ravel().tolist(),
        "window": lin.astype(int).ravel().tolist(),
        "trend": {"s": s.astype(int).tolist(), "z": mkz.tolist(), "p": mkp.tolist()},
        "categories": categories,
        "planted": planted,
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "emerging_reference.json")
    with open(path, "w") as f:
        json.dump(out, f)
    for pattern, v in planted.items():
        print(f"{pattern:18} -> {v['category']}{'' if v['category'] == pattern else '   (MISMATCH)'}")
    print("categories:", {c: categories.count(c) for c in sorted(set(categories))})


if __name__ == "__main__":
    main()
