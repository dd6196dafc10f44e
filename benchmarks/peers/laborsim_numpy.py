#!/usr/bin/env python3
"""The laborsim model (docs/model.md, version 1) written the way a policy modeler would in NumPy:
arrays over runs, a loop over months, np.percentile per month for the bands.

It is the peer that laborsim's speed is measured against (benchmarks/peers/compare.py) and a second,
independent implementation whose distributions are checked against laborsim's. Random streams differ
from laborsim's, so results agree in distribution, not run by run.

Usage: laborsim_numpy.py SCENARIO.yaml [--runs N] [--seed S] [--json OUT.json]
"""
import argparse
import json
import math
import sys
import time

import numpy as np
import yaml

DEFAULTS = {
    "months": 60, "runs": 10000, "seed": 1, "start": "2022-09",
    "ceasefire": {"month": 24, "never": 0.1},
    "demand": {"wartime": 0, "peak": 20000, "ramp_months": 12},
    "supply": {"dispatch_per_month": 1000, "pool": 100000, "initial_workers": 0},
    "contract": {"mean_months": 36},
    "pay": {"wage": 70000, "currency_per_usd": 90, "fx_drift": 0, "fx_volatility": 0.03, "state_share": 0.8},
    "enforcement": {"base_hazard": 0.01, "base_hazard_changes": [], "hazard_per_1000_workers": 0.002,
                    "expel_fraction": 0.3, "deterrence": 0.5, "channel_cost": 0.2},
}
PERCENTILES = [5, 10, 25, 50, 75, 90, 95]


def sample(spec, rng, n):
    """One draw per run of a scenario parameter (docs/scenario-format.md distributions)."""
    if not isinstance(spec, dict):
        return np.full(n, float(spec))
    d = spec["dist"]
    if d == "uniform":
        return rng.uniform(spec["min"], spec["max"], n)
    if d == "normal":
        lo, hi = spec.get("min", -np.inf), spec.get("max", np.inf)
        x = rng.normal(spec["mean"], spec["sd"], n)
        bad = (x < lo) | (x > hi)
        while bad.any():  # rejection: exact truncation
            x[bad] = rng.normal(spec["mean"], spec["sd"], bad.sum())
            bad = (x < lo) | (x > hi)
        return x
    if d == "lognormal":
        if "median" in spec:
            mu = math.log(spec["median"])
            sigma = (math.log(spec["p95"]) - mu) / 1.6448536269514722
        else:
            mu, sigma = spec["mu"], spec["sigma"]
        return rng.lognormal(mu, sigma, n)
    if d == "triangular":
        return rng.triangular(spec["min"], spec["mode"], spec["max"], n)
    if d == "pert":
        lo, mode, hi = spec["min"], spec["mode"], spec["max"]
        a = 1 + 4 * (mode - lo) / (hi - lo)
        b = 1 + 4 * (hi - mode) / (hi - lo)
        return lo + (hi - lo) * rng.beta(a, b, n)
    if d == "beta":
        return rng.beta(spec["alpha"], spec["beta"], n)
    if d == "gamma":
        return rng.gamma(spec["shape"], spec["scale"], n)
    if d == "exponential":
        return rng.exponential(spec["mean"], n)
    if d == "discrete":
        w = np.asarray(spec["weights"], float)
        return rng.choice(np.asarray(spec["values"], float), n, p=w / w.sum())
    raise ValueError(d)


def month_index(text, start):
    y, m = map(int, str(text).split("-"))
    sy, sm = map(int, str(start).split("-"))
    return (y * 12 + m) - (sy * 12 + sm)


