#!/usr/bin/env bash
# `tidings analyze` throughput on the feedserver corpus (RSS dump, all
# outputs on), measured as a whole process.
#
#   bench/analyze.sh            # 400 feeds x 50 items = 20,000 articles
#   FEEDS=2000 bench/analyze.sh # 100,000
set -euo pipefail
cd "$(dirname "$0")/.."
FEEDS=${FEEDS:-400}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/tidings" ./cmd/tidings
(cd ../shared/bench/feedserver && go build -o "$work/feedserver" .)
"$work/feedserver" -dump "$work/corpus" -feeds "$FEEDS" -items 50 -formats rss >/dev/null 2>&1
python3 bench/feed2jsonl.py "$work/corpus" >"$work/in.jsonl"
n=$(wc -l <"$work/in.jsonl")
/usr/bin/time -f '%e %M' -o "$work/time" "$work/tidings" analyze --in "$work/in.jsonl" --out "$work/out.jsonl"
read -r secs rss <"$work/time"
python3 - "$n" "$secs" "$rss" "$work/out.jsonl" <<'PY'
import collections, json, sys
n, secs, rss, out = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rows = [json.loads(l) for l in open(out)]
stories = len({r["story"] for r in rows})
dups = sum(1 for r in rows if r["duplicate_of"])
print(f"analyze: {n} articles in {secs:.2f} s = {n/secs:.0f} articles/s, peak RSS {rss/1024:.0f} MiB, "
      f"{dups} duplicates, {stories} stories")
PY
