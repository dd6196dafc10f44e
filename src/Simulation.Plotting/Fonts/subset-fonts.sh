#!/usr/bin/env bash
# Cuts DejaVu Sans 2.37 (Debian's fonts-dejavu-core) down to the characters chart text needs, same outlines, hinting
# and metrics. Why: Skia's SVG canvas maps every glyph of the font back to a character for each piece of text it
# writes, so its cost grows with the font's size (README.md beside this script). Needs Debian's python3-fonttools.
#   bash src/Simulation.Plotting/Fonts/subset-fonts.sh [folder with DejaVuSans.ttf and DejaVuSans-Bold.ttf]
set -euo pipefail
source_folder="${1:-/usr/share/fonts/truetype/dejavu}"
here="$(cd "$(dirname "$0")" && pwd)"
# Latin (with Extended-A and -B), combining accents, Greek, Cyrillic, punctuation, super- and subscripts, currency,
# letter-like symbols, number forms, arrows, mathematical operators, geometric shapes, and the replacement character.
unicodes="U+0000-024F,U+0300-036F,U+0370-03FF,U+0400-04FF,U+2000-206F,U+2070-209F,U+20A0-20CF,U+2100-218F"
unicodes+=",U+2190-21FF,U+2200-22FF,U+25A0-25FF,U+FFFD"
for font in DejaVuSans DejaVuSans-Bold; do
    /usr/bin/python3 -m fontTools.subset "$source_folder/$font.ttf" --unicodes="$unicodes" \
        --layout-features='*' --name-IDs='*' --name-languages='*' --glyph-names --legacy-kern --notdef-outline \
        --no-prune-unicode-ranges --output-file="$here/$font.ttf"
done
