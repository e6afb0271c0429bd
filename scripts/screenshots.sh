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
"$shot" -g 1280x800 -w 2 -a "key ctrl+f key o k a f o r sleep 1 mousemove 300 225 click 1 sleep 1" \
  "$out/clients.png" -- ./bin/stillpoint --db "$tmp/demo.db"
# The client form, with the message a birth date in the future gets.
"$shot" -g 1280x800 -w 2 -a "key ctrl+n key Z o e Tab M a r t i n Tab Tab Tab 2 9 9 9 minus 0 1 minus 0 1 ctrl+s sleep 1" \
  "$out/client-form.png" -- ./bin/stillpoint --db "$tmp/demo.db"
# Today: the day's agenda, with each client's alerts (the app opens on it).
"$shot" -g 1280x800 -w 2 "$out/today.png" -- ./bin/stillpoint --db "$tmp/demo.db"
# The week calendar (the sidebar's Calendar entry).
"$shot" -g 1280x800 -w 2 -a "mousemove 60 193 click 1 sleep 1.5" \
  "$out/calendar.png" -- ./bin/stillpoint --db "$tmp/demo.db"
# A signed treatment note with its body chart (found through Ctrl+Shift+F).
"$shot" -g 1280x800 -w 2 -a "key ctrl+shift+f sleep 0.5 key t r i g g e r sleep 1.5 key Return sleep 1.5 mousemove 5 5 sleep 0.3" \
  "$out/note.png" -- ./bin/stillpoint --db "$tmp/demo.db"
# The welcome screen of a new practice.
"$shot" -g 1280x800 -w 2 "$out/welcome.png" -- ./bin/stillpoint --db "$tmp/new.db"
rm -f "$out"/*.log
echo "screenshots in $out"
