#!/usr/bin/env bash
# bench/catalog/import_db.sh [BUILD_DIR] [SCALE]: `crossdock import catalog` of the
# catalog_bench dataset (1M SKUs at scale 1) into a fresh SQLite database, through
# the real binary: validation, one transaction, then the server's snapshot load
# (`crossdock serve` start-up until it listens). Prints a table and JSON lines:
#   {"bench":"catalog_db","figure":"import_rows_per_second","value":N,"unit":"rows/s"}
#   {"bench":"catalog_db","figure":"import_seconds","value":N,"unit":"s"}
#   {"bench":"catalog_db","figure":"serve_load_seconds","value":N,"unit":"s"}
#   {"bench":"catalog_db","figure":"database_bytes_per_sku","value":N,"unit":"B"}
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
scale=${2:-1}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/crossdock-import-bench-XXXXXX")
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT

"$build/bench/catalog/catalog_bench" --scale "$scale" --write-csv "$tmp"
rows=$(($(wc -l < "$tmp/catalog.csv") - 1))
db="sqlite:$tmp/bench.db"
"$build/crossdock" init --db "$db" 2>/dev/null
"$build/crossdock" import categories "$tmp/categories.csv" --db "$db" 2>/dev/null
start=$(date +%s.%N)
"$build/crossdock" import catalog "$tmp/catalog.csv" --db "$db" 2> "$tmp/import.log" || { cat "$tmp/import.log" >&2; exit 1; }
end=$(date +%s.%N)
import_s=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
rate=$(awk -v r="$rows" -v s="$import_s" 'BEGIN { printf "%.0f", r / s }')
db_bytes=$(stat -c %s "$tmp/bench.db")
per_sku=$(awk -v b="$db_bytes" -v r="$rows" 'BEGIN { printf "%.0f", b / r }')

start=$(date +%s.%N)
"$build/crossdock" serve --db "$db" --port 0 2> "$tmp/serve.log" &
pid=$!
until grep -q "listening on" "$tmp/serve.log" 2>/dev/null; do sleep 0.1; done
end=$(date +%s.%N)
load_s=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')

printf '\ncrossdock import catalog, %s rows, SQLite\n' "$rows"
printf '%-28s %12s\n' "import (one transaction)" "$import_s s"
printf '%-28s %12s\n' "rows/s" "$rate"
printf '%-28s %12s\n' "database bytes per SKU" "$per_sku"
printf '%-28s %12s\n\n' "serve: load until listening" "$load_s s"
figure() { printf '{"bench":"catalog_db","figure":"%s","value":%s,"unit":"%s"}\n' "$1" "$2" "$3"; }
figure import_rows_per_second "$rate" "rows/s"
figure import_seconds "$import_s" "s"
figure serve_load_seconds "$load_s" "s"
figure database_bytes_per_sku "$per_sku" "B"
