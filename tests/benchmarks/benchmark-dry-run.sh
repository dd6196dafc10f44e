#!/usr/bin/env bash
# Every BenchmarkDotNet benchmark builds and runs once (BenchmarkDotNet's dry job, in process): a benchmark that no
# longer compiles, throws or returns nothing fails CI. No timing is asserted: speed is measured, not tested.
set -uo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
say() { echo "benchmark-dry-run: $*"; }
(cd "$repo" && dotnet run -c Release --project benchmarks/Simulation.Benchmarks -- --filter '*' --job dry --inProcess) >"$log" 2>&1
code=$?
if [ "$code" -ne 0 ] || grep -qE '// ERROR|Benchmarks with issues|Unhandled exception' "$log"; then
  tail -60 "$log"
  say "FAILED (exit $code)"
  exit 1
fi
count=$(grep -oE 'executed benchmarks: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+')
[ "${count:-0}" -gt 0 ] || { tail -30 "$log"; say "FAILED: no benchmark ran"; exit 1; }
say "PASSED: $count benchmarks built and ran once"
exit 0
