#!/usr/bin/env bash
# Ingestion benchmark on ../shared/bench/feedserver, measured as whole
# processes: import its OPML, refresh generation 1 (25,000 new items with the
# defaults), refresh again with nothing changed (all 304), then refresh
# generation 2 (10 new + 40 unchanged items per feed).
#
#   bench/ingest.sh                       # SQLite in a temp dir
#   DB=postgres://postgres@127.0.0.1:5432/bench?sslmode=disable bench/ingest.sh
#
# Environment: FEEDS (500), ITEMS (50), PORT (18081), DB (sqlite in a temp dir);
# TIDINGS_ANALYZE=false measures ingestion without story analysis.
# Prints one line per phase and a summary; writes nothing outside a temp dir.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
shared="$root/../shared"
FEEDS=${FEEDS:-500}
ITEMS=${ITEMS:-50}
PORT=${PORT:-18081}
work=$(mktemp -d)
trap 'kill $fs_pid 2>/dev/null || true; rm -rf "$work"' EXIT

go build -o "$work/tidings" ./cmd/tidings
(cd "$shared/bench/feedserver" && go build -o "$work/feedserver" .)
"$work/feedserver" -addr "127.0.0.1:$PORT" -feeds "$FEEDS" -items "$ITEMS" -gen 0 >"$work/feedserver.log" 2>&1 &
fs_pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/_admin/stats" >/dev/null && break; sleep 0.1; done

export TIDINGS_DATABASE_URL=${DB:-sqlite:$work/tidings.db}
export TIDINGS_ALLOW_PRIVATE_NETWORKS=true
if [[ $TIDINGS_DATABASE_URL == postgres* ]]; then
	dbname=$(basename "${TIDINGS_DATABASE_URL%%\?*}")
	psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $dbname WITH (FORCE)" -c "CREATE DATABASE $dbname"
fi
curl -sf "http://127.0.0.1:$PORT/feeds.opml" >"$work/feeds.opml"
"$work/tidings" import "$work/feeds.opml" >/dev/null

# phase NAME: runs `tidings refresh --wait` under /usr/bin/time, prints
# seconds, peak RSS and what the store gained.
phase() {
	local before after
	before=$("$work/tidings" stats --json)
	/usr/bin/time -f '%e %M' -o "$work/time" "$work/tidings" refresh --wait >"$work/refresh.out" 2>"$work/refresh.err"
	after=$("$work/tidings" stats --json)
	read -r secs rss_kb <"$work/time"
	python3 - "$1" "$secs" "$rss_kb" "$before" "$after" <<'PY'
import json, sys
name, secs, rss = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
b, a = json.loads(sys.argv[4]), json.loads(sys.argv[5])
new = a["articles"] - b["articles"]
print(f"{name:<12} {secs:7.2f} s  {new:6d} items stored  {new/secs if secs else 0:8.0f} items/s  "
      f"peak RSS {rss/1024:6.1f} MiB  duplicates {a['duplicates']}  errors {a['errors']}  stories {a.get('stories', 0)}")
PY
}

curl -sf "http://127.0.0.1:$PORT/_admin/gen?set=1" >/dev/null
phase "gen1 (new)"
phase "unchanged"
curl -sf "http://127.0.0.1:$PORT/_admin/gen?set=2" >/dev/null
phase "gen2"
echo "feedserver: $(curl -sf "http://127.0.0.1:$PORT/_admin/stats")"
echo "database: ${TIDINGS_DATABASE_URL%%\?*}  feeds: $FEEDS  items: $ITEMS  analysis: ${TIDINGS_ANALYZE:-true}  cores: $(nproc)"
