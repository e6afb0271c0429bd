#!/usr/bin/env bash
# package-linux.sh builds Stillpoint's Linux packages into bin/dist/:
#
#   Stillpoint-VERSION-linux-amd64.tar.xz   the Fyne desktop bundle (fyne package):
#                                           binary, .desktop file, icon and the
#                                           Makefile that installs them
#   stillpoint_VERSION_amd64.deb            the Debian package (nfpm)
#
# Both hold one binary built from a clean checkout of HEAD.
# The tools (fyne.io/tools v1.7.4, nfpm) are installed with go install when
# missing.
set -euo pipefail
# shellcheck source=release-common.sh
source "$(dirname "$0")/release-common.sh"

FYNE_TOOLS=fyne.io/tools/cmd/fyne@v1.7.4
NFPM=github.com/goreleaser/nfpm/v2/cmd/nfpm@v2.48.0

"$ROOT/scripts/deps.sh"
need_debs xz-utils git binutils
command -v fyne >/dev/null 2>&1 || { say "installing $FYNE_TOOLS"; "$GO" install "$FYNE_TOOLS"; }
command -v nfpm >/dev/null 2>&1 || { say "installing $NFPM"; "$GO" install "$NFPM"; }

prepare_src
BUILD=$ROOT/bin/build
mkdir -p "$DIST" "$BUILD"

say "building the Linux binary (version $VERSION)"
# Without -trimpath, so that Go's build cache from make build and make test
# serves this build too (-trimpath would recompile Fyne's and SQLite's C code:
# about 9 minutes here). The Windows build does use -trimpath.
(cd "$SRC" && GOFLAGS= "$GO" build -buildvcs="$BUILDVCS" -tags "x11 $TAGS" -ldflags "-s -w" \
	-o "$BUILD/stillpoint" ./cmd/stillpoint)
"$BUILD/stillpoint" version >&2

say "the desktop bundle (fyne package)"
bundle=$DIST/Stillpoint-$VERSION-linux-amd64.tar.xz
# fyne package reads FyneApp.toml where it runs and bumps its Build number:
# run it in the clean checkout and put the file back.
trap 'git -C "$SRC" checkout -q -- FyneApp.toml 2>/dev/null || true' EXIT
rm -f "$SRC/Stillpoint.tar.xz"
(cd "$SRC" && fyne package --os linux --release --exe "$BUILD/stillpoint" --name Stillpoint \
	--app-id io.github.stillpoint --app-version "$VERSION" --icon assets/icon.png)
mv "$SRC/Stillpoint.tar.xz" "$bundle"
if [[ -d $SRC/.git ]]; then git -C "$SRC" checkout -q -- FyneApp.toml; fi

say "the .deb (nfpm)"
stage=$BUILD/deb
rm -rf "$stage"
mkdir -p "$stage"
cp "$BUILD/stillpoint" "$stage/stillpoint"
cp "$SRC/packaging/linux/io.github.stillpoint.desktop" "$stage/"
cp "$SRC/assets/icon.png" "$stage/icon.png"
cp "$SRC/LICENSE" "$stage/copyright"
rm -f "$DIST/stillpoint_${VERSION}_amd64.deb"
(cd "$stage" && VERSION=$VERSION nfpm package --config "$SRC/packaging/nfpm.yaml" --packager deb --target "$DIST/")

ls -l "$bundle" "$DIST/stillpoint_${VERSION}_amd64.deb" >&2
