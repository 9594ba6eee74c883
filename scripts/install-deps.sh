#!/usr/bin/env bash
# Installs every Debian 12 package letmepost needs to build, test and run its demo.
# Safe to run again: apt-get skips what is already there.
set -euo pipefail

packages=(
  # toolchain
  g++ cmake ninja-build pkg-config git clang-14 libclang-rt-14-dev clang-format-14
  # libraries
  libboost1.81-dev libboost-json1.81-dev libcurl4-openssl-dev libyaml-cpp-dev
  libspdlog-dev catch2 libsqlite3-dev libssl-dev libhowardhinnant-date-dev
  libavformat-dev libavcodec-dev libswscale-dev libavutil-dev
  # tools: test media generation, the demo, ABI checks, the API benchmark
  ffmpeg curl abigail-tools wrk
)

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