def simulate(scenario, runs, seed):
    rng = np.random.default_rng(seed)
    T = int(scenario["months"])
    n = runs
    P = lambda section, key: sample(scenario[section][key], rng, n)
    c_month, never = P("ceasefire", "month"), P("ceasefire", "never")
    wartime, peak, ramp = P("demand", "wartime"), P("demand", "peak"), P("demand", "ramp_months")
    dispatch, pool, initial = P("supply", "dispatch_per_month"), P("supply", "pool"), P("supply", "initial_workers")
    p_return = 1.0 / P("contract", "mean_months")
    wage, fx, drift, vol, share = (P("pay", k) for k in ("wage", "currency_per_usd", "fx_drift", "fx_volatility", "state_share"))
    base, per1000, expel, deter, cost = (P("enforcement", k) for k in
                                         ("base_hazard", "hazard_per_1000_workers", "expel_fraction", "deterrence", "channel_cost"))
    changes = [(month_index(c["from"], scenario["start"]), sample(c["multiplier"], rng, n))
               for c in scenario["enforcement"]["base_hazard_changes"] or []]

    no_ceasefire = rng.random(n) < never
    C = np.where(no_ceasefire, np.inf, np.floor(np.maximum(c_month, 0)))
    W = np.rint(initial).astype(np.int64)
    E = np.zeros(n, np.int64)
    S = fx.copy()
    mult = np.ones(n)
    cumulative = np.zeros(n)
    peak_w = np.zeros(n, np.int64)
    deployed = np.zeros(n, np.int64)
    worker_months = np.zeros(n, np.int64)
    first_event = np.full(n, -1)
    bands = {s: np.empty((T, len(PERCENTILES))) for s in ("workers", "remittances_usd", "cumulative_remittances_usd")}
    means = {s: np.empty(T) for s in ("workers", "arrivals", "returns", "expelled", "remittances_usd",
                                      "cumulative_remittances_usd", "enforced", "postwar")}
    for t in range(T):
        for start, m in changes:
            if start == t or (t == 0 and start < 0):
                mult = m
        postwar = t >= C
        with np.errstate(invalid="ignore"):
            D = np.where(postwar, wartime + (peak - wartime) * np.minimum(1.0, (t - C + 1) / ramp), wartime)
        intended = np.minimum(np.minimum(np.maximum(0, D - W), dispatch), np.maximum(0, pool - W))
        intended = np.where(E >= 1, intended * deter, intended)
        A = rng.poisson(intended)
        R = rng.binomial(W, p_return)
        h = base * mult + per1000 * W / 1000.0
        event = rng.random(n) < -np.expm1(-h)
        X = np.where(event, rng.binomial(W - R, expel), 0)
        first_event = np.where(event & (first_event < 0), t, first_event)
        E = E + event
        W = W - R - X + A
        M = W * (wage / S) * share * np.where(E >= 1, 1 - cost, 1.0)
        cumulative += M
        S = S * np.exp(drift + vol * rng.standard_normal(n))
        peak_w = np.maximum(peak_w, W)
        deployed += A
        worker_months += W
        for name, values in (("workers", W), ("remittances_usd", M), ("cumulative_remittances_usd", cumulative)):
            bands[name][t] = np.percentile(values, PERCENTILES)
        for name, values in (("workers", W), ("arrivals", A), ("returns", R), ("expelled", X), ("remittances_usd", M),
                             ("cumulative_remittances_usd", cumulative), ("enforced", E >= 1), ("postwar", postwar)):
            means[name][t] = values.mean()
    metrics = {"peak_workers": peak_w, "workers_end": W, "total_deployed": deployed, "worker_months": worker_months,
               "remittances_usd": cumulative, "enforcement_events": E}
    summary = {}
    for name, values in metrics.items():
        summary[name] = {"count": int(values.size), "mean": float(values.mean()), "sd": float(values.std(ddof=1)),
                         **{f"p{p}": float(q) for p, q in zip(PERCENTILES, np.percentile(values, PERCENTILES))}}
    happened = first_event >= 0
    summary["first_enforcement_month"] = {"count": int(happened.sum()),
                                          "mean": float(first_event[happened].mean()) if happened.any() else None,
                                          "sd": float(first_event[happened].std(ddof=1)) if happened.sum() > 1 else None}
    within = C < T
    summary["ceasefire_month"] = {"count": int(within.sum()),
                                  "mean": float(C[within].mean()) if within.any() else None,
                                  "sd": float(C[within].std(ddof=1)) if within.sum() > 1 else None}
    return {"runs": runs, "metrics": summary,
            "probabilities": {"enforced_by_horizon": float(means["enforced"][-1]), "ceasefire_by_horizon": float(means["postwar"][-1])},
            "series_means": {k: v.tolist() for k, v in means.items()},
            "bands": {k: v.tolist() for k, v in bands.items()}}


def load(path):
    with open(path, encoding="utf-8") as f:
        raw = yaml.safe_load(f)
    scenario = {k: (dict(v) if isinstance(v, dict) else v) for k, v in DEFAULTS.items()}
    for key, value in raw.items():
        if isinstance(value, dict) and key in DEFAULTS:
            scenario[key].update(value)
        else:
            scenario[key] = value
    return scenario


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("scenario")
    parser.add_argument("--runs", type=int)
    parser.add_argument("--seed", type=int)
    parser.add_argument("--json")
    args = parser.parse_args()
    scenario = load(args.scenario)
    runs = args.runs or int(scenario["runs"])
    seed = args.seed if args.seed is not None else int(scenario["seed"])
    began = time.perf_counter()
    result = simulate(scenario, runs, seed)
    result["elapsed_seconds"] = time.perf_counter() - began
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(result, f)
    print(f"numpy: {runs} runs x {scenario['months']} months in {result['elapsed_seconds']:.2f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
