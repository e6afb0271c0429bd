#!/usr/bin/env bash
# deb-check.sh checks bin/dist/stillpoint_VERSION_amd64.deb without installing
# it on this system: it unpacks it into a temporary root (dpkg-deb -x), then
#
#   - the files are where a desktop expects them (binary, .desktop, icon,
#     copyright) and the .desktop file names the binary and the icon;
#   - ldd of the unpacked binary finds every library, and each one it links
#     comes from a package the .deb declares in Depends (or from libc6);
#   - each X11 library GLFW opens at run time (dlopen, invisible to ldd) also
#     comes from a declared package;
#   - the unpacked binary runs: `stillpoint version` prints this release.
set -euo pipefail
# shellcheck source=release-common.sh
source "$(dirname "$0")/release-common.sh"

deb=$DIST/stillpoint_${VERSION}_amd64.deb
need_debs binutils
[[ -f $deb ]] || { say "no $deb: run make package first"; exit 1; }
fail() { say "FAIL: $*"; exit 1; }

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"
for f in usr/bin/stillpoint usr/share/applications/io.github.stillpoint.desktop \
	usr/share/icons/hicolor/512x512/apps/io.github.stillpoint.png usr/share/doc/stillpoint/copyright; do
	[[ -f $root/$f ]] || fail "the .deb has no /$f"
done
desktop=$root/usr/share/applications/io.github.stillpoint.desktop
grep -qx 'Exec=stillpoint' "$desktop" && grep -qx 'Icon=io.github.stillpoint' "$desktop" ||
	fail "the .desktop file does not start stillpoint with its icon"
if command -v desktop-file-validate >/dev/null 2>&1; then
	desktop-file-validate "$desktop" || fail "desktop-file-validate"
fi

depends=$(dpkg-deb -f "$deb" Depends)
say "Depends: $depends"
declared() { tr ',' '\n' <<<"$depends" | awk '{print $1}' | grep -qx "$1"; }

# package_of prints the Debian package that ships a library file.
package_of() {
	local path=$1 p
	for p in "$path" "$(readlink -f "$path")" "/usr$path" "${path#/usr}"; do
		if dpkg -S "$p" >/dev/null 2>&1; then
			dpkg -S "$p" | head -1 | cut -d: -f1
			return
		fi
	done
	echo "?"
}

bin=$root/usr/bin/stillpoint
ldd_out=$(ldd "$bin")
! grep -q "not found" <<<"$ldd_out" || fail "ldd: missing libraries:
$ldd_out"
for lib in $(objdump -p "$bin" | awk '/NEEDED/{print $2}'); do
	path=$(awk -v l="$lib" '$1==l{print $3}' <<<"$ldd_out")
	pkg=$(package_of "$path")
	declared "$pkg" || fail "$lib (package $pkg) is linked but not in Depends"
	say "  linked $lib <- $pkg (declared)"
done
for lib in $(strings "$bin" | grep -E '^libX[A-Za-z0-9_-]*\.so\.[0-9]+$' | grep -v xcb | sort -u); do
	path=$(ldconfig -p | awk -v l="$lib" '$1==l && /x86-64/{print $NF; exit}')
	[[ -n $path ]] || fail "$lib (opened at run time) is not installed here, so its package cannot be checked"
	pkg=$(package_of "$path")
	declared "$pkg" || fail "$lib (package $pkg, opened at run time) is not in Depends"
	say "  dlopen $lib <- $pkg (declared)"
done

out=$("$bin" version)
echo "$out" >&2
grep -q "^stillpoint $VERSION " <<<"$out" || fail "the unpacked binary does not report $VERSION"
say "ok: the .deb unpacks, its binary's libraries are declared, and it runs"
