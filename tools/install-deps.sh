#!/usr/bin/env bash
# Installs the Debian 12 packages kb needs, only those missing. Idempotent; safe in CI.
# Usage: tools/install-deps.sh [--extras]   (runs apt-get as root, or through sudo when available)
#   --extras also installs what the fuzzers, the fixture generators and the indexing benchmark
#   need: clang (tools/run-fuzz.sh), python3-gi + gir1.2-gsf-1 + qpdf (tools/make-fixtures.py),
#   xapian-omega + xapian-tools + poppler-utils + unzip + bc (tools/bench-index.sh), python3
#   (tools/soak-corpora.sh).
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libxapian-dev libicu-dev libpugixml-dev libcli11-dev nlohmann-json3-dev
  libgtest-dev libgmock-dev
  libmd4c-dev libgumbo-dev libzip-dev zlib1g-dev libpoppler-dev libpoppler-private-dev libgsf-1-dev libjemalloc-dev
)
if [ "${1:-}" = "--extras" ]; then
  packages+=(clang libclang-rt-14-dev python3-gi gir1.2-gsf-1 qpdf xapian-omega xapian-tools poppler-utils unzip bc python3)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 2; }
  SUDO="sudo"
fi
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
