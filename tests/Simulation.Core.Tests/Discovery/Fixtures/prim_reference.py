#!/usr/bin/env python3
"""An independent PRIM (Friedman and Fisher 1999) as the EMA Workbench runs it, written from the published
description for laborsim's known-answer tests: it writes each data set and the trajectory of boxes it finds.

Peeling: every input's upper face (cut at the tie-aware 1 - alpha quantile of the box's points), then its lower face
(alpha quantile), scored by the gain in the share of hits per point removed; the best score wins, ties go to the peel
leaving more inputs unrestricted, then to the first in that order. Peeling stops when no peel raises the share of hits
(score <= 0), when the box would fall below the minimum mass, or when a peel removes nothing. Pasting: each
restricted input's lower face, then its upper face, moved out to the alpha quantile of the points just beyond it,
with the same scores and tie rule; it stops when no paste raises the share of hits.

Run: python3 prim_reference.py (from this folder); it rewrites prim_*_data.csv and prim_*_trajectory.csv.
"""
import random

ALPHA = 0.05
MASS_MIN = 0.05


def quantile(values, q):
    data = sorted(values)
    rank = (len(data) - 1) * q
    lo, hi = int(rank // 1), -int(-rank // 1)
    if q > 0.5:
        while data[lo] == data[hi] and lo > 0:
            lo -= 1
    else:
        while data[lo] == data[hi] and hi < len(data) - 1:
            hi += 1
    return (data[lo] + data[hi]) / 2


def share(rows, hits):
    return sum(hits[r] for r in rows) / len(rows) if rows else 0.0


def gain(before, after, hits):
    m0, m1 = share(before, hits), share(after, hits)
    if m0 == m1 or len(before) == len(after):
        return 0.0
    return (m1 - m0) / abs(len(before) - len(after))


def restricted(box, initial):
    return sum(1 for (lo, hi), (ilo, ihi) in zip(box, initial) if lo > ilo or hi < ihi)


def inside(box, columns, rows):
    return [r for r in rows if all(lo <= col[r] <= hi for (lo, hi), col in zip(box, columns))]


def better(candidate, best, initial, tie_rule):
    if best is None:
        return True
    if candidate[0] != best[0]:
        return candidate[0] > best[0]
    # Equal gains: the one restricting fewer inputs (the EMA Workbench sorts on (objective, unrestricted inputs)).
    return tie_rule and restricted(candidate[1], initial) < restricted(best[1], initial)


def run(columns, hits, tie_rule=True):
    n = len(hits)
    initial = [(min(c), max(c)) for c in columns]
    box, rows = list(initial), list(range(n))
    steps = [("start", box, rows)]
    while True:
        best = None
        for d, col in enumerate(columns):
            values = [col[r] for r in rows]
            for upper in (True, False):
                cut = quantile(values, 1 - ALPHA if upper else ALPHA)
                kept = [r for r in rows if (col[r] <= cut if upper else col[r] >= cut)]
                new = list(box)
                new[d] = (box[d][0], cut) if upper else (cut, box[d][1])
                candidate = (gain(rows, kept, hits), new, kept)
                if better(candidate, best, initial, tie_rule):
                    best = candidate
        score, new, kept = best
        if not (score > 0 and len(kept) / n >= MASS_MIN and len(kept) < len(rows)):
            break
        box, rows = new, kept
        steps.append(("peel", box, rows))
    everyone = list(range(n))
    while True:
        best = None
        for d, col in enumerate(columns):
            if not (box[d][0] > initial[d][0] or box[d][1] < initial[d][1]):
                continue
            for upper in (False, True):
                beyond = list(box)
                beyond[d] = (box[d][1], initial[d][1]) if upper else (initial[d][0], box[d][0])
                outside = inside(beyond, columns, everyone)
                value = initial[d][1] if upper else initial[d][0]
                if outside:
                    value = quantile([col[r] for r in outside], ALPHA if upper else 1 - ALPHA)
                new = list(box)
                new[d] = (box[d][0], value) if upper else (value, box[d][1])
                added = inside(new, columns, everyone)
                candidate = (gain(rows, added, hits), new, added)
                if better(candidate, best, initial, tie_rule):
                    best = candidate
        if best is None:
            break
        score, new, added = best
        if not (len(added) / n >= MASS_MIN and len(added) > len(rows) and score > 0 and share(added, hits) > share(rows, hits)):
            break
        box, rows = new, added
        steps.append(("paste", box, rows))
    return steps


def write(name, columns, hits, steps):
    dims = len(columns)
    with open(f"prim_{name}_data.csv", "w") as f:
        f.write(",".join([f"x{d}" for d in range(dims)] + ["hit"]) + "\n")
        for r in range(len(hits)):
            f.write(",".join([repr(float(columns[d][r])) for d in range(dims)] + [str(int(hits[r]))]) + "\n")
    with open(f"prim_{name}_trajectory.csv", "w") as f:
        f.write(",".join(["step", "phase", "points", "hits"] + [f"{side}{d}" for d in range(dims) for side in ("lower", "upper")]) + "\n")
        for i, (phase, box, rows) in enumerate(steps):
            limits = [repr(float(v)) for lo_hi in box for v in lo_hi]
            f.write(",".join([str(i), phase, str(len(rows)), str(sum(hits[r] for r in rows))] + limits) + "\n")


def known_box():
    # A box with no noise: the share of hits reaches 1 and no later peel can raise it, so peeling stops there.
    rng = random.Random(20261206)
    n = 400
    columns = [[rng.random() for _ in range(n)] for _ in range(3)]
    hits = [columns[0][r] > 0.7 and columns[1][r] < 0.4 for r in range(n)]
    return columns, hits


def tied():
    # Whole-number inputs give peels with equal gains; the first seed whose trajectory depends on the tie rule.
    for seed in range(1, 10000):
        rng = random.Random(seed)
        n = 300
        columns = [[float(rng.randrange(10)) for _ in range(n)] for _ in range(4)]
        hits = [(columns[0][r] >= 6 and columns[1][r] <= 4) != (rng.random() < 0.1) for r in range(n)]
        with_rule, first_wins = run(columns, hits, True), run(columns, hits, False)
        if [(p, b) for p, b, _ in with_rule] != [(p, b) for p, b, _ in first_wins]:
            return columns, hits
    raise SystemExit("no data set with a tie found")


if __name__ == "__main__":
    for name, (columns, hits) in (("known_box", known_box()), ("tied", tied())):
        steps = run(columns, hits)
        write(name, columns, hits, steps)
        print(name, len(steps), "steps; last", steps[-1][0], len(steps[-1][2]), "points")
