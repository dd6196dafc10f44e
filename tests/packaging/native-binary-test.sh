#!/usr/bin/env bash
# Packaging test: laborsim publishes as one native binary (Native AOT, README "Binaries for clusters") that runs on a
# machine without .NET: started with an empty environment (no dotnet on PATH, no DOTNET_ROOT), it must print the
# engine version, refuse a bad scenario with exit 2, and write the same summary.json, CSVs and charts as the
# framework build, for a plain run and for two shards merged. Exit 0 passed, 1 failed, 77 skipped (no C toolchain).
set -uo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
say() { echo "native-binary-test: $*"; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$repo/Directory.Build.props")

publish() { dotnet publish "$repo/src/Simulation.Cli" -c Release -r linux-x64 -p:PublishAot=true -o "$work/bin" >"$work/publish.log" 2>&1; }
if ! publish; then
  # Native AOT links with the system's C toolchain: Debian's clang and zlib1g-dev.
  say "publish failed; installing clang and zlib1g-dev"
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang zlib1g-dev; } >"$work/apt.log" 2>&1; then
    tail -5 "$work/apt.log"; tail -20 "$work/publish.log"; say "SKIPPED: no C toolchain for Native AOT and none could be installed"; exit 77
  fi
  publish || { tail -30 "$work/publish.log"; say "FAILED: dotnet publish -p:PublishAot=true"; exit 1; }
fi
for file in laborsim laborsim.x86-64-v3 laborsim.x86-64-v4 libSkiaSharp.so libHarfBuzzSharp.so; do
  [ -f "$work/bin/$file" ] || { ls -la "$work/bin"; say "FAILED: the published folder has no $file"; exit 1; }
done

mkdir -p "$work/home"
native() { env -i PATH=/usr/bin:/bin HOME="$work/home" "$work/bin/laborsim" "$@"; }
framework() { dotnet "$repo/src/Simulation.Cli/bin/Release/net10.0/laborsim.dll" "$@"; }
dotnet build "$repo/src/Simulation.Cli" -c Release -v q >"$work/build.log" 2>&1 || { tail -20 "$work/build.log"; say "FAILED: framework build"; exit 1; }

reported=$(native --version) || { say "FAILED: the native binary's --version"; exit 1; }
[ "$reported" = "$version" ] || { say "FAILED: --version printed '$reported', expected $version"; exit 1; }
native --help >/dev/null 2>&1; [ $? -le 1 ] || { say "FAILED: --help"; exit 1; }

printf 'scenario: broken\nmonths: 12\nruns: 100\nseed: 1\nstart: 2024-01\nceasefire: {month: 3}\nsupply: {dispatch_per_month: -5}\n' >"$work/bad.yaml"
native run "$work/bad.yaml" --out "$work/bad" >"$work/bad.log" 2>&1
status=$?
[ "$status" -eq 2 ] || { cat "$work/bad.log"; say "FAILED: a bad scenario exited $status, expected 2"; exit 1; }
grep -q "bad.yaml" "$work/bad.log" || { cat "$work/bad.log"; say "FAILED: the error does not name the file"; exit 1; }
[ ! -e "$work/bad" ] || { say "FAILED: a refused run left $work/bad behind"; exit 1; }

# The refusals of issue 27 behave as in the framework build: a FIFO (refused before it is opened, through libc's
# statx), a folder given for a file, an fsync checked through libc.
mkfifo "$work/pipe.yaml"
timeout 60 "$work/bin/laborsim" validate "$work/pipe.yaml" >"$work/fifo.log" 2>&1
status=$?
[ "$status" -eq 2 ] && grep -q "is a pipe (FIFO), not a regular file" "$work/fifo.log" || { cat "$work/fifo.log"; say "FAILED: a FIFO exited $status (124: it blocked)"; exit 1; }
mkdir -p "$work/folder.csv"
native calibrate "$repo/scenarios/hindcast-russia-2018-2020.yaml" --observed "$work/folder.csv" --out "$work/cal" >"$work/folder.log" 2>&1
status=$?
[ "$status" -eq 2 ] && grep -q "is a folder, not an observation file" "$work/folder.log" || { cat "$work/folder.log"; say "FAILED: a folder for a file exited $status"; exit 1; }

