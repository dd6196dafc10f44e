#!/usr/bin/env bash
# Integration test: a real single-node Slurm cluster on localhost runs `laborsim slurm`'s job array and merge,
# and the merged summary.json must equal a single-process run's (elapsed time aside).
# Exit 0 passed, 1 failed, 77 skipped (Slurm could not be installed or started here). Cleans up every process it starts.
set -uo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
laborsim_dll="$repo/src/Simulation.Cli/bin/Debug/net10.0/laborsim.dll"
say() { echo "slurm-integration: $*"; }
skip() { say "SKIPPED: $*"; exit 77; }
fail() { say "FAILED: $*"; for f in "$work"/*.log "$work"/job/logs/*; do [ -f "$f" ] && { echo "--- $f"; tail -20 "$f"; }; done; exit 1; }

[ "$(id -u)" = 0 ] || skip "needs root to install and run slurmctld, slurmd and munged"
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null; then
  say "installing Debian's slurm-wlm and munge"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurm-wlm munge) >/tmp/slurm-apt.log 2>&1 \
    || skip "apt-get install slurm-wlm munge failed (see /tmp/slurm-apt.log)"
fi
[ -f "$laborsim_dll" ] || { say "building laborsim"; dotnet build "$repo/src/Simulation.Cli" -v q >/dev/null || fail "build failed"; }

work=$(mktemp -d /tmp/laborsim-slurm.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  sleep 1
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null; done
  # Jobs' own processes are children of slurmstepd, which slurmd started; anything left is ours to end.
  pkill -f "slurmstepd.*$work" 2>/dev/null
  pkill -f "$work/munge.socket" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

host=$(hostname -s)
mkdir -p "$work/state" "$work/spool" "$work/job"
dd if=/dev/urandom of="$work/munge.key" bs=1 count=1024 status=none
chmod 400 "$work/munge.key"
munged --force --socket="$work/munge.socket" --key-file="$work/munge.key" --pid-file="$work/munged.pid" \
  --log-file="$work/munged.log" --seed-file="$work/munged.seed" || skip "munged does not start here"
sleep 1
pids+=("$(cat "$work/munged.pid")")

port=$((20000 + RANDOM % 20000))
cat > "$work/slurm.conf" <<CONF
ClusterName=laborsimtest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
AuthType=auth/munge
AuthInfo=socket=$work/munge.socket
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
SlurmctldTimeout=30
SlurmdTimeout=30
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) RealMemory=2000 State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$work/slurm.conf"
slurmctld -D -i >"$work/slurmctld.out" 2>&1 & pids+=($!)
sleep 2
slurmd -D >"$work/slurmd.out" 2>&1 & pids+=($!)
for _ in $(seq 1 60); do
  state=$(sinfo -h -o %T 2>/dev/null | head -1)
  [ "$state" = idle ] && break
  sleep 1
done
[ "${state:-}" = idle ] || skip "the single-node cluster did not come up (node state '${state:-none}')"
say "cluster up on $host, port $port"

laborsim=(dotnet "$laborsim_dll")
scenario="$repo/scenarios/donbas-baseline.yaml"
"${laborsim[@]}" slurm "$scenario" --shards 4 --runs 20000 --months 24 --out "$work/job" --time 00:10:00 --mem 400M --cpus 1 \
  --laborsim "dotnet '$laborsim_dll'" || fail "laborsim slurm failed"
bash "$work/job/submit.sh" || fail "submitting failed"
for _ in $(seq 1 300); do
  [ -z "$(squeue -h 2>/dev/null)" ] && break
  sleep 1
done
[ -z "$(squeue -h)" ] || fail "jobs still queued after 300 s: $(squeue)"
[ -f "$work/job/result/summary.json" ] || fail "the merge produced no summary.json"
[ "$(ls -d "$work"/job/shards/shard-* | wc -l)" = 4 ] || fail "expected 4 shard folders"

"${laborsim[@]}" run "$scenario" --runs 20000 --months 24 --out "$work/single" --no-plots --quiet >/dev/null || fail "single run failed"
if diff <(grep -v '"elapsed_seconds"' "$work/job/result/summary.json") <(grep -v '"elapsed_seconds"' "$work/single/summary.json") >/dev/null; then
  say "PASSED: 4 shards on Slurm merged to the single-process summary.json"
  exit 0
fi
fail "merged summary.json differs from the single-process run"
