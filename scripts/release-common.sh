# release-common.sh is sourced by the packaging scripts. It sets:
#
#   ROOT     the repository
#   VERSION  the release, from FyneApp.toml ([Details] Version)
#   DIST     where packages go: bin/dist
#   SRC      a clean checkout of HEAD to build from (bin/build/src), so that a
#            package holds exactly one commit and Go stamps that commit (and
#            its date) into the binary: `stillpoint version` and About show
#            them. Uncommitted changes are NOT packaged (a warning says so).
#            Outside a git checkout SRC is ROOT and the commit reads "unknown".
#   GO       the go command
#   TAGS     the build tags, without x11 (the Windows build has no X11)
#
# and defines say, need_debs (install missing Debian packages) and prepare_src.
# shellcheck shell=bash

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DIST=$ROOT/bin/dist
TAGS="sqlite_fts5 migrated_fynedo"
VERSION=$(awk -F'"' '/^\[/{s=$0} s=="[Details]" && /^[[:space:]]*Version[[:space:]]*=/{print $2; exit}' "$ROOT/FyneApp.toml")
if [[ -z $VERSION ]]; then
	echo "release: FyneApp.toml has no [Details] Version" >&2
	exit 1
fi
if command -v go >/dev/null 2>&1; then
	GO=go
else
	GO=/usr/local/go/bin/go
	export PATH=$PATH:/usr/local/go/bin
fi
GOBIN_DIR=$("$GO" env GOPATH)/bin
export PATH=$PATH:$GOBIN_DIR

say() { echo "${0##*/}: $*" >&2; }

# need_debs installs the Debian packages given that are missing.
need_debs() {
	local missing=() p
	for p in "$@"; do
		if [[ $(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true) != "install ok installed" ]]; then
			missing+=("$p")
		fi
	done
	[[ ${#missing[@]} -eq 0 ]] && return
	say "installing: ${missing[*]}"
	local sudo=()
	[[ $EUID -ne 0 ]] && sudo=(sudo)
	if ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then
		"${sudo[@]}" apt-get update -q
	fi
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" ||
		{ "${sudo[@]}" apt-get update -q && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
			apt-get install -y --no-install-recommends "${missing[@]}"; }
}

# prepare_src makes SRC a clean checkout of HEAD and sets BUILDVCS.
prepare_src() {
	if ! git -C "$ROOT" rev-parse --git-dir >/dev/null 2>&1; then
		SRC=$ROOT
		BUILDVCS=false
		say "not a git checkout: building in place, the commit will read unknown"
		return
	fi
	local sha
	sha=$(git -C "$ROOT" rev-parse HEAD)
	if [[ -n $(git -C "$ROOT" status --porcelain --untracked-files=no) ]]; then
		say "warning: uncommitted changes are not packaged; building commit ${sha:0:12}"
	fi
	SRC=$ROOT/bin/build/src
	if [[ $(git -C "$SRC" rev-parse HEAD 2>/dev/null) != "$sha" || -n $(git -C "$SRC" status --porcelain --untracked-files=no 2>/dev/null) ]]; then
		rm -rf "$SRC"
		mkdir -p "$(dirname "$SRC")"
		git clone -q --shared --no-checkout "$ROOT" "$SRC"
		git -C "$SRC" checkout -q --detach "$sha"
	fi
	# Generated resources (.syso) must not mark the build "modified".
	grep -qx '*.syso' "$SRC/.git/info/exclude" 2>/dev/null || echo '*.syso' >>"$SRC/.git/info/exclude"
	BUILDVCS=true
}
