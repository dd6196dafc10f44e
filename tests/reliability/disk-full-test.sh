#!/usr/bin/env bash
# Disk full during a checkpoint save: on a 2 MiB tmpfs the first save (about 3 MB) fails. laborsim must exit 1 saying
# how much space it needs, leave no partial state file behind and publish no output. Needs root to mount the tmpfs.
# Exit 0 passed, 1 failed, 77 skipped (loudly) when the tmpfs cannot be mounted here.
set -uo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
dll="$repo/src/Simulation.Cli/bin/Debug/net10.0/laborsim.dll"
say() { echo "disk-full-test: $*"; }
[ -f "$dll" ] || dotnet build "$repo/src/Simulation.Cli" -v q >/dev/null || { say "FAILED: build"; exit 1; }
small=$(mktemp -d)
work=$(mktemp -d)
if ! mount -t tmpfs -o size=2m tmpfs "$small" 2>/dev/null; then
  rm -rf "$small" "$work"
  say "SKIPPED: cannot mount a small tmpfs here (it needs root)"
  exit 77
fi
trap 'umount "$small"; rm -rf "$small" "$work"' EXIT
dotnet "$dll" run "$repo/scenarios/donbas-baseline.yaml" --runs 300000 --checkpoint "$small/checkpoint" --out "$work/out" --no-plots --quiet 2>"$work/err"
code=$?
cat "$work/err"
[ "$code" -eq 1 ] || { say "FAILED: exit $code, expected 1"; exit 1; }
grep -q "could not save the checkpoint" "$work/err" && grep -q "MiB free" "$work/err" || { say "FAILED: the message does not say the space needed"; exit 1; }
if ls "$small/checkpoint"/state-*.bin >/dev/null 2>&1; then say "FAILED: a partial state file was left"; exit 1; fi
[ ! -e "$work/out" ] || { say "FAILED: an output was published"; exit 1; }
# A full disk at --out is found before running, not after.
dd if=/dev/zero of="$small/filler" bs=64k 2>/dev/null
dotnet "$dll" run "$repo/scenarios/donbas-baseline.yaml" --runs 1000 --out "$small/out" --no-plots --quiet 2>"$work/err2"
code=$?
cat "$work/err2"
[ "$code" -eq 2 ] && grep -q "KB free" "$work/err2" && [ ! -e "$small/out" ] || { say "FAILED: a full --out was not refused before running (exit $code)"; exit 1; }
say "PASSED: the failed save cleaned up after itself and said how much space it needs; a full --out is refused before running"
exit 0