same_outputs() {
  for file in summary.json series.csv metrics.csv; do
    diff <(grep -v '"elapsed_seconds"' "$1/$file") <(grep -v '"elapsed_seconds"' "$2/$file") >"$work/diff.log" \
      || { head -20 "$work/diff.log"; say "FAILED: $file differs between the native binary and the framework build ($3)"; exit 1; }
  done
}
scenario="$repo/scenarios/donbas-baseline.yaml"
native run "$scenario" --runs 20000 --out "$work/native" --quiet >/dev/null || { say "FAILED: the native binary could not run a shipped scenario"; exit 1; }
framework run "$scenario" --runs 20000 --out "$work/framework" --quiet >/dev/null || { say "FAILED: the framework build could not run"; exit 1; }
same_outputs "$work/native" "$work/framework" "plain run"
charts_native=$(ls "$work/native"/*.png | wc -l); charts_framework=$(ls "$work/framework"/*.png | wc -l)
[ "$charts_native" -gt 5 ] && [ "$charts_native" -eq "$charts_framework" ] || { say "FAILED: $charts_native charts from the native binary, $charts_framework from the framework build"; exit 1; }
grep -q "<img" "$work/native/report.html" || { say "FAILED: the native binary's report has no chart"; exit 1; }

for shard in 0 1; do
  native run "$scenario" --runs 20000 --shard "$shard/2" --out "$work/shards/shard-$shard" --quiet >/dev/null || { say "FAILED: shard $shard"; exit 1; }
done
native merge "$work/shards" --out "$work/merged" >/dev/null || { say "FAILED: merge of the native binary's shards"; exit 1; }
same_outputs "$work/merged" "$work/framework" "two shards merged"

# Three binaries, one folder: laborsim (every x86-64 CPU) hands over to laborsim.x86-64-v4 or laborsim.x86-64-v3, the
# highest level the CPU has (src/Simulation.IO/Platform/IsaDispatch.cs); LABORSIM_ISA caps the level (baseline keeps
# the baseline binary). Every binary the CPU can run writes the framework build's outputs.
env -i PATH=/usr/bin:/bin HOME="$work/home" LABORSIM_ISA=baseline "$work/bin/laborsim" run "$scenario" --runs 20000 --out "$work/baseline" --quiet >/dev/null \
  || { say "FAILED: the baseline binary could not run"; exit 1; }
same_outputs "$work/baseline" "$work/framework" "baseline x86-64 binary"
flags=$(grep -m1 '^flags' /proc/cpuinfo)
has() { for flag in "$@"; do [[ " $flags " == *" $flag "* ]] || return 1; done; }
level_three_flags="avx avx2 bmi1 bmi2 f16c fma abm movbe cx16 lahf_lm popcnt pni ssse3 sse4_1 sse4_2"
level_four_flags="avx512f avx512bw avx512cd avx512dq avx512vl"
has $level_three_flags && cpu_level=x86-64-v3 || cpu_level=baseline
[ "$cpu_level" = x86-64-v3 ] && has $level_four_flags && cpu_level=x86-64-v4
for level in x86-64-v3 x86-64-v4; do
  if "$work/bin/laborsim.$level" --version >/dev/null 2>&1; then
    "$work/bin/laborsim.$level" run "$scenario" --runs 20000 --out "$work/$level" --quiet >/dev/null || { say "FAILED: the $level binary could not run"; exit 1; }
    same_outputs "$work/$level" "$work/framework" "$level binary"
    ran="${ran:-} $level"
  fi
done
# Which binary runs: stand-ins for the two that say they were started, and with what.
cp -r "$work/bin" "$work/dispatch"
for level in x86-64-v3 x86-64-v4; do
  printf '#!/bin/sh\necho "%s: $*"\n' "$level" >"$work/dispatch/laborsim.$level"
  chmod +x "$work/dispatch/laborsim.$level"
done
started() { env -i PATH=/usr/bin:/bin "$@" "$work/dispatch/laborsim" run "two words" --quiet 2>&1 | head -1; }
expect_level() { # expect_level CAP EXPECTED-LEVEL
  got=$(started LABORSIM_ISA="$1")
  if [ "$2" = baseline ]; then
    [[ "$got" != x86-64-* ]] || { say "FAILED: LABORSIM_ISA=$1 on a $cpu_level CPU handed over ('$got')"; exit 1; }
  else
    [ "$got" = "$2: run two words --quiet" ] || { say "FAILED: LABORSIM_ISA=$1 on a $cpu_level CPU: '$got', expected $2 with the arguments"; exit 1; }
  fi
}
kept=$(env -i PATH=/usr/bin:/bin LABORSIM_ISA=baseline "$work/dispatch/laborsim" --version 2>&1)
[ "$kept" = "$version" ] || { say "FAILED: LABORSIM_ISA=baseline printed '$kept', not the version"; exit 1; }
expect_level "" "$cpu_level"
expect_level baseline baseline
case $cpu_level in
  x86-64-v4) expect_level x86-64-v3 x86-64-v3; expect_level x86-64-v4 x86-64-v4 ;;
  x86-64-v3) expect_level x86-64-v4 x86-64-v3 ;;
esac
[[ "${ran:-}" == *"$cpu_level"* || "$cpu_level" = baseline ]] || { say "FAILED: the CPU reports $cpu_level but laborsim.$cpu_level refused it"; exit 1; }
env -i PATH=/usr/bin:/bin LABORSIM_ISA=v4 "$work/dispatch/laborsim" --version >"$work/cap.log" 2>&1
status=$?
[ "$status" -eq 2 ] && grep -q "LABORSIM_ISA=v4 names no instruction-set level" "$work/cap.log" || { cat "$work/cap.log"; say "FAILED: LABORSIM_ISA=v4 exited $status"; exit 1; }
say "CPU level: $cpu_level; binaries run:${ran:- none above the baseline}; hand-over checked"

size=$(du -sh "$work/bin" | cut -f1)
say "PASSED: native laborsim $version ($size: three binaries and two native libraries) runs without .NET and writes the framework build's outputs"
exit 0
