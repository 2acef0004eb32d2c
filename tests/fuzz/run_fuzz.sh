#!/usr/bin/env bash
# Builds the libFuzzer target x12_fuzz with clang in <repo>/build-fuzz (libraries
# instrumented with -fsanitize=fuzzer-no-link,address) and runs it for SECONDS
# (default: $FUZZ_SECONDS or 60) over a seed corpus from tests/data/x12 and
# ../shared/corpus/x12. New inputs go to build-fuzz/corpus (kept between runs), a
# crash to build-fuzz/crash-* : add it to tests/fuzz/regressions/ with the fix.
# Exit 77 (skipped) when clang++ is not installed.
# usage: tests/fuzz/run_fuzz.sh [REPO] [SECONDS]
set -euo pipefail

repo=$(cd "${1:-$(dirname "$0")/../..}" && pwd)
seconds=${2:-${FUZZ_SECONDS:-60}}
build="$repo/build-fuzz"

if ! command -v clang++ >/dev/null; then
  echo "clang++ not found: fuzzing skipped (apt-get install clang)"
  exit 77
fi

if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ -DCROSSDOCK_FUZZ=ON \
    -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address -fno-omit-frame-pointer" >/dev/null
fi
if ! nice cmake --build "$build" -j "${JOBS:-2}" --target x12_fuzz >"$build/fuzz-build.log" 2>&1; then
  grep -E "error|Error" -A3 "$build/fuzz-build.log" | head -40
  echo "run_fuzz: building x12_fuzz with clang failed (full log: $build/fuzz-build.log)" >&2
  exit 1
fi

seeds="$build/seeds"
mkdir -p "$seeds" "$build/corpus"
find "$repo/tests/data/x12" "$repo/tests/fuzz/regressions" -type f -name '*.edi' -exec cp -f {} "$seeds/" \;
corpus_dir="$repo/../shared/corpus/x12"
if [ -d "$corpus_dir" ]; then
  find "$corpus_dir" -type f -name '*.edi' | while read -r f; do
    cp -f "$f" "$seeds/$(echo "$f" | md5sum | cut -c1-12).edi"
  done
fi

cd "$build"
ASAN_OPTIONS=detect_leaks=1 ./tests/fuzz/x12_fuzz -max_total_time="$seconds" -max_len=65536 \
  -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 corpus "$seeds"
