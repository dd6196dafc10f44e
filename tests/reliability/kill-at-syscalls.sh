#!/usr/bin/env bash
# SIGKILL injected at chosen system calls (strace -e inject=SYSCALL:signal=KILL:when=N): at each, what is at --out
# must be a complete output (the old one or the new one, never nothing or half), and a killed checkpointed run must
# resume to the same summary as an uninterrupted run. strace comes from Debian's packages.
# Exit 0 passed, 1 failed, 77 skipped (loudly) when strace cannot be installed or cannot trace here.
set -uo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
dll="$repo/src/Simulation.Cli/bin/Debug/net10.0/laborsim.dll"
scenario="$repo/scenarios/donbas-baseline.yaml"
say() { echo "kill-at-syscalls: $*"; }
if ! command -v strace >/dev/null; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends strace) >/tmp/strace-apt.log 2>&1 \
    || { say "SKIPPED: apt-get install strace failed (see /tmp/strace-apt.log)"; exit 77; }
fi
strace -f -e trace=none -o /dev/null true 2>/dev/null || { say "SKIPPED: strace cannot trace processes here (ptrace not permitted)"; exit 77; }
[ -f "$dll" ] || dotnet build "$repo/src/Simulation.Cli" -v q >/dev/null || { say "FAILED: build"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
laborsim() { dotnet "$dll" "$@"; }
seed_of() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['seed'])" "$1/summary.json" 2>/dev/null; }

# 1. Replacing an output (--force) killed at each rename or renameat2 and at the fsyncs of the publish.
laborsim run "$scenario" --runs 2000 --seed 1 --out "$work/out" --no-plots --quiet >/dev/null || { say "FAILED: first run"; exit 1; }
cases=0
for point in renameat2:1 rename:1 fsync:1 fsync:5 fsync:20; do
  syscall=${point%%:*}; when=${point##*:}
  strace -f -o /dev/null -e trace="$syscall" -e inject="$syscall":signal=KILL:when="$when" \
    dotnet "$dll" run "$scenario" --runs 2000 --seed 2 --out "$work/out" --force --no-plots --quiet >/dev/null 2>&1
  seed=$(seed_of "$work/out")
  if [ "$seed" != 1 ] && [ "$seed" != 2 ]; then
    say "FAILED: killed at $syscall call $when, --out holds no complete output (seed '$seed')"; ls -la "$work"; exit 1
  fi
  [ -f "$work/out/.laborsim-output" ] || { say "FAILED: killed at $syscall call $when, the marker is missing"; exit 1; }
  cases=$((cases + 1))
  # Put the old output back for the next case.
  laborsim run "$scenario" --runs 2000 --seed 1 --out "$work/out" --force --no-plots --quiet >/dev/null
done

# 2. An fsync that fails with EIO (a disk that lost a write): exit 1, say so, and publish nothing (the old output
# stays); the same for discover and calibrate, which publish through the same folder.
hindcast="$repo/scenarios/hindcast-russia-2018-2020.yaml"
permits="$repo/data/observed/russia-permits-2018-2020.csv"
for verb in run discover calibrate; do
  case $verb in
    run) args=(run "$scenario" --runs 2000 --seed 2 --no-plots) ;;
    discover) args=(discover "$scenario" --where "remittances_usd > 0" --runs 2000 --no-plots) ;;
    calibrate) args=(calibrate "$hindcast" --observed "$permits" --particles 60 --max-generations 2 --runs 200 --no-plots) ;;
  esac
  rm -rf "$work/eio"
  mkdir -p "$work/eio" && echo keep > "$work/eio/.keep"
  strace -f -o /dev/null -e trace=fsync -e inject=fsync:error=EIO:when=1 \
    dotnet "$dll" "${args[@]}" --out "$work/eio-out" --quiet >"$work/eio.out" 2>"$work/eio.err"
  code=$?
  if [ "$code" != 1 ]; then
    say "FAILED: $verb with an fsync failing EIO exited $code, not 1"; cat "$work/eio.err"; exit 1
  fi
  grep -q "the disk reported an error" "$work/eio.err" || { say "FAILED: $verb did not say the disk failed"; cat "$work/eio.err"; exit 1; }
  if [ -e "$work/eio-out" ] || ls -d "$work"/eio-out.* "$work"/.eio-out.* >/dev/null 2>&1; then
    say "FAILED: $verb published (or left) an output after fsync failed"; ls -la "$work"; exit 1
  fi
  cases=$((cases + 1))
