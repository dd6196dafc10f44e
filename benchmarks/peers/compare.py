#!/usr/bin/env python3
"""Times laborsim against the NumPy peer on the same scenario and machine, checks that their
distributions agree, and prints the speed ratio.

The peer implements model version 1 (docs/model.md), so the default scenario is the version 1 baseline as version 1
shipped it (the frozen file of the identity tests), and laborsim runs it with enforcement.before_deployment=true,
the setting under which model version 2 gives version 1's numbers bit for bit.

Usage (from the repository root, after `dotnet build -c Release src/Simulation.Cli`):
  python3 benchmarks/peers/compare.py [--scenario FILE] [--runs 1000000] [--threads 2]
Needs Debian's python3-numpy and python3-yaml.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scenario", default=os.path.join(ROOT, "tests", "Simulation.IO.Tests", "Golden", "v1-scenarios", "donbas-baseline.yaml"))
    parser.add_argument("--runs", type=int, default=1_000_000)
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--laborsim", default=os.path.join(ROOT, "src", "Simulation.Cli", "bin", "Release", "net10.0", "laborsim.dll"))
    args = parser.parse_args()
    if not os.path.exists(args.laborsim):
        sys.exit(f"{args.laborsim} not found: run `dotnet build -c Release src/Simulation.Cli` first")

    with tempfile.TemporaryDirectory() as work:
        out = os.path.join(work, "laborsim")
        began = time.perf_counter()
        # A .dll is the framework build; anything else a native binary, started directly.
        command = ["dotnet", args.laborsim] if args.laborsim.endswith(".dll") else [args.laborsim]
        subprocess.run(command + ["run", args.scenario, "--runs", str(args.runs), "--threads", str(args.threads),
                        "--set", "enforcement.before_deployment=true", "--no-plots", "--quiet", "--out", out], check=True, stdout=subprocess.DEVNULL)
        laborsim_wall = time.perf_counter() - began
        with open(os.path.join(out, "summary.json"), encoding="utf-8") as f:
            ours = json.load(f)

        peer_json = os.path.join(work, "numpy.json")
        began = time.perf_counter()
        subprocess.run([sys.executable, os.path.join(HERE, "laborsim_numpy.py"), args.scenario, "--runs", str(args.runs),
                        "--json", peer_json], check=True)
        numpy_wall = time.perf_counter() - began
        with open(peer_json, encoding="utf-8") as f:
            theirs = json.load(f)

    disagreements = 0
    print(f"{'metric':28} {'laborsim mean':>16} {'numpy mean':>16} {'z':>7}")
    for name, peer in theirs["metrics"].items():
        mine = ours["metrics"][name]
        if peer["mean"] is None or mine["mean"] is None or mine["count"] < 2:
            continue
        se = math.sqrt(mine["se"] ** 2 + (peer["sd"] ** 2) / peer["count"])
        z = (mine["mean"] - peer["mean"]) / se if se > 0 else 0.0
        flag = "" if abs(z) <= 5 else "  <- differs"
        disagreements += abs(z) > 5
        print(f"{name:28} {mine['mean']:16.6g} {peer['mean']:16.6g} {z:7.2f}{flag}")
    for name in ("enforced_by_horizon", "ceasefire_by_horizon"):
        a, b = ours["probabilities"][name], theirs["probabilities"][name]
        se = math.sqrt(a * (1 - a) / ours["runs"] + b * (1 - b) / theirs["runs"]) or 1e-12
        z = (a - b) / se
        disagreements += abs(z) > 5
        print(f"{name:28} {a:16.6g} {b:16.6g} {z:7.2f}")

    steps = args.runs * ours["months"]
    print(f"\nlaborsim: {laborsim_wall:.2f} s wall ({ours['elapsed_seconds']:.2f} s simulating), "
          f"{steps / laborsim_wall / 1e6:.1f} M path-steps/s, {args.threads} threads")
    print(f"numpy:    {numpy_wall:.2f} s wall ({theirs['elapsed_seconds']:.2f} s simulating)")
    print(f"ratio:    laborsim is {numpy_wall / laborsim_wall:.1f} x faster (wall clock, process start included)")
    if disagreements:
        sys.exit(f"{disagreements} statistics differ by more than 5 standard errors")


if __name__ == "__main__":
    main()
