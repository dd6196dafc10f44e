#!/usr/bin/env bash
# Packaging test: laborsim packs as a .NET tool, installs from the local package with `dotnet tool install
# --add-source`, reports the engine version that summary.json carries, and runs a shipped scenario.
# Exit 0 passed, 1 failed.
set -uo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
say() { echo "tool-install-test: $*"; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$repo/Directory.Build.props")
dotnet pack "$repo/src/Simulation.Cli" -c Release -o "$work/packages" -v q >"$work/pack.log" 2>&1 || { cat "$work/pack.log"; say "FAILED: dotnet pack"; exit 1; }
dotnet tool install laborsim --add-source "$work/packages" --tool-path "$work/tools" --version "$version" >"$work/install.log" 2>&1 \
  || { cat "$work/install.log"; say "FAILED: dotnet tool install"; exit 1; }
reported=$("$work/tools/laborsim" --version) || { say "FAILED: laborsim --version"; exit 1; }
[ "$reported" = "$version" ] || { say "FAILED: laborsim --version printed '$reported', expected $version"; exit 1; }
"$work/tools/laborsim" run "$repo/scenarios/donbas-baseline.yaml" --runs 2000 --months 12 --out "$work/out" --quiet >/dev/null \
  || { say "FAILED: the installed tool could not run a shipped scenario"; exit 1; }
grep -q "\"engine_version\": \"$version\"" "$work/out/summary.json" || { say "FAILED: summary.json does not carry engine version $version"; exit 1; }
say "PASSED: packed, installed and ran laborsim $version as a .NET tool"
exit 0
