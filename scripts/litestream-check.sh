#!/usr/bin/env bash
# litestream-check.sh: check the Litestream recipe of docs/backup.md against
# the real tool. It installs Litestream when missing (Go module, pinned), makes
# a sample practice, replicates it to a folder while `stillpoint` writes to it
# (backup commands, each of which records its outcome in the practice file),
# stops, restores the replica to a new file, runs `stillpoint check` on it and
# checks that the last write made it across. Not part of make test.
set -euo pipefail
cd "$(dirname "$0")/.."

LITESTREAM_VERSION=${LITESTREAM_VERSION:-v0.5.18}
WRITES=${WRITES:-20}
TAGS="x11 sqlite_fts5 migrated_fynedo"
export PATH="/usr/local/go/bin:$(go env GOPATH 2>/dev/null || echo "$HOME/go")/bin:$PATH"

if ! command -v litestream >/dev/null 2>&1; then
	echo "litestream-check: installing litestream $LITESTREAM_VERSION (go install; about a minute)"
	GOFLAGS= go install "github.com/benbjohnson/litestream/cmd/litestream@$LITESTREAM_VERSION"
fi
echo "litestream-check: $(litestream version)"

go build -tags "$TAGS" -o bin/stillpoint ./cmd/stillpoint
sp=$PWD/bin/stillpoint
work=$(mktemp -d)
ls_pid=
cleanup() {
	if [ -n "$ls_pid" ]; then kill "$ls_pid" 2>/dev/null || true; wait "$ls_pid" 2>/dev/null || true; fi
	rm -rf "$work"
}
trap cleanup EXIT

db=$work/practice.db
"$sp" --db "$db" demo --years 2 >/dev/null
litestream replicate "$db" "file://$work/replica" >"$work/litestream.log" 2>&1 &
ls_pid=$!
sleep 2

start=$(date +%s)
for i in $(seq 1 "$WRITES"); do
	"$sp" --db "$db" backup "$work/backups" >/dev/null
done
want=$(python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute("select value from meta where key=?",("backup.last_ok_path",)).fetchone()[0])' "$db")
echo "litestream-check: $WRITES writes by stillpoint in $(( $(date +%s) - start )) s while replicating"
sleep 3 # Litestream syncs every second by default
kill "$ls_pid"
wait "$ls_pid" 2>/dev/null || true
ls_pid=

litestream restore -o "$work/restored.db" "file://$work/replica"
"$sp" --db "$work/restored.db" check
got=$(python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute("select value from meta where key=?",("backup.last_ok_path",)).fetchone()[0])' "$work/restored.db")
if [ "$got" != "$want" ]; then
	echo "litestream-check: FAILED: the restored copy misses the last write ($got, want $want)" >&2
	exit 1
fi
echo "litestream-check: passed: the restored replica checks ok and holds the last write"
