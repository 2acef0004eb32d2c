#!/usr/bin/env bash
# bench/http/run.sh [BUILD_DIR]: GET /healthz and POST /api/v1/prices/resolve (a
# 10-line cart of the demo world) throughput of `crossdock serve` (on a temporary
# SQLite database with the demo data, default configuration: access log on stderr,
# here a file) against http_bench_bare, a bare Poco HTTPServer with the same thread
# settings (for the POST it reads the body and answers with crossdock's own answer to
# that cart, so both move the same bytes). Each is loaded with `wrk -t2 -c32 -d10s` after a 2 s warm-up, one after
# the other, on 127.0.0.1 (the client shares the machine: compare the ratio, not
# absolute figures across machines).
#
# Prints a table on stdout, then one JSON line per figure:
#   {"bench":"http","figure":"healthz_rps_crossdock","value":N,"unit":"req/s"}
#   {"bench":"http","figure":"healthz_rps_bare","value":N,"unit":"req/s"}
#   {"bench":"http","figure":"healthz_rps_ratio","value":R,"unit":"ratio"}      crossdock / bare
#   {"bench":"http","figure":"healthz_p99_ms_crossdock","value":N,"unit":"ms"}  (and _bare)
#
# Environment: HTTP_BENCH_DURATION (default 10s), HTTP_BENCH_THREADS (2),
# HTTP_BENCH_CONNECTIONS (32). Needs wrk (scripts/install-deps.sh bench); without
# it the script says so and exits 0, as benchmarks assert nothing.
set -euo pipefail

build=$(cd "${1:-build}" && pwd)
duration=${HTTP_BENCH_DURATION:-10s}
threads=${HTTP_BENCH_THREADS:-2}
connections=${HTTP_BENCH_CONNECTIONS:-32}

if ! command -v wrk >/dev/null 2>&1; then
  echo "bench/http: wrk is not installed (scripts/install-deps.sh bench): skipped" >&2
  exit 0
fi
for binary in "$build/crossdock" "$build/bench/http/http_bench_bare"; do
  [ -x "$binary" ] || { echo "bench/http: $binary is missing: build first" >&2; exit 1; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/crossdock-http-bench-XXXXXX")
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT

# wait_for_port LOGFILE: the port of the "listening on ...:PORT" line, once it appears.
wait_for_port() {
  local log=$1 port=""
  for _ in $(seq 1 300); do
    port=$(grep -o 'listening on [^"]*' "$log" 2>/dev/null | head -n 1 | sed 's/.*://') || true
    if [ -n "$port" ]; then echo "$port"; return 0; fi
    sleep 0.1
  done
  echo "bench/http: server did not start; its log:" >&2
  cat "$log" >&2
  return 1
}

# load PORT [PATH [LUA]]: runs wrk and prints "RPS P99_MS".
load() {
  local url="http://127.0.0.1:$1${2:-/healthz}" out script=()
  [ -n "${3:-}" ] && script=(-s "$3")
  wrk -t"$threads" -c"$connections" -d2s "${script[@]}" "$url" >/dev/null
  out=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency "${script[@]}" "$url")
  echo "$out" >> "$tmp/wrk.txt"
  local rps p99
  rps=$(echo "$out" | awk '/^Requests\/sec:/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  echo "$rps $(to_ms "$p99")"
}

# to_ms "1.23ms" | "850.00us" | "1.02s" -> milliseconds
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n = n / 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n = n * 1000
    printf "%.3f", n }'
}

db="sqlite:$tmp/bench.db"
"$build/crossdock" init --db "$db" --demo 2>"$tmp/init.log"
"$build/crossdock" serve --db "$db" --port 0 2>"$tmp/crossdock.log" &
pids+=($!)
crossdock_port=$(wait_for_port "$tmp/crossdock.log")
"$build/bench/http/http_bench_bare" --port 0 2>"$tmp/bare.log" &
pids+=($!)
bare_port=$(wait_for_port "$tmp/bare.log")

read -r crossdock_rps crossdock_p99 < <(load "$crossdock_port")
read -r bare_rps bare_p99 < <(load "$bare_port")
ratio=$(awk -v a="$crossdock_rps" -v b="$bare_rps" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }')

