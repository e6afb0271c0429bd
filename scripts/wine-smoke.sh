#!/usr/bin/env bash
# wine-smoke.sh smoke-tests the Windows installer under Wine, in a fresh Wine
# prefix (bin/build/wine) on a virtual X display (Xvfb):
#
#   1. the installer runs silently (/S): program, uninstaller, Start-menu and
#      desktop shortcuts and the Apps & features entry are there;
#   2. stillpoint.exe version prints this release and a commit;
#   3. demo and check work on the default practice file, which must land in
#      Fyne's storage folder, %AppData%\fyne\io.github.stillpoint\;
#   4. time zones: the exe has no Go install path baked in (-trimpath), and
#      `list appointments` in winter and summer gives the practice's offsets,
#      byte for byte what the Linux build prints for the same file;
#   5. the GUI opens a window (its time to appear is measured, next to the
#      Linux build's) and screenshots are saved to bin/dist/wine-*.png, one
#      of them of Help › About Stillpoint;
#   6. file locking (LockFileEx): while the app holds the practice, another
#      process is refused the lock, and a second window shows the refusal;
#   7. the silent uninstaller removes the program and shortcuts and leaves the
#      practice file alone.
#
# It needs bin/dist/Stillpoint-VERSION-windows-amd64-setup.exe (make
# package-windows) and, for the Linux comparison, bin/build/stillpoint (make
# package). Debian's Wine 8 lacks bcryptprimitives.dll, which Go 1.22+ needs:
# a test-only stand-in (scripts/wine/bcryptprimitives.c) goes into the
# prefix's System32. It is never shipped.
set -euo pipefail
# shellcheck source=release-common.sh
source "$(dirname "$0")/release-common.sh"

need_debs wine wine64 xvfb xdotool x11-utils imagemagick gcc-mingw-w64-x86-64 binutils

setup=$DIST/Stillpoint-$VERSION-windows-amd64-setup.exe
linux_bin=$ROOT/bin/build/stillpoint
[[ -f $setup ]] || { say "no $setup: run make package-windows first"; exit 1; }
[[ -x $linux_bin ]] || { say "no $linux_bin: run make package first"; exit 1; }

fail() { say "FAIL: $*"; exit 1; }
ok() { say "ok: $*"; }

export WINEPREFIX=$ROOT/bin/build/wine
export WINEDEBUG=-all
# winemenubuilder off: the installer's shortcuts must not leak into the host's menus and home.
export WINEDLLOVERRIDES="mscoree,mshtml,winemenubuilder.exe=d;bcryptprimitives=n"
wineuser=${USER:-$(id -un)}
users=$WINEPREFIX/drive_c/users/$wineuser
datadir=$users/AppData/Roaming/fyne/io.github.stillpoint
instdir=$users/AppData/Local/Programs/Stillpoint
exe=$instdir/stillpoint.exe
winexe='C:\users\'$wineuser'\AppData\Local\Programs\Stillpoint\stillpoint.exe'

