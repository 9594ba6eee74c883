#!/usr/bin/env bash
# The ABI freeze. Builds abi_types.c against INCLUDE_DIR's adapter.h with -g and compares it with
# abidiff against the committed baselines in ABI_DIR (adapter-v1.<minor>.abi):
#  - the baseline of the header's own minor must match exactly: any change to a type of the
#    header fails until it comes with a minor bump and a new baseline (update-baseline.sh);
#  - every older minor's baseline may differ only by members appended to the ends of
#    lmp_adapter_v1 and lmp_host_api (the append-only rule of docs/abi.md).
# Usage: check.sh CC INCLUDE_DIR ABI_DIR. Exit 0 when compatible, 1 with abidiff's report if not.
set -euo pipefail
cc=$1 include=$2 abi_dir=$3
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

minor=$(sed -n 's/^#define LMP_ABI_MINOR \([0-9][0-9]*\).*/\1/p' "$include/letmepost/adapter.h")
[ -n "$minor" ] || { echo "abi: no LMP_ABI_MINOR in $include/letmepost/adapter.h"; exit 1; }
"$cc" -g -O0 -shared -fPIC -fvisibility=hidden -I"$include" "$here/abi_types.c" -o "$work/abi.so"

current="$abi_dir/adapter-v1.$minor.abi"
if [ ! -f "$current" ]; then
  echo "abi: no baseline $current for ABI 1.$minor: run plugins/sdk/abi/update-baseline.sh"
  exit 1
fi
status=0
abidiff "$current" "$work/abi.so" >"$work/report" || status=$?
if [ "$status" -ne 0 ]; then
  echo "abi: adapter.h no longer matches the ABI 1.$minor baseline ($current):"
  cat "$work/report"
  echo "abi: a compatible change appends members and bumps LMP_ABI_MINOR (docs/abi.md)."
  exit 1
fi

# Older minors: what abidiff reports may only be the two tables growing at their ends.
for k in $(seq 0 $((minor - 1))); do
  old="$abi_dir/adapter-v1.$k.abi"
  [ -f "$old" ] || { echo "abi: the baseline $old of ABI 1.$k is missing"; exit 1; }
  status=0
  abidiff "$old" "$work/abi.so" >"$work/report" || status=$?
  [ "$status" -eq 0 ] && continue
  if [ $((status & ~4)) -ne 0 ] || ! awk -f "$here/append_only.awk" "$work/report"; then
    echo "abi: ABI 1.$minor breaks adapters and hosts built for ABI 1.$k ($old):"
    cat "$work/report"
    exit 1
  fi
done
echo "abi: adapter.h matches ABI 1.$minor and is compatible with every older 1.x"
