#!/usr/bin/env bash
# screenshots.sh — regenerate the README's screenshots from the real app under Xvfb.
#
#   scripts/screenshots.sh            (run through `make screenshots`, which builds first)
#
# Makes a 10-year demo practice in a temporary folder, opens the app on it and saves PNGs
# in docs/screenshots/. Needs xvfb, xdotool and imagemagick (scripts/deps.sh --tools).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
shot=${SCREENSHOT_TOOL:-../shared/tools/screenshot.sh}
[[ -x $shot ]] || { echo "screenshots.sh: $shot not found (set SCREENSHOT_TOOL)" >&2; exit 2; }
out=docs/screenshots
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export FYNE_THEME=${FYNE_THEME:-light}

./bin/stillpoint --db "$tmp/demo.db" demo --years 10 >/dev/null
# The client list with a client who has an alert (search, then pick the first row).
"$shot" -g 1280x800 -w 2 -a "key ctrl+f type --delay 60 okafor sleep 0.8 mousemove 200 235 click 1 sleep 0.8" \
  "$out/clients.png" -- ./bin/stillpoint --db "$tmp/demo.db"
# The client form.
"$shot" -g 1280x800 -w 2 -a "key ctrl+n sleep 0.8" "$out/client-form.png" -- ./bin/stillpoint --db "$tmp/demo.db"
# The welcome screen of a new practice.
"$shot" -g 1280x800 -w 2 "$out/welcome.png" -- ./bin/stillpoint --db "$tmp/new.db"
echo "screenshots in $out"
