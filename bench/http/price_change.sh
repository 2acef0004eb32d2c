#!/usr/bin/env bash
# bench/http/price_change.sh [BUILD_DIR]: how long 10,000 changed prices take to show in
# POST /api/v1/prices/resolve of a running `crossdock serve` (temporary SQLite database
# with the demo data), two ways:
#   - through the API: POST /api/v1/imports/prices (as admin) with a 10,000-row CSV, then
#     /prices/resolve until a 10-line cart's answer shows the new prices (the import
#     validates, writes one transaction and publishes the new snapshot before answering);
#   - through another process: `crossdock import prices FILE --db` on the same database
#     (as a second instance would write), then /prices/resolve until the server has seen
#     the stored pricing version move (polled every runtime.refresh_interval_ms, 500 ms by
#     default) and rebuilt its snapshot.
# The CSV changes every row of samples/prices.csv (+0.0100, then +0.0200) and adds tiers
# from 100,000 units up to 10,000 rows. Each figure is the time from the start of the
# import to the first /resolve answer that shows it, polled every ~5 ms.
#
# Prints a table, then JSON lines:
#   {"bench":"http","figure":"prices_10k_api_visible_ms","value":N,"unit":"ms"}
#   {"bench":"http","figure":"prices_10k_cli_visible_ms","value":N,"unit":"ms"}
set -euo pipefail

build=$(cd "${1:-build}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
samples="$here/../../samples"
command -v curl >/dev/null || { echo "bench/http: curl is missing: skipped" >&2; exit 0; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/crossdock-price-change-XXXXXX")
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && { kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; }
  rm -rf "$tmp"
}
trap cleanup EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# changed_prices DELTA: samples/prices.csv with DELTA added to every price, plus tiers to 10,000 rows.
changed_prices() {
  awk -F, -v OFS=, -v delta="$1" -v rows=10000 '
    NR == 1 { print; next }
    { n++; base[n] = $0; $6 = sprintf("%.4f", $6 + delta); print }
    END {
      for (k = 1; n + added < rows; k++) {
        for (i = 1; i <= n && n + added < rows; i++) {
          split(base[i], f, ",")
          if (f[5] != 1) continue
          printf "%s,%s,%s,%s,%d,%.4f,,\n", f[1], f[2], f[3], f[4], 100000 + 1000 * k, f[6] / (k + 1) + delta
          added++
        }
      }
    }' "$samples/prices.csv"
}

db="sqlite:$tmp/bench.db"
"$build/crossdock" init --db "$db" --demo 2>"$tmp/init.log"
"$build/crossdock" serve --db "$db" --port 0 2>"$tmp/serve.log" &
server_pid=$!
port=""
for _ in $(seq 1 300); do
  port=$(grep -o 'listening on [^"]*' "$tmp/serve.log" 2>/dev/null | head -n 1 | sed 's/.*://') || true
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "bench/http: server did not start" >&2; cat "$tmp/serve.log" >&2; exit 1; }
url="http://127.0.0.1:$port"

token_of() {
  curl -s -X POST "$url/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"crossdock-demo\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/'
}
admin=$(token_of admin@crossdock.local)
buyer=$(token_of buyer@acme.test)
cart='{"lines":[{"sku":"SCR-MS-M6X20-SS","quantity":12},{"sku":"NUT-HEX-M8-ZP","quantity":24},
{"sku":"BLT-HEX-M10X50-ZP","quantity":36},{"sku":"WSH-FLT-M8-ZP","quantity":48},
{"sku":"SCR-MS-M6X25-SS","quantity":60},{"sku":"SAF-GLV-NIT-L","quantity":72},
{"sku":"PKG-TAP-ACR-48-CLR","quantity":84},{"sku":"SCR-MS-M8X30-ZP","quantity":96},
{"sku":"SCR-MS-M3X6-SS","quantity":108},{"sku":"SCR-MS-M3X6-ZP","quantity":120}]}'
total() {
  curl -s -X POST "$url/api/v1/prices/resolve" -H 'Content-Type: application/json' \
    -H "Authorization: Bearer $buyer" -d "$cart" | grep -o '"total":"[^"]*"' | tail -n 1
}

# wait_changed OLD_TOTAL START_MS: milliseconds from START_MS until the cart's total differs.
wait_changed() {
  local deadline=$(( $(now_ms) + 30000 ))
  while [ "$(now_ms)" -lt "$deadline" ]; do
    if [ "$(total)" != "$1" ]; then echo $(( $(now_ms) - $2 )); return 0; fi
    sleep 0.005
  done
  echo -1
}

changed_prices 0.0100 > "$tmp/prices1.csv"
changed_prices 0.0200 > "$tmp/prices2.csv"
rows=$(( $(wc -l < "$tmp/prices1.csv") - 1 ))

before=$(total)
start=$(now_ms)
status=$(curl -s -o "$tmp/import.out" -w '%{http_code}' -X POST "$url/api/v1/imports/prices" \
  -H "Authorization: Bearer $admin" -H 'Content-Type: text/csv' --data-binary "@$tmp/prices1.csv")
answered=$(( $(now_ms) - start ))
[ "$status" = 200 ] || { echo "bench/http: price import answered $status: $(head -c 400 "$tmp/import.out")" >&2; exit 1; }
api_ms=$(wait_changed "$before" "$start")

before=$(total)
start=$(now_ms)
"$build/crossdock" import prices "$tmp/prices2.csv" --db "$db" 2>"$tmp/cli.log"
imported=$(( $(now_ms) - start ))
cli_ms=$(wait_changed "$before" "$start")

printf '\n%s changed prices visible in /prices/resolve (demo world, SQLite)\n' "$rows"
printf '%-44s %8s ms  (import answered after %s ms)\n' "POST /api/v1/imports/prices" "$api_ms" "$answered"
printf '%-44s %8s ms  (import exited after %s ms)\n\n' "crossdock import prices (another process)" "$cli_ms" "$imported"
printf '{"bench":"http","figure":"prices_10k_api_visible_ms","value":%s,"unit":"ms"}\n' "$api_ms"
printf '{"bench":"http","figure":"prices_10k_cli_visible_ms","value":%s,"unit":"ms"}\n' "$cli_ms"
