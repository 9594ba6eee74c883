#!/bin/bash
# Large uploads: a 100 MB, a 1 GB and a 2 GB file (sparse, made on the fly and deleted after)
# sent to the simulator's S3-style upload endpoint by the host's HTTP service (multipart, file
# streamed from disk) against `curl -F file=@FILE` to the same endpoint. Records the time and
# the peak RSS of each side: ours must stay flat whatever the size. Not part of CI.
#
# Usage: bench/upload/run.sh [BUILD_DIR]   (lmp_core and letmepost-pinterest-sim built there)
# Env: WORK (scratch, default /tmp/lmp-upload-bench), OUT (default bench/results-upload.md),
#      SIZES_MB (default "100 1024 2047": the simulator's policy allows at most 2 GiB).
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=${1:-build}
WORK=${WORK:-/tmp/lmp-upload-bench}
OUT=${OUT:-bench/results-upload.md}
SIZES_MB=${SIZES_MB:-100 1024 2047}
mkdir -p "$WORK"
. bench/lib.sh

[ -f "$BUILD/lib/liblmp_core.a" ] || { echo "build lmp_core in $BUILD first" >&2; exit 2; }
BENCH=$WORK/letmepost-upload-bench
g++ -std=c++20 -O2 -I. -DLMP_VERSION='"bench"' bench/upload/upload_bench.cpp -o "$BENCH" \
  "$BUILD/lib/liblmp_core.a" "$BUILD/lib/liblmp_sha256.a" -lcurl -lboost_json -lssl -lcrypto -lfmt -pthread

"$BUILD/bin/letmepost-pinterest-sim" --port 0 >"$WORK/sim.out" 2>"$WORK/sim.err" &
SIM_PID=$!
trap 'kill $SIM_PID 2>/dev/null; rm -f "$WORK/file.bin"' EXIT
for _ in $(seq 100); do grep -q '^listening on ' "$WORK/sim.out" && break; sleep 0.05; done
SIM=$(sed -n 's/^listening on //p' "$WORK/sim.out" | head -n1)

register() {
  curl -sf -H "Authorization: Bearer sim-access-token" -H 'Content-Type: application/json' \
    -d '{"media_type": "video"}' "$SIM/v5/media" >"$WORK/register.json"
}

rows=""
summary=""
for mb in $SIZES_MB; do
  # An MP4-looking head (ftyp box) then zeros: sparse, made instantly.
  printf '\000\000\000\030ftypmp42\000\000\000\000mp42isom' >"$WORK/file.bin"
  truncate -s "${mb}M" "$WORK/file.bin"
  # Whoever reads a new sparse file first pays the kernel for zero-filling its page cache (76%
  # of a cold 1 GiB upload's time in perf, all in memset under read()): read it once before
  # either side is timed, so both read from a warm cache.
  cat "$WORK/file.bin" >/dev/null
  register
  /usr/bin/time -f '%M' -o "$WORK/ours.rss" "$BENCH" "$WORK/register.json" "$WORK/file.bin" \
    >"$WORK/ours.out"
  read -r ours_status ours_ms <"$WORK/ours.out"
  register
  url=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["upload_url"])' "$WORK/register.json")
  fields=$(python3 -c 'import json,sys
for k, v in json.load(open(sys.argv[1]))["upload_parameters"].items(): print("-F\n%s=%s" % (k, v))' "$WORK/register.json")
  mapfile -t form <<<"$fields"
  t0=$(now_ms)
  curl_status=$(/usr/bin/time -f '%M' -o "$WORK/curl.rss" curl -s -o /dev/null -w '%{http_code}' \
    "${form[@]}" -F "file=@$WORK/file.bin" "$url")
  t1=$(now_ms)
  curl_ms=$((t1 - t0))
  ours_kb=$(tail -1 "$WORK/ours.rss"); curl_kb=$(tail -1 "$WORK/curl.rss")
  r=$(ratio "$ours_ms" "$curl_ms")
  rows="$rows| $mb MiB | $ours_status | $ours_ms | $((ours_kb / 1024)) | $curl_status | $curl_ms | $((curl_kb / 1024)) | **$r** |
"
  summary="$summary| upload of $mb MiB to the S3 form (vs \`curl -F\`) | $ours_ms ms | $curl_ms ms | $r | $((ours_kb / 1024)) MiB |
"
  rm -f "$WORK/file.bin"
done

{
  echo "# Large uploads: the host's HTTP service vs curl -F"
  echo
  echo "Made by \`bench/upload/run.sh\` on $(date -u +%Y-%m-%d): $(machine)."
  echo "Each file is sparse (an \`ftyp\` head, then zeros), sent to the simulator's"
  echo "\`/s3/pinterest-media-upload/\` on loopback after \`POST /v5/media\`; the simulator hashes and"
  echo "drops the bytes. Ours: \`letmepost-upload-bench\` (lmp::HttpClient, multipart with the file"
  echo "streamed from disk, every upload parameter echoed, file last); baseline: \`curl -F file=@FILE\`."
  echo "The file is read once before timing, so both sides read it from a warm page cache."
  echo "Times are one run each, in ms, wall clock (the simulator shares the machine); ratio = ours / curl."
  echo
  echo "| size | ours status | ours (ms) | ours peak RSS (MiB) | curl status | curl (ms) | curl peak RSS (MiB) | ratio |"
  echo "|---|---|---|---|---|---|---|---|"
  printf "%s" "$rows"
} >"$OUT"
printf "%s" "$summary"
echo "wrote $OUT" >&2
