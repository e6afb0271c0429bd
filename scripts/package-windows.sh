#!/usr/bin/env bash
# package-windows.sh cross-compiles Stillpoint for 64-bit Windows on Debian and
# builds its installer:
#
#   bin/build/windows/stillpoint.exe            the program (icon, version
#                                               metadata and manifest embedded)
#   bin/dist/Stillpoint-VERSION-windows-amd64-setup.exe   the NSIS installer
#
# cgo goes through mingw-w64 (gcc-mingw-w64-x86-64); the resources are compiled
# with its windres into a .syso that go build links. The build uses -trimpath,
# so time zones come from the embedded time/tzdata, never from a Go install
# on the build machine. The first build takes about 8 minutes (Fyne's and
# SQLite's C code); later ones reuse Go's build cache.
set -euo pipefail
# shellcheck source=release-common.sh
source "$(dirname "$0")/release-common.sh"

need_debs gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 nsis imagemagick git

prepare_src
OUT=$ROOT/bin/build/windows
mkdir -p "$DIST" "$OUT"

# Version numbers for Windows: 1.2.3 → "1,2,3,0" and 1.2.3.0.
IFS=. read -r v1 v2 v3 _ <<<"${VERSION%%[-+]*}"
v4="${v1:-0}.${v2:-0}.${v3:-0}.0"
vc="${v1:-0},${v2:-0},${v3:-0},0"

say "resources (icon, version $VERSION, manifest)"
res=$(mktemp -d)
trap 'rm -rf "$res"; rm -f "$SRC/cmd/stillpoint/rsrc_windows_amd64.syso"' EXIT
convert "$SRC/assets/icon.png" -background none -define icon:auto-resize=256,64,48,32,16 "$res/stillpoint.ico"
sed -e "s/@VERSION@/$VERSION/g" -e "s/@VERSIONC@/$vc/g" "$SRC/packaging/windows/stillpoint.rc" >"$res/stillpoint.rc"
sed -e "s/@VERSION4@/$v4/g" "$SRC/packaging/windows/stillpoint.manifest" >"$res/stillpoint.manifest"
(cd "$res" && x86_64-w64-mingw32-windres -O coff -i stillpoint.rc -o "$SRC/cmd/stillpoint/rsrc_windows_amd64.syso")

say "cross-compiling stillpoint.exe (the first time takes minutes)"
start=$(date +%s)
(cd "$SRC" && GOFLAGS= CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
	"$GO" build -trimpath -buildvcs="$BUILDVCS" -tags "$TAGS" -ldflags "-s -w -H windowsgui" \
	-o "$OUT/stillpoint.exe" ./cmd/stillpoint)
say "built in $(($(date +%s) - start)) s"

say "the installer (makensis)"
cp "$res/stillpoint.ico" "$OUT/"
sed 's/$/\r/' "$SRC/LICENSE" >"$OUT/LICENSE.txt"
setup=$DIST/Stillpoint-$VERSION-windows-amd64-setup.exe
makensis -V2 -DVERSION="$VERSION" -DVERSION4="$v4" -DBUILD="$OUT" -DOUTFILE="$setup" \
	"$SRC/packaging/windows/stillpoint.nsi"
ls -l "$OUT/stillpoint.exe" "$setup" >&2
