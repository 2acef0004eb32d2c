#!/usr/bin/env bash
# Installs the Debian 12 packages Crossdock needs, only those that are missing.
# Usage: scripts/install-deps.sh [build|test|bench]   (default: build)
# Runs apt-get as root, or through sudo when not root.
set -euo pipefail

profile=${1:-build}
packages=(build-essential cmake pkg-config ccache
          libpoco-dev libxerces-c-dev libssl-dev libsqlite3-dev libpq-dev
          libboost-test-dev)
case "$profile" in
  build) ;;
  test)  packages+=(postgresql-15 openssl)
         # portal e2e tests (tests/e2e): the browser, and node + npm for playwright-core
         # (npm only when missing: NodeSource's nodejs ships its own and conflicts with Debian's)
         packages+=(chromium nodejs sqlite3)
         packages+=(clang)  # tests/fuzz: libFuzzer (make fuzz, the x12_fuzz_short test)
         command -v npm >/dev/null || packages+=(npm) ;;
  bench) packages+=(postgresql-15 openssl wrk) ;;
  *) echo "install-deps: unknown profile '$profile' (build|test|bench)" >&2; exit 2 ;;
esac

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
