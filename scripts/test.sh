#!/usr/bin/env bash
# The whole test suite, as CI runs it: installs what is missing, checks formatting, then builds
# and tests twice: g++ (build/) and clang-14 with ASan+UBSan plus the fuzz smoke (build-asan/).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
bash scripts/check-format.sh

jobs=${LMP_JOBS:-$(nproc)}

echo "== g++ build"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j "$jobs"
ctest --test-dir build -j "$jobs" --output-on-failure

echo "== clang-14 ASan+UBSan build"
CC=clang-14 CXX=clang++-14 cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DLMP_SANITIZE=ON -DLMP_FUZZ=ON
cmake --build build-asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan -j "$jobs" --output-on-failure
