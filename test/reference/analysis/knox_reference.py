#!/usr/bin/env python3
"""Brute-force Knox observed tables (standard library only), for exact comparison.

Every one of the n(n-1)/2 pairs is classified directly (no spatial index, no histogram trick):
- standard banding (CLI contract): same location d = 0; (0, M], ..., ((K-1)M, KM]; > KM;
  time [0, D], [D+1, 2D], ..., [(L-1)D+1, LD]; > LD.
- NRC banding (Ratcliffe's Near Repeat Calculator, as documented by T. Davies): d = 0; [0, M) for
  d > 0, [M, 2M), ...; >= KM; time [0, D-1], [D, 2D-1], ...; >= LD.
Distances are computed as sqrt(dx*dx + dy*dy) (Euclidean) or |dx| + |dy| (Manhattan); comparisons
are made with multiplications (d <= k*M), not with ceil(d / M), to stay independent of the TS code.
Data: points from a fixed LCG on a 60 x 60 lattice of 10 m steps (so exact ties on band edges and
repeated locations occur) with days 0..59.
Writes knox_reference.json next to this script.
"""
import json
import math
import os


def lcg(seed):
    state = seed
    while True:
        state = (1103515245 * state + 12345) % 2**31
        yield state


def make_events(n, seed):
    g = lcg(seed)
    ev = []
    for _ in range(n):
        x = 500000 + 10 * (next(g) % 60)
        y = 6500000 + 10 * (next(g) % 60)
        t = 19000 + next(g) % 60
        ev.append((x, y, t))
    return ev


def space_band(d, m, k, nrc):
    if d == 0:
        return 0
    for b in range(1, k + 1):
        if (d < b * m) if nrc else (d <= b * m):
            return b
    return k + 1


def time_band(dt, width, l, nrc):
    for j in range(l):
        hi = (j + 1) * width - 1 if nrc else (j + 1) * width
        if dt <= hi:
            return j
    return l


def knox_observed(ev, m, k, width, l, metric, nrc):
    table = [[0] * (l + 1) for _ in range(k + 2)]
    for i in range(len(ev)):
        xi, yi, ti = ev[i]
        for j in range(i + 1, len(ev)):
            xj, yj, tj = ev[j]
            dx, dy = xj - xi, yj - yi
            d = math.sqrt(dx * dx + dy * dy) if metric == "euclidean" else abs(dx) + abs(dy)
            table[space_band(d, m, k, nrc)][time_band(abs(tj - ti), width, l, nrc)] += 1
    return table


if __name__ == "__main__":
    ev = make_events(700, 2024)
    cases = []
    for (m, k, width, l, metric, nrc) in [
        (50, 3, 7, 2, "euclidean", False),
        (50, 3, 7, 2, "euclidean", True),
        (100, 2, 5, 3, "manhattan", False),
        (30, 5, 1, 4, "euclidean", False),
    ]:
        cases.append({
            "spaceBand": m, "spaceBands": k, "timeBand": width, "timeBands": l,
            "distance": metric, "nrcCompatible": nrc,
            "observed": knox_observed(ev, m, k, width, l, metric, nrc),
        })
    out = {"events": [{"x": x, "y": y, "day": t} for x, y, t in ev], "cases": cases}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "knox_reference.json")
    with open(path, "w") as f:
        json.dump(out, f)
    print("wrote", path)
