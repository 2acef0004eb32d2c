#!/usr/bin/env bash
# Runs every benchmark against the build in $1 (default: build). Each prints a
# human table and one JSON line per figure; this script collects the JSON lines
# into bench/out/results.jsonl as well. Benchmarks are not tests: they assert nothing.
set -euo pipefail
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
out="$here/out"
mkdir -p "$out"
: > "$out/results.jsonl"

run() {
  echo "== $*" >&2
  "$@" | tee -a "$out/raw.txt" | tee >(grep '^{' >> "$out/results.jsonl" || true)
}

[ -x "$build/bench/money/money_bench" ] && run "$build/bench/money/money_bench"
[ -x "$build/bench/pricing/pricing_bench" ] && run "$build/bench/pricing/pricing_bench"
[ -x "$build/bench/x12/x12_bench" ] && run "$build/bench/x12/x12_bench"
[ -x "$build/bench/catalog/catalog_bench" ] && run "$build/bench/catalog/catalog_bench"
[ -x "$build/bench/sales/sales_bench" ] && run "$build/bench/sales/sales_bench"
[ -x "$build/bench/edi/edi_bench" ] && run "$build/bench/edi/edi_bench"
[ -x "$here/catalog/import_db.sh" ] && run "$here/catalog/import_db.sh" "$build"
[ -x "$here/http/run.sh" ] && run "$here/http/run.sh" "$build"
[ -x "$here/http/price_change.sh" ] && run "$here/http/price_change.sh" "$build"
echo "figures: $out/results.jsonl" >&2
