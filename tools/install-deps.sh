#!/usr/bin/env bash
# Installs the Debian 12 packages kb needs, only those missing. Idempotent; safe in CI.
# Usage: tools/install-deps.sh [--extras]   (runs apt-get as root, or through sudo when available)
# Every package kb needs is named here: nothing may be assumed present on a fresh machine, and
# apt-get runs with --no-install-recommends, so a package that is only a recommendation of
# another (poppler-data is one of libpoppler's) must be listed itself.
set -euo pipefail

# To build: compiler, CMake, Ninja, pkg-config.
build=(build-essential cmake ninja-build pkg-config)
# Libraries kb links: search engine, Unicode, XML, CLI, JSON, Markdown, HTML, zip, zlib, PDF
# (poppler's core API needs libpoppler-private-dev), HWP 5 (OLE2 via libgsf), allocator.
libraries=(
  libxapian-dev libicu-dev libpugixml-dev libcli11-dev nlohmann-json3-dev
  libmd4c-dev libgumbo-dev libzip-dev zlib1g-dev libpoppler-dev libpoppler-private-dev libgsf-1-dev libjemalloc-dev
)
# Data kb reads at run time: poppler-data holds the CMaps of CID fonts (Adobe-Korea1, -Japan1,
# -GB1, -CNS1). Without it most Korean PDFs have no readable text layer.
runtime=(poppler-data)
# Tests: GoogleTest and GoogleMock; xapian-tools for xapian-tcpsrv, the server of remote shards
# (the remote-shard tests start it on loopback ports; users run it to serve shards).
tests=(libgtest-dev libgmock-dev xapian-tools)
packages=("${build[@]}" "${libraries[@]}" "${runtime[@]}" "${tests[@]}")
# --extras: what only the fuzzers (clang, tools/run-fuzz.sh), the fixture generators
# (python3-gi + gir1.2-gsf-1 + qpdf, tools/make-fixtures.py), the indexing benchmark
# (xapian-omega + poppler-utils + unzip + bc, tools/bench-index.sh) and the soak
# tool (python3, tools/soak-corpora.sh) need.
if [ "${1:-}" = "--extras" ]; then
  packages+=(clang libclang-rt-14-dev python3 python3-gi gir1.2-gsf-1 qpdf xapian-omega poppler-utils unzip bc)
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
