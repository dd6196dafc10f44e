#!/usr/bin/env bash
# Regenerates the images in docs/ that README.md shows, from the shipped scenarios with the current laborsim,
# so that they never drift from what the commands produce. Usage: bash docs/make-images.sh [RUNS]
# (default 100,000 runs as the README's commands; a test runs it with few runs into a temporary folder by
# setting LABORSIM_DOCS_OUT).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-100000}
target=${LABORSIM_DOCS_OUT:-docs}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build src/Simulation.Cli -c Release --nologo -v quiet >/dev/null
laborsim=(dotnet src/Simulation.Cli/bin/Release/net10.0/laborsim.dll)
"${laborsim[@]}" run scenarios/forecast-2027-2031.yaml --runs "$runs" --out "$work/forecast" --quiet
"${laborsim[@]}" voi scenarios/forecast-2027-2031.yaml --plan data/planned/monitoring-options.csv --runs "$runs" --out "$work/voi" --quiet
"${laborsim[@]}" run scenarios/donbas-baseline.yaml --runs "$runs" --out "$work/run" --quiet
"${laborsim[@]}" compare scenarios/donbas-baseline.yaml scenarios/strong-enforcement.yaml scenarios/monitoring-collapse.yaml \
  --runs "$runs" --out "$work/compare" --quiet
"${laborsim[@]}" sensitivity scenarios/donbas-baseline.yaml --runs "$runs" --out "$work/tornado" --quiet
"${laborsim[@]}" sensitivity scenarios/donbas-baseline.yaml --method sobol --samples "$(( runs < 2048 ? 256 : 2048 ))" \
  --metric remittances_usd --out "$work/sobol" --quiet
"${laborsim[@]}" sweep scenarios/donbas-baseline.yaml --over enforcement.deterrence=0:1:11 --runs "$(( runs / 10 ))" --out "$work/sweep" --quiet
"${laborsim[@]}" run scenarios/hindcast-russia-2018-2020.yaml --runs "$(( runs / 5 ))" --out "$work/hindcast" --quiet
"${laborsim[@]}" calibrate scenarios/hindcast-russia-2018-2020.yaml --observed data/observed/russia-permits-2018-2020.csv \
  --particles "$(( runs < 100000 ? 200 : 1000 ))" --runs "$(( runs / 10 ))" --out "$work/calibrate" --quiet
"${laborsim[@]}" discover scenarios/donbas-baseline.yaml --where "remittances_usd > 1e9" --runs "$runs" --out "$work/discover" --quiet
"${laborsim[@]}" robust scenarios/policies-2027.yaml --runs "$runs" --satisfice "remittances_usd < 1e9" --out "$work/robust" --quiet
mkdir -p "$target"
cp "$work/forecast/fan_workers.png" "$target/forecast_fan_workers.png"
cp "$work/forecast/record_workers.png" "$target/forecast_record_workers.png"
cp "$work/forecast/annual_remittances_usd.png" "$target/forecast_annual_remittances_usd.png"
cp "$work/forecast/fan_workers_by_destination.png" "$target/forecast_workers_by_destination.png"
cp "$work/voi/voi_observations.png" "$target/voi_observations.png"
cp "$work/run/fan_workers.png" "$target/fan_workers.png"
cp "$work/compare/compare_fan_workers.png" "$target/compare_fan_workers.png"
cp "$work/tornado/tornado_remittances_usd.png" "$target/tornado_remittances_usd.png"
cp "$work/sobol/sobol_remittances_usd.png" "$target/sobol_remittances_usd.png"
cp "$work/sweep/sweep_remittances_usd.png" "$target/sweep_remittances_usd.png"
cp "$work/hindcast/fan_workers_by_channel.png" "$target/hindcast_workers_by_channel.png"
cp "$work/hindcast/fan_workers_permit.png" "$target/hindcast_workers_permit.png"
cp "$work/calibrate/fit_workers.permit.png" "$target/calibrated_hindcast_fit_workers_permit.png"
cp "$work/calibrate/posterior_marginals.png" "$target/calibrated_hindcast_posterior_marginals.png"
cp "$work/discover/prim_limits.png" "$target/discover_limits.png"
cp "$work/discover/prim_tradeoff.png" "$target/discover_tradeoff.png"
cp "$work/run/exceed_remittances_usd.png" "$target/exceed_remittances_usd.png"
cp "$work/run/annual_remittances_usd.png" "$target/annual_remittances_usd.png"
cp "$work/robust/regret_remittances_usd.png" "$target/robust_regret_remittances_usd.png"
cp "$work/robust/failures_combined.png" "$target/robust_failures_combined.png"
echo "wrote the README's images into $target"
