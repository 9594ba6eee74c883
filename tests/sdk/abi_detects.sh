#!/usr/bin/env bash
# Proves the ABI freeze bites: plugins/sdk/abi/check.sh must pass the real header, pass a header
# that appends members and bumps the minor (with that minor's new baseline), and fail each
# incompatible edit (reorder, retype, inserted member, changed constant), bumped or not.
# Usage: abi_detects.sh SOURCE_DIR CC
set -euo pipefail
source_dir=$1 cc=$2
abi="$source_dir/plugins/sdk/abi"
header="$source_dir/plugins/sdk/include/letmepost/adapter.h"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "abi_detects: $*" >&2; exit 1; }

# variant NAME BUMP SED...: a copy of adapter.h edited by SED (and its minor bumped to 1 with a
# fresh 1.1 baseline when BUMP is 1), checked against the committed baselines. Prints the status.
variant() {
  local name=$1 bump=$2; shift 2
  mkdir -p "$work/$name/include/letmepost" "$work/$name/abi"
  sed "$@" "$header" >"$work/$name/include/letmepost/adapter.h"
  cp "$abi"/adapter-v1.*.abi "$work/$name/abi/"
  if [ "$bump" = 1 ]; then
    sed -i 's/^#define LMP_ABI_MINOR 0$/#define LMP_ABI_MINOR 1/' \
      "$work/$name/include/letmepost/adapter.h"
    "$abi/update-baseline.sh" "$cc" "$work/$name/include" "$work/$name/abi" >/dev/null
  fi
  local status=0
  "$abi/check.sh" "$cc" "$work/$name/include" "$work/$name/abi" >"$work/$name.log" 2>&1 || status=$?
  echo "$status"
}
expect() {  # expect NAME WANTED BUMP SED...
  local name=$1 wanted=$2; shift 2
  local got
  got=$(variant "$name" "$@")
  if [ "$wanted" = pass ] && [ "$got" -ne 0 ]; then cat "$work/$name.log"; fail "$name should pass"; fi
  if [ "$wanted" = fail ] && [ "$got" -eq 0 ]; then cat "$work/$name.log"; fail "$name should fail"; fi
  echo "abi_detects: $name: ${wanted}ed as it should"
}

append='s/^  lmp_operation_fn refresh_credentials;$/&\n  lmp_operation_fn added_op;/;s/^  int (\*cache_remove)(lmp_call \*call, const char \*key, size_t key_len);$/&\n  int (*added_service)(lmp_call *call);/'
swap='s/^  lmp_operation_fn upload_media;$//;s/^  lmp_operation_fn map_error;$/&\n  lmp_operation_fn upload_media;/'
retype='s/uint64_t done, uint64_t total/uint32_t done, uint64_t total/'
insert='s/^  lmp_operation_fn publish;$/  lmp_operation_fn inserted;\n&/'
constant='s/^#define LMP_CANCELLED 2$/#define LMP_CANCELLED 3/'

expect unchanged pass 0 -e ''
grep -q added_op <(sed "$append" "$header") || fail "the append edit no longer applies"
expect append-bumped pass 1 -e "$append"
expect append-unbumped fail 0 -e "$append"
expect swap fail 0 -e "$swap"
expect swap-bumped fail 1 -e "$swap"
expect retype-bumped fail 1 -e "$retype"
expect insert-bumped fail 1 -e "$insert"
expect constant fail 0 -e "$constant"
