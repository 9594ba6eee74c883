#!/usr/bin/env bash
# Writes the baseline of the ABI minor adapter.h declares (adapter-v1.<minor>.abi). Run it only
# when bumping LMP_ABI_MINOR after appending members; never to silence check.sh for a minor
# that has shipped. Usage: update-baseline.sh [CC [INCLUDE_DIR OUT_DIR]] (defaults: gcc, this
# SDK's include folder, this folder).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cc=${1:-gcc}
include=$(cd "${2:-$here/../include}" && pwd)
out=${3:-$here}
minor=$(sed -n 's/^#define LMP_ABI_MINOR \([0-9][0-9]*\).*/\1/p' "$include/letmepost/adapter.h")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Source paths relative to the repository keep this machine's folders out of the file.
root=$(cd "$here/../../.." && pwd)
"$cc" -g -O0 -shared -fPIC -fvisibility=hidden -fdebug-prefix-map="$root"=. -I"$include" \
  "$here/abi_types.c" -o "$work/abi.so"
abidw --no-corpus-path --no-comp-dir-path "$work/abi.so" >"$out/adapter-v1.$minor.abi"
echo "wrote $out/adapter-v1.$minor.abi"