# A display of our own.
disp=90
while [[ -e /tmp/.X11-unix/X$disp || -e /tmp/.X$disp-lock ]]; do disp=$((disp + 1)); done
Xvfb ":$disp" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=:$disp
gui_pids=()
cleanup() {
	local p
	for p in "${gui_pids[@]}"; do kill "$p" 2>/dev/null || true; done
	wineserver -k 2>/dev/null || true
	kill "$xvfb_pid" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

say "a fresh Wine prefix in $WINEPREFIX"
rm -rf "$WINEPREFIX"
wineboot -i >/dev/null 2>&1
wineserver -w
x86_64-w64-mingw32-gcc -shared -O2 -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
	"$ROOT/scripts/wine/bcryptprimitives.c" -ladvapi32

# 1. Silent install.
wine "$setup" /S >/dev/null 2>&1
wineserver -w
[[ -f $exe ]] || fail "the silent install put no $exe"
[[ -f $instdir/uninstall.exe ]] || fail "no uninstaller"
startlnk=$users/AppData/Roaming/Microsoft/Windows/Start\ Menu/Programs/Stillpoint/Stillpoint.lnk
[[ -f $startlnk ]] || fail "no Start-menu shortcut"
desklnk=$(find "$users/" -maxdepth 2 -iname 'Stillpoint.lnk' -path '*Desktop*' | head -1)
if [[ -z $desklnk ]]; then
	# Wine links the Desktop folder to the Unix desktop when there is one.
	desklnk=$(find "$(readlink -f "$users/Desktop" 2>/dev/null || echo /nonexistent)" -maxdepth 1 -iname 'Stillpoint.lnk' 2>/dev/null | head -1)
fi
[[ -n $desklnk ]] || fail "no desktop shortcut"
reg=$(wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\io.github.stillpoint' /v DisplayVersion 2>&1 || true)
grep -q "$VERSION" <<<"$reg" || fail "no Apps & features entry for $VERSION: $reg"
ok "silent install: $exe, uninstaller, Start-menu and desktop shortcuts, Apps & features entry"

# 2. version.
out=$(wine "$exe" version 2>&1 | tr -d '\r')
echo "$out" >&2
grep -q "^stillpoint $VERSION " <<<"$out" || fail "version does not print $VERSION"
! grep -q "^commit: unknown" <<<"$out" || say "warning: the build recorded no commit"
ok "stillpoint.exe version"

# 3. demo and check on the default practice file.
rm -rf "$datadir"
wine "$exe" demo --years 1 2>&1 | tr -d '\r' >&2 || fail "demo"
[[ -f $datadir/stillpoint.db ]] || fail "the practice file is not in %AppData%\\fyne\\io.github.stillpoint\\"
out=$(wine "$exe" check 2>&1 | tr -d '\r') || fail "check: $out"
grep -q "quick_check: ok" <<<"$out" || fail "check: $out"
grep -q 'C:\\users\\'"$wineuser"'\\AppData\\Roaming\\fyne\\io.github.stillpoint\\stillpoint.db' <<<"$out" ||
	fail "check names another file: $out"
ok "demo and check on %AppData%\\fyne\\io.github.stillpoint\\stillpoint.db"

# 4. Time zones.
# No Go install path in the exe (time's own "/lib/time/zoneinfo.zip" suffix
# is always there; GOROOT in front of it must not be).
goroot=$("$GO" env GOROOT)
exe_strings=$(strings "$exe")
if grep -qF "$goroot" <<<"$exe_strings"; then
	fail "the exe holds the Go install path $goroot: build it with -trimpath"
fi
exe_info=$("$GO" version -m "$exe")
grep -q -- '-trimpath=true' <<<"$exe_info" || fail "the exe was not built with -trimpath"
y=$(date +%Y)
for range in "$((y - 1))-12-29 $((y - 1))-12-31" "$y-01-05 $y-01-09" "$y-07-06 $y-07-10"; do
	read -r from to <<<"$range"
	win=$(wine "$exe" list appointments --from "$from" --to "$to" 2>&1 | tr -d '\r') || fail "list appointments: $win"
	lin=$("$linux_bin" --db "$datadir/stillpoint.db" list appointments --from "$from" --to "$to" 2>&1)
	[[ $win == "$lin" ]] || fail "appointments $from..$to differ from the Linux build's:
$win
---
$lin"
	[[ -n $win ]] && say "  $from..$to: $(wc -l <<<"$win") appointments, e.g. $(head -1 <<<"$win" | cut -f2)"
done
# (Output captured first: grep -q in a pipe would close it early, and
# pipefail would then count the writer's broken pipe as a failure.)
winter=$(wine "$exe" list appointments --from "$y-01-05" --to "$y-01-09" 2>&1)
grep -q -- '-05:00' <<<"$winter" || fail "no winter offset (-05:00) for America/Toronto: $winter"
summer=$(wine "$exe" list appointments --from "$y-07-06" --to "$y-07-10" 2>&1)
grep -q -- '-04:00' <<<"$summer" || fail "no summer offset (-04:00) for America/Toronto: $summer"
ok "time zones from the embedded tzdata: America/Toronto -05:00 in winter, -04:00 in summer, same as Linux"

# wait_window waits for the n-th window titled Stillpoint; prints the seconds.
wait_window() {
	local n=$1 start=$2 i
	for i in $(seq 300); do
		if [[ $(xdotool search --onlyvisible --name '^Stillpoint' 2>/dev/null | wc -l) -ge $n ]]; then
			echo "$(($(date +%s%N) / 1000000 - start))"
			return 0
		fi
		sleep 0.1
	done
	return 1
}

# 5. The GUI, under Linux first for comparison, then under Wine.
lindb=$(mktemp -d)/linux.db
cp "$datadir/stillpoint.db" "$lindb"
start=$(($(date +%s%N) / 1000000))
"$linux_bin" --db "$lindb" >/dev/null 2>&1 &
lpid=$!
gui_pids+=("$lpid")
linux_ms=$(wait_window 1 "$start") || fail "the Linux build opened no window"
sleep 2
import -window root "$DIST/linux-window.png"
kill "$lpid"
wait "$lpid" 2>/dev/null || true
sleep 0.5

start=$(($(date +%s%N) / 1000000))
wine "$exe" >/dev/null 2>&1 &
gui_pids+=("$!")
wine_ms=$(wait_window 1 "$start") || fail "stillpoint.exe opened no window under Wine"
sleep 3
import -window root "$DIST/wine-window.png"
ok "window up: Wine ${wine_ms} ms, Linux ${linux_ms} ms; screenshots bin/dist/wine-window.png, bin/dist/linux-window.png"
echo "window-up-ms wine=$wine_ms linux=$linux_ms" >"$DIST/window-up.txt"

# Help › About Stillpoint, by mouse: the menu bar is at the window's top left.
wid=$(xdotool search --onlyvisible --name '^Stillpoint' | head -1)
eval "$(xdotool getwindowgeometry --shell "$wid")"
xdotool mousemove $((X + 78)) $((Y + 14)) click 1
sleep 1
xdotool mousemove $((X + 120)) $((Y + 48)) click 1
sleep 1.5
import -window root "$DIST/wine-about.png"
say "  Help › About Stillpoint: bin/dist/wine-about.png (look at it: version, commit, date, file, licence)"

# 6. LockFileEx: the open app holds the practice.
[[ -f $datadir/stillpoint.db.lock ]] || fail "the app made no lock file beside the practice"
probe=$ROOT/bin/build/windows/lockprobe.exe
(cd "$ROOT" && GOFLAGS= CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
	"$GO" build -trimpath -tags "$TAGS" -o "$probe" ./scripts/wine/lockprobe)
out=$(wine "$probe" 'C:\users\'"$wineuser"'\AppData\Roaming\fyne\io.github.stillpoint\stillpoint.db' 2>&1 | tr -d '\r') ||
	fail "a second process was not refused the lock: $out"
say "  lockprobe: $out"
wine "$exe" >/dev/null 2>&1 &
gui_pids+=("$!")
wait_window 2 "$(($(date +%s%N) / 1000000))" >/dev/null || fail "a second stillpoint.exe opened no window"
sleep 3
import -window root "$DIST/wine-second-window.png"
ok "LockFileEx: another process is refused while the app is open; bin/dist/wine-second-window.png shows the second window"

for p in "${gui_pids[@]}"; do kill "$p" 2>/dev/null || true; done
gui_pids=()
wineserver -k 2>/dev/null || true
wineserver -w 2>/dev/null || true

# 7. Silent uninstall keeps the practice.
wine "$instdir/uninstall.exe" /S >/dev/null 2>&1
for _ in $(seq 100); do [[ -f $exe ]] || break; sleep 0.2; done
wineserver -w
[[ ! -f $exe ]] || fail "the uninstaller left stillpoint.exe"
[[ ! -f $startlnk ]] || fail "the uninstaller left the Start-menu shortcut"
[[ ! -f $desklnk ]] || fail "the uninstaller left the desktop shortcut"
[[ -f $datadir/stillpoint.db ]] || fail "the uninstaller deleted the practice file"
out=$("$linux_bin" --db "$datadir/stillpoint.db" check 2>&1) || fail "the practice file is damaged after uninstall: $out"
ok "silent uninstall: program and shortcuts gone, the practice file kept and intact"
say "all Wine checks passed"