printf '\nGET /healthz, wrk -t%s -c%s -d%s, 127.0.0.1\n' "$threads" "$connections" "$duration"
printf '%-12s %14s %10s\n' server "req/s" "p99 ms"
printf '%-12s %14s %10s\n' crossdock "$crossdock_rps" "$crossdock_p99"
printf '%-12s %14s %10s\n' bare-poco "$bare_rps" "$bare_p99"
printf '%-12s %14s\n\n' ratio "$ratio"

figure() { printf '{"bench":"http","figure":"%s","value":%s,"unit":"%s"}\n' "$1" "$2" "$3"; }
figure healthz_rps_crossdock "$crossdock_rps" "req/s"
figure healthz_rps_bare "$bare_rps" "req/s"
figure healthz_rps_ratio "$ratio" "ratio"
figure healthz_p99_ms_crossdock "$crossdock_p99" "ms"
figure healthz_p99_ms_bare "$bare_p99" "ms"

# POST /api/v1/prices/resolve with a 10-line cart as buyer@acme.test (the demo world),
# against the bare server reading the same POST body.
token=$(curl -s -X POST "http://127.0.0.1:$crossdock_port/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"email":"buyer@acme.test","password":"crossdock-demo"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
skus=(SCR-MS-M6X20-SS NUT-HEX-M8-ZP BLT-HEX-M10X50-ZP WSH-FLT-M8-ZP SCR-MS-M6X25-SS SAF-GLV-NIT-L
      PKG-TAP-ACR-48-CLR SCR-MS-M8X30-ZP SCR-MS-M3X6-SS SCR-MS-M3X6-ZP)
lines=""
for i in "${!skus[@]}"; do
  lines+="${lines:+,}{\"sku\":\"${skus[$i]}\",\"quantity\":$(( (i + 1) * 12 ))}"
done
echo "{\"at\":\"2026-12-13\",\"lines\":[$lines]}" > "$tmp/cart.json"
cat > "$tmp/resolve.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $token"
local file = io.open("$tmp/cart.json")
wrk.body = file:read("*a")
file:close()
LUA
check=$(curl -s -o "$tmp/resolve.out" -w '%{http_code}' -X POST "http://127.0.0.1:$crossdock_port/api/v1/prices/resolve" \
  -H 'Content-Type: application/json' -H "Authorization: Bearer $token" --data-binary "@$tmp/cart.json")
[ "$check" = 200 ] || { echo "bench/http: /prices/resolve answered $check: $(cat "$tmp/resolve.out")" >&2; exit 1; }

# The baseline answers with crossdock's own answer: the same bytes on the wire, no work.
"$build/bench/http/http_bench_bare" --port 0 --post-response "$tmp/resolve.out" 2>"$tmp/bare2.log" &
pids+=($!)
bare2_port=$(wait_for_port "$tmp/bare2.log")
read -r resolve_rps resolve_p99 < <(load "$crossdock_port" /api/v1/prices/resolve "$tmp/resolve.lua")
read -r bare_post_rps bare_post_p99 < <(load "$bare2_port" /api/v1/prices/resolve "$tmp/resolve.lua")
resolve_ratio=$(awk -v a="$resolve_rps" -v b="$bare_post_rps" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }')

printf 'POST /api/v1/prices/resolve (10-line cart), wrk -t%s -c%s -d%s\n' "$threads" "$connections" "$duration"
printf '%-12s %14s %10s\n' server "req/s" "p99 ms"
printf '%-12s %14s %10s\n' crossdock "$resolve_rps" "$resolve_p99"
printf '%-12s %14s %10s\n' bare-poco "$bare_post_rps" "$bare_post_p99"
printf '%-12s %14s\n\n' ratio "$resolve_ratio"
figure resolve10_rps_crossdock "$resolve_rps" "req/s"
figure resolve10_rps_bare "$bare_post_rps" "req/s"
figure resolve10_rps_ratio "$resolve_ratio" "ratio"
figure resolve10_p99_ms_crossdock "$resolve_p99" "ms"
