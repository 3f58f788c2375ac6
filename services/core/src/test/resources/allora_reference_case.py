#!/usr/bin/env python3
"""Independent re-implementation of Allora's late synthesis rules for a tiny hand case.

Three inferers a, b, c, no forecasters, alpha = 0.5 (so actors are experienced after 2 inclusions),
p = 3, c = 0.75, epsilon = 1e-4, loss floor 1e-9, squared error. Prints the combined inference of
each epoch and the state after it; AlloraReferenceCaseTest asserts the Java code gives the same.
Run: python3 services/core/src/test/resources/allora_reference_case.py
"""
import math
import statistics

ALPHA, P, C, EPS, FLOOR = 0.5, 3.0, 0.75, 1e-4, 1e-9
epochs = [  # (inferences, truth)
    ({"a": 1.0, "b": 2.0, "c": 4.0}, 1.5),
    ({"a": 1.2, "b": 2.1, "c": 3.0}, 1.4),
    ({"a": 0.9, "b": 1.8, "c": 2.5}, 1.0),
    ({"a": 1.1, "b": 1.6, "c": 3.5}, 1.2),
    ({"a": 1.0, "b": 1.9, "c": 2.0}, 1.3),
]

def quantile(xs, q):
    s = sorted(xs); pos = q * (len(s) - 1); lo = math.floor(pos); hi = min(lo + 1, len(s) - 1)
    return s[lo] + (pos - lo) * (s[hi] - s[lo])

def mad(xs):
    m = quantile(xs, 0.5)
    return quantile([abs(x - m) for x in xs], 0.5)

def logloss(y, v):
    return math.log10((y - v) ** 2 + FLOOR)

def weights(regrets, scale):
    norm = {k: r / scale for k, r in regrets.items()}
    mx = max(norm.values())
    w = {k: (1 + math.exp(-P * (mx - C))) / (1 + math.exp(-P * (x - C))) for k, x in norm.items()}
    s = sum(w.values())
    return {k: v / s for k, v in w.items()}

init, scale = 0.0, 1.0
R, Rnaive, Rout, incl = {}, {}, {}, {}
for i, (inf, y) in enumerate(epochs):
    if init == 0.0:
        w = {k: 1 / len(inf) for k in inf}
    else:
        w = weights({k: R.get(k, init) for k in inf}, scale)
    combined = sum(w[k] * inf[k] for k in inf)
    # naive == combined here (no forecasters) but with its own regrets
    wn = w if init == 0.0 else weights({k: Rnaive.get(k, init) for k in inf}, scale)
    naive = sum(wn[k] * inf[k] for k in inf)
    oneout = {}
    for out in inf:
        rest = {k: v for k, v in inf.items() if k != out}
        if init == 0.0:
            oneout[out] = sum(rest.values()) / len(rest)
        else:
            wo = weights({k: Rout.get(out, {}).get(k, init) for k in rest}, scale)
            oneout[out] = sum(wo[k] * rest[k] for k in rest)
    L = logloss(y, combined); Ln = logloss(y, naive)
    Lj = {k: logloss(y, v) for k, v in inf.items()}
    Lout = {k: logloss(y, v) for k, v in oneout.items()}
    for k in inf:
        R[k] = ALPHA * (L - Lj[k]) + (1 - ALPHA) * R.get(k, init)
        Rnaive[k] = ALPHA * (Ln - Lj[k]) + (1 - ALPHA) * Rnaive.get(k, init)
        incl[k] = incl.get(k, 0) + 1
    for out in inf:
        prev = Rout.get(out, {})
        Rout[out] = {k: ALPHA * (Lout[out] - Lj[k]) + (1 - ALPHA) * prev.get(k, init) for k in inf if k != out}
    scores = {k: Lout[k] - L for k in inf}
    exp = [R[k] for k in R if incl[k] >= 1 / ALPHA]
    if exp:
        sd = statistics.stdev(exp) if len(exp) > 1 else 0.0
        init = quantile(exp, 0.25) + (C - 8.25 / P) * (sd + EPS)
    kept = [R[k] for k in inf if w[k] > 1e-6]
    if len(kept) < 2:
        kept = [R[k] for k in inf]
    scale = abs(1.4826 * mad(kept)) + EPS
    print(f"epoch {i}: combined={combined!r} scores={ {k: scores[k] for k in sorted(scores)} } "
          f"init={init!r} scale={scale!r}")
