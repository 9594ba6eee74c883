#!/bin/bash
# Every benchmark, one after the other, into bench/results.md: each figure beside its baseline,
# measured in the same run on the same machine (the ratio is the result; absolute times depend
# on the machine). Not part of CI. Needs a build (default build/, as scripts/test.sh makes).
#
# Usage: bench/run.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
OUT=bench/results.md
. bench/lib.sh

rows=$(mktemp)
trap 'rm -f "$rows"' EXIT
# Each bench prints its table rows on stdout; one that fails is named in the table.
run() {
  local name=$1; shift
  echo "== $name" >&2
  "$@" >>"$rows" || echo "| $name | failed (see the console) | | | |" >>"$rows"
}
run "batch publish" bash bench/batch/run.sh "$BUILD"
run "start-up" sh bench/startup/run.sh "$BUILD"
[ -x bench/upload/run.sh ] && run "video upload" bash bench/upload/run.sh "$BUILD"
[ -x bench/api/run.sh ] && run "API" bash bench/api/run.sh "$BUILD"
run "cover frame" sh bench/media/run.sh "$BUILD"

{
  echo "# letmepost benchmarks"
  echo
  echo "Made by \`bench/run.sh\` on $(date -u +%Y-%m-%d): $(machine)."
  echo "Ratio = letmepost / baseline (below 1: letmepost is faster or lighter)."
  echo
  echo "| benchmark | letmepost | baseline | ratio | letmepost peak RSS |"
  echo "|---|---|---|---|---|"
  cat "$rows"
  echo
  echo "Details and profiles: \`bench/results-*.md\`."
} >"$OUT"
echo "wrote $OUT" >&2
