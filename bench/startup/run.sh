#!/bin/sh
# Start-up: `letmepost plugins` (host start, config read, every adapter loaded and described)
# against `true` (the cost of starting any process from this shell). Median of RUNS runs each.
#
# Usage: bench/startup/run.sh [BUILD_DIR]   (default build; letmepost and its plugins built there)
# Env: RUNS (default 21). Prints one Markdown table row set on stdout.
set -eu
cd "$(dirname "$0")/../.."
BUILD=${1:-build}
RUNS=${RUNS:-21}
. bench/lib.sh

CONFIG=$(mktemp --suffix=.yaml)
trap 'rm -f "$CONFIG"' EXIT
printf 'state:\n  path: %s.db\nplugins:\n  paths: [%s/lib/letmepost/plugins]\n' "$CONFIG" "$(pwd)/$BUILD" >"$CONFIG"

ours=$(median_ms "$BUILD/bin/letmepost" --config "$CONFIG" plugins)
base=$(median_ms true)
ours_kb=$(peak_kb "$BUILD/bin/letmepost" --config "$CONFIG" plugins)
echo "| start-up: \`letmepost plugins\` vs \`true\` | $ours ms | $base ms | $(ratio "$ours" "$base") | $ours_kb KiB |"
