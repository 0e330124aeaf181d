#!/usr/bin/env bash
# Draws assets/desktop/taliq.svg as the PNGs of the usual hicolor sizes
# (assets/desktop/taliq-N.png, committed; the window's own icon is the 128 px one).
# Run after changing the SVG. Needs rsvg-convert (Debian: librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")/.."
for size in 16 22 24 32 48 64 128 256 512; do
    rsvg-convert --width "$size" --height "$size" assets/desktop/taliq.svg \
        --output "assets/desktop/taliq-$size.png"
done
