#!/usr/bin/env bash
# laborsim against the NumPy peer (benchmarks/peers): their distributions must agree (every mean and probability
# within 5 standard errors); the speed ratio is printed, never asserted. Debian's python3-numpy and python3-yaml are
# installed when missing. Exit 0 passed, 1 failed, 77 skipped (loudly) when they cannot be installed.
set -uo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
say() { echo "numpy-peer-compare: $*"; }
python=/usr/bin/python3
if ! "$python" -c "import numpy, yaml" 2>/dev/null; then
  say "installing Debian's python3-numpy and python3-yaml"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-numpy python3-yaml) >/tmp/numpy-apt.log 2>&1 \
    || { say "SKIPPED: apt-get install python3-numpy python3-yaml failed (see /tmp/numpy-apt.log)"; exit 77; }
fi
dotnet build "$repo/src/Simulation.Cli" -c Release -v q >/dev/null || { say "FAILED: build"; exit 1; }
if "$python" "$repo/benchmarks/peers/compare.py" --runs 200000; then
  say "PASSED: laborsim and the NumPy peer agree"
  exit 0
fi
say "FAILED: the distributions differ (or the peer did not run)"
exit 1
