#!/usr/bin/env bash
# Browser test: headless Chromium (Debian's) opens every type of generated report.html with the network off, and the page
# must load without console messages or errors, with every chart decoded and visible. Screenshots (desktop and
# phone width) are kept as CI artifacts in out/ci-artifacts/.
# Exit 0 passed, 1 failed, 77 skipped (Chromium could not be installed here).
set -uo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
laborsim_dll="$repo/src/Simulation.Cli/bin/Debug/net10.0/laborsim.dll"
artifacts="$repo/out/ci-artifacts"
say() { echo "report-browser-test: $*"; }
if ! command -v chromium >/dev/null; then
  say "installing Debian's chromium"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium) >/tmp/chromium-apt.log 2>&1 \
    || { say "SKIPPED: apt-get install chromium failed (see /tmp/chromium-apt.log)"; exit 77; }
fi
[ -f "$laborsim_dll" ] || dotnet build "$repo/src/Simulation.Cli" -v q >/dev/null || { say "FAILED: build"; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$artifacts"
dotnet "$laborsim_dll" run "$repo/scenarios/donbas-baseline.yaml" --runs 5000 --months 36 --out "$work/out" --quiet >/dev/null \
  || { say "FAILED: laborsim run"; exit 1; }
dotnet "$laborsim_dll" calibrate "$repo/scenarios/hindcast-russia-2018-2020.yaml" --observed "$repo/data/observed/russia-permits-2018-2020.csv" \
  --particles 200 --max-generations 6 --runs 2000 --out "$work/calibrated" --quiet >/dev/null \
  || { say "FAILED: laborsim calibrate"; exit 1; }
dotnet "$laborsim_dll" discover "$repo/scenarios/donbas-baseline.yaml" --where "remittances_usd > 6e8" --runs 5000 --out "$work/discovered" --quiet >/dev/null \
  || { say "FAILED: laborsim discover"; exit 1; }
dotnet "$laborsim_dll" robust "$repo/scenarios/policies-2027.yaml" --runs 2000 --satisfice "remittances_usd < 1e9" --out "$work/robust" --quiet >/dev/null \
  || { say "FAILED: laborsim robust"; exit 1; }
dotnet "$laborsim_dll" target "$repo/scenarios/policies-2027.yaml" --lever enforcement.expel_fraction --where "remittances_usd > 1e9" --at-most 0.31 \
  --from 2027-01 --runs 2000 --out "$work/target" --quiet >/dev/null || { say "FAILED: laborsim target"; exit 1; }
dotnet "$laborsim_dll" voi "$repo/scenarios/policies-2027.yaml" --plan "$repo/data/planned/monitoring-options.csv" --runs 2000 --out "$work/voi" --quiet >/dev/null \
  || { say "FAILED: laborsim voi"; exit 1; }
dotnet "$laborsim_dll" compare "$repo/scenarios/donbas-baseline.yaml" "$repo/scenarios/strong-enforcement.yaml" --runs 2000 --months 36 --out "$work/compare" --quiet >/dev/null \
  || { say "FAILED: laborsim compare"; exit 1; }
dotnet "$laborsim_dll" sweep "$repo/scenarios/donbas-baseline.yaml" --over enforcement.deterrence=0:1:5 --runs 500 --months 36 --out "$work/sweep" --quiet >/dev/null \
  || { say "FAILED: laborsim sweep"; exit 1; }
dotnet "$laborsim_dll" sensitivity "$repo/scenarios/donbas-baseline.yaml" --runs 1000 --months 36 --out "$work/tornado" --quiet >/dev/null \
  || { say "FAILED: laborsim sensitivity (tornado)"; exit 1; }
dotnet "$laborsim_dll" sensitivity "$repo/scenarios/donbas-baseline.yaml" --method sobol --samples 256 --metric remittances_usd --months 36 --out "$work/sobol" --quiet >/dev/null \
  || { say "FAILED: laborsim sensitivity (Sobol')"; exit 1; }
dotnet "$laborsim_dll" calibrate "$repo/scenarios/hindcast-russia-2018-2020.yaml" --observed "$repo/data/observed/russia-permits-2018-2020.csv" \
  --method history-matching --candidates 400 --replicates 4 --out "$work/history-match" --quiet >/dev/null \
  || { say "FAILED: laborsim calibrate --method history-matching"; exit 1; }
printf 'extends: %s\nscenario: hindcast-low-dispatch\nsupply:\n  dispatch_per_month: {dist: uniform, min: 200, max: 1200}\n' \
  "$repo/scenarios/hindcast-russia-2018-2020.yaml" >"$work/rival.yaml"
dotnet "$laborsim_dll" calibrate "$repo/scenarios/hindcast-russia-2018-2020.yaml" "$work/rival.yaml" --observed "$repo/data/observed/russia-permits-2018-2020.csv" \
  --particles 200 --max-generations 6 --runs 1000 --out "$work/model-choice" --quiet >/dev/null \
  || { say "FAILED: laborsim calibrate (model choice)"; exit 1; }

# check NAME REPORT MINIMUM_CHARTS: loads offline without console messages, every chart visible, legible at desktop
# and phone widths, tables that fit or scroll (on a phone: fit); screenshots kept.
check() {
  local name=$1 report=$2 minimum=$3
  grep -qE 'src="https?:|href="https?:' "$report" && { say "FAILED: $name loads something from the network"; exit 1; }
  browse() {
    timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
      --disable-component-update --disable-sync --user-data-dir="$(mktemp -d -p "$work")" --enable-logging=stderr --v=0 \
      --virtual-time-budget=10000 "$@" "file://$report"
  }
  browse --dump-dom >"$work/dom.html" 2>"$work/console.log" || { say "FAILED: chromium could not open $name"; exit 1; }
  plots=$(grep -o 'data-plots="[0-9]*"' "$work/dom.html" | grep -o '[0-9]*')
  visible=$(grep -o 'data-plots-visible="[0-9]*"' "$work/dom.html" | grep -o '[0-9]*')
  expected=$(grep -o '<img class="plot"' "$report" | wc -l)
  if grep -q 'CONSOLE' "$work/console.log"; then
    say "FAILED: console messages while loading $name:"; grep 'CONSOLE' "$work/console.log"; exit 1
  fi
  [ "${plots:-0}" = "$expected" ] && [ "${visible:-0}" = "$expected" ] && [ "$expected" -ge "$minimum" ] \
    || { say "FAILED: $name: $expected charts in the file, ${plots:-none} found and ${visible:-none} visible in the browser"; exit 1; }
  # Legibility: the page's own script measures the smallest chart text as shown (font size in the SVG times the
  # shrink to the width displayed) and counts tables that neither fit nor scroll. At a desktop width and at a
  # 390-pixel phone width, chart text must be at least 9 CSS pixels and every table must fit or scroll.
  for width in 1280 390; do
    browse --window-size=$width,5000 --dump-dom >"$work/dom-$width.html" 2>/dev/null
    text=$(grep -o 'data-chart-text-px="[0-9.]*"' "$work/dom-$width.html" | grep -o '[0-9.]*' | head -1)
    clipped=$(grep -o 'data-tables-clipped="[0-9]*"' "$work/dom-$width.html" | grep -o '[0-9]*' | head -1)
    [ -n "$text" ] || { say "FAILED: $name at $width px: the page did not measure its charts' text"; exit 1; }
    awk -v t="$text" 'BEGIN { exit !(t >= 9) }' || { say "FAILED: $name at $width px: the smallest chart text is $text px (at least 9 wanted)"; exit 1; }
    [ "${clipped:-1}" = "0" ] || { say "FAILED: $name at $width px: $clipped tables neither fit nor scroll"; exit 1; }
    if [ "$width" = 390 ]; then
      # On a phone every table is read without scrolling sideways (wide ones become a card per row).
      scrolling=$(grep -o 'data-tables-scrolling="[0-9]*"' "$work/dom-$width.html" | grep -o '[0-9]*' | head -1)
      [ "${scrolling:-1}" = "0" ] || { say "FAILED: $name at $width px: $scrolling tables must be scrolled sideways to be read"; exit 1; }
    fi
    say "$name at $width px: smallest chart text $text px, every table fits or scrolls"
  done
  browse --window-size=1280,4000 --screenshot="$artifacts/$name-desktop.png" >/dev/null 2>&1
  browse --window-size=390,5000 --screenshot="$artifacts/$name-phone.png" >/dev/null 2>&1
  cp "$report" "$artifacts/$name.html"
  [ -s "$artifacts/$name-desktop.png" ] && [ -s "$artifacts/$name-phone.png" ] || { say "FAILED: no screenshot of $name"; exit 1; }
  say "$name: loads with no console messages, $visible of $expected charts visible"
}
check report "$work/out/report.html" 10
check calibration-report "$work/calibrated/report.html" 4
check discovery-report "$work/discovered/report.html" 2
check robust-report "$work/robust/report.html" 8
check target-report "$work/target/report.html" 1
check voi-report "$work/voi/report.html" 3
check compare-report "$work/compare/report.html" 4
check sweep-report "$work/sweep/report.html" 2
check tornado-report "$work/tornado/report.html" 2
check sobol-report "$work/sobol/report.html" 1
check history-match-report "$work/history-match/report.html" 1
check model-choice-report "$work/model-choice/report.html" 1
say "PASSED: screenshots in $artifacts"
exit 0
