#!/usr/bin/env bash
# deps.sh makes sure this machine has what Stillpoint's build needs: Go, and the C
# compiler and OpenGL/X11 headers that Fyne (cgo) and go-sqlite3 compile against.
#
# Usage: scripts/deps.sh [--tools]
#
#   --tools   also install the screenshot tools
#             (Debian/Ubuntu: xvfb xdotool x11-utils imagemagick). The PDF-checking
#             tools the tests use (poppler-utils, qpdf) are always installed.
#
# It runs before every make target, so it is quiet and fast when nothing is
# missing: it prints nothing and exits 0. It installs only what is missing.
set -euo pipefail

# Packages by platform. Keep in step with docs and the README.
# poppler-utils (pdftotext) and qpdf are in the build list because make test
# checks every PDF document with them (data/pdf). fonts-droid-fallback and
# fonts-nanum let `make run` draw the sample practice's Chinese, Japanese and
# Korean names (Fyne takes characters its font lacks from the system's fonts).
DEB_BUILD=(make gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev
	libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev poppler-utils qpdf
	fonts-droid-fallback fonts-nanum)
DEB_TOOLS=(xvfb xdotool x11-utils imagemagick)
RPM_BUILD=(make gcc libXcursor-devel libXrandr-devel mesa-libGL-devel libXi-devel
	libXinerama-devel libXxf86vm-devel poppler-utils qpdf)
RPM_TOOLS=(xorg-x11-server-Xvfb xdotool xorg-x11-utils ImageMagick)

tools=0
for arg in "$@"; do
	case $arg in
	--tools) tools=1 ;;
	-h | --help)
		sed -n '2,12s/^# \{0,1\}//p' "$0"
		exit 0
		;;
	*)
		echo "deps.sh: unknown option: $arg (try --help)" >&2
		exit 2
		;;
	esac
done

say() { echo "deps.sh: $*" >&2; }

# as_root runs a command as root: directly when we are root, else through sudo.
# Without sudo it prints the exact command to run and exits.
as_root() {
	if [[ $EUID -eq 0 ]]; then
		"$@"
	elif command -v sudo >/dev/null 2>&1; then
		sudo "$@"
	else
		say "not root and sudo is not installed; as root, run:"
		echo "    $*" >&2
		exit 1
	fi
}

check_go() {
	if command -v go >/dev/null 2>&1; then
		return
	fi
	if [[ -x /usr/local/go/bin/go ]]; then
		# make adds /usr/local/go/bin to PATH itself; this is only a hint for direct use.
		[[ -n ${MAKELEVEL:-} ]] || say "go is at /usr/local/go/bin but not on PATH: export PATH=\$PATH:/usr/local/go/bin"
		return
	fi
	say "Go is not installed (or not on PATH). Install Go $(go_wanted) or newer from"
	say "https://go.dev/dl/ (e.g. into /usr/local/go) and add its bin directory to PATH."
	exit 1
}

# go_wanted prints the Go version go.mod asks for.
go_wanted() {
	local mod
	mod="$(dirname "$0")/../go.mod"
	if [[ -r $mod ]]; then
		awk '$1 == "go" { print $2; exit }' "$mod"
	else
		echo "1.26"
	fi
}

debian() {
	local pkgs=("${DEB_BUILD[@]}") missing=() p
	if [[ $tools -eq 1 ]]; then
		pkgs+=("${DEB_TOOLS[@]}")
	fi
	for p in "${pkgs[@]}"; do
		if [[ $(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true) != "install ok installed" ]]; then
			missing+=("$p")
		fi
	done
	if [[ ${#missing[@]} -eq 0 ]]; then
		return
	fi

	local install=(env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}")
	if [[ $EUID -ne 0 ]] && ! command -v sudo >/dev/null 2>&1; then
		say "missing packages: ${missing[*]}"
		say "not root and sudo is not installed; as root, run:"
		echo "    apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
		exit 1
	fi
	say "installing missing packages: ${missing[*]}"
	# Fresh images (e.g. Docker's debian:12) ship without package lists.
	if ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then
		as_root apt-get update -q
	fi
	if ! as_root "${install[@]}"; then
		say "install failed; updating the package lists and trying again"
		as_root apt-get update -q
		as_root "${install[@]}"
	fi
}

fedora() {
	local pkgs=("${RPM_BUILD[@]}") missing=() p
	if [[ $tools -eq 1 ]]; then
		pkgs+=("${RPM_TOOLS[@]}")
	fi
	for p in "${pkgs[@]}"; do
		rpm -q --whatprovides "$p" >/dev/null 2>&1 || missing+=("$p")
	done
	if [[ ${#missing[@]} -eq 0 ]]; then
		return
	fi
	say "missing packages: ${missing[*]}; running:"
	echo "    sudo dnf install -y ${missing[*]}" >&2
	as_root dnf install -y "${missing[@]}"
}

macos() {
	if ! xcode-select -p >/dev/null 2>&1; then
		say "the Xcode command line tools (C compiler, OpenGL headers) are missing; run:"
		echo "    xcode-select --install" >&2
		exit 1
	fi
	if [[ $tools -eq 1 ]]; then
		say "--tools: the screenshot scripts need X11 (Xvfb, xdotool) and run on Linux only;"
		say "for PDF checks: brew install poppler qpdf imagemagick"
	fi
}

other() {
	# Unknown system: accept it when a C compiler and the headers are visible.
	local cc=${CC:-gcc}
	if command -v "$cc" >/dev/null 2>&1 &&
		pkg-config --exists gl x11 xcursor xrandr xinerama xi xxf86vm 2>/dev/null; then
		return
	fi
	case $(uname -s) in
	MINGW* | MSYS* | CYGWIN*)
		command -v "$cc" >/dev/null 2>&1 && return
		say "a C compiler is needed for cgo: install MSYS2's mingw-w64 gcc"
		say "(pacman -S mingw-w64-x86_64-gcc) and put it on PATH."
		;;
	*)
		say "unrecognised system. The build needs: a C compiler (gcc or clang), pkg-config,"
		say "and development headers for OpenGL, X11, Xcursor, Xrandr, Xinerama, Xi and Xxf86vm."
		say "See https://docs.fyne.io/started/ for your platform."
		;;
	esac
	exit 1
}

check_go

if [[ $(uname -s) == Darwin ]]; then
	macos
elif [[ -f /etc/debian_version ]] || command -v apt-get >/dev/null 2>&1; then
	debian
elif command -v dnf >/dev/null 2>&1; then
	fedora
else
	other
fi

# cgo silently turns itself off when no C compiler is found; go-sqlite3 then builds
# a stub that fails at run time. Catch that here rather than at the first query.
if command -v go >/dev/null 2>&1; then
	gocmd=go
else
	gocmd=/usr/local/go/bin/go
fi
if [[ $("$gocmd" env CGO_ENABLED 2>/dev/null) != 1 ]]; then
	say "cgo is disabled (go env CGO_ENABLED is not 1). Stillpoint needs cgo:"
	say "install a C compiler, unset CGO_ENABLED=0, or set CC to your compiler."
	exit 1
fi