done

# The staging folder's marker is the process's first pwrite64: when it fails (ENOSPC), no staging folder is left.
rm -rf "$work/eio-out"
strace -f -o /dev/null -e trace=pwrite64 -e inject=pwrite64:error=ENOSPC:when=1 \
  dotnet "$dll" run "$scenario" --runs 200 --no-plots --out "$work/eio-out" --quiet >/dev/null 2>"$work/marker.err"
code=$?
if [ "$code" != 1 ] || [ -e "$work/eio-out" ] || ls -d "$work"/.eio-out.* >/dev/null 2>&1; then
  say "FAILED: a failed marker write exited $code or left a folder: $(cat "$work/marker.err")"; ls -la "$work"; exit 1
fi
cases=$((cases + 1))

# 3. A signal (TERM; a background job here ignores INT) after the publishing exchange, while the previous output is removed slowly (each unlink after the
# runtime's first two delayed 2 s): the new output is in place, so the exit code is 0 and the message says it was
# published, never "nothing was published".
laborsim run "$scenario" --runs 2000 --seed 1 --out "$work/out" --force --no-plots --quiet >/dev/null
strace -f -o /dev/null -e trace=unlink -e inject=unlink:delay_enter=2000000:when=3+ \
  dotnet "$dll" run "$scenario" --runs 2000 --seed 2 --out "$work/out" --force --no-plots --quiet >/dev/null 2>"$work/slow.err" &
tracer=$!
for _ in $(seq 1 1200); do [ "$(seed_of "$work/out")" = 2 ] && break; sleep 0.05; done
[ "$(seed_of "$work/out")" = 2 ] || { say "FAILED: the new output never appeared"; cat "$work/slow.err"; exit 1; }
child=$(pgrep -P "$tracer" -f laborsim.dll || pgrep -f "laborsim.dll run $scenario --runs 2000 --seed 2")
kill -TERM $child
wait "$tracer"; code=$?
if [ "$code" != 0 ] || grep -q "nothing was published" "$work/slow.err" || ! grep -q "after publishing $work/out, which is complete" "$work/slow.err"; then
  say "FAILED: a signal after the exchange exited $code with: $(cat "$work/slow.err")"; exit 1
fi
[ "$(seed_of "$work/out")" = 2 ] || { say "FAILED: --out does not hold the new output after the signal"; exit 1; }
cases=$((cases + 1))

# 4. A checkpointed run killed while publishing a checkpoint resumes to the uninterrupted summary.
laborsim run "$scenario" --runs 200000 --months 24 --out "$work/reference" --no-plots --quiet >/dev/null
for when in 1 2 3; do
  rm -rf "$work/ck" "$work/resumed"
  if strace -f -o /dev/null -e trace=rename -e inject=rename:signal=KILL:when="$when" \
    dotnet "$dll" run "$scenario" --runs 200000 --months 24 --checkpoint "$work/ck" --out "$work/resumed" --no-plots --quiet >/dev/null 2>&1; then
    # The run made fewer checkpoint renames than $when and finished: its own output must match.
    :
  else
    laborsim run "$scenario" --runs 200000 --months 24 --resume "$work/ck" --out "$work/resumed" --no-plots --quiet >/dev/null 2>&1 \
      || { say "FAILED: no resume after a kill at checkpoint rename $when"; exit 1; }
  fi
  if ! diff <(grep -v elapsed_seconds "$work/reference/summary.json") <(grep -v elapsed_seconds "$work/resumed/summary.json") >/dev/null; then
    say "FAILED: the run resumed after a kill at checkpoint rename $when differs from the uninterrupted one"; exit 1
  fi
  cases=$((cases + 1))
done
say "PASSED: $cases cases: kills at system calls, each leaving a complete output or a resumable checkpoint, and fsync failing EIO publishing nothing"
exit 0
