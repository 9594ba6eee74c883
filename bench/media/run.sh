#!/bin/sh
# Cover extraction speed: lmp::extract_cover against `ffmpeg -ss T -i FILE -frames:v 1 out.jpg`
# on a 10-minute 1080p H.264 clip, at 1 s, at 9 min (a key frame) and at 9 min 5 s (half a GOP
# past one: the most decoding a seek needs). Both are timed as whole processes
# (start-up included), median of RUNS runs; the ratio is what matters, not the absolute times.
#
# Usage: bench/media/run.sh [BUILD_DIR]   (default build-media; lmp_core must be built there)
# Env: RUNS (default 7), WORK (scratch folder, default /tmp/lmp-media-bench; the clip is kept
#      there between runs), OUT (default bench/results-media.md).
set -eu
cd "$(dirname "$0")/../.."
BUILD=${1:-build-media}
RUNS=${RUNS:-7}
WORK=${WORK:-/tmp/lmp-media-bench}
OUT=${OUT:-bench/results-media.md}
CLIP=$WORK/clip-10min-1080p.mp4
mkdir -p "$WORK"

[ -f "$BUILD/lib/liblmp_core.a" ] || { echo "build lmp_core in $BUILD first" >&2; exit 2; }
if [ ! -f "$CLIP" ]; then
  echo "generating $CLIP (10 min, 1920x1080, 25 fps, H.264, x264 default GOP of 250 frames)" >&2
  ffmpeg -hide_banner -loglevel error -nostdin -y \
    -f lavfi -i "testsrc2=size=1920x1080:rate=25:duration=600" \
    -c:v libx264 -preset ultrafast -pix_fmt yuv420p "$CLIP"
fi

BENCH=$WORK/letmepost-media-bench
# -O2 for the bench's own file; lmp_core is linked as built (its media code only drives libav*).
g++ -std=c++20 -O2 -I. bench/media/cover_bench.cpp -o "$BENCH" "$BUILD/lib/liblmp_core.a" "$BUILD/lib/liblmp_sha256.a" \
  $(pkg-config --libs libavformat libavcodec libswscale libavutil) -lboost_json -lfmt -lcrypto

. bench/lib.sh

rows=""
summary=""
for t in 1 540 545; do
  ours=$(median_ms "$BENCH" "$CLIP" $t "$WORK/ours.jpg")
  theirs=$(median_ms ffmpeg -nostdin -y -loglevel error -ss $t -i "$CLIP" -frames:v 1 "$WORK/ffmpeg.jpg")
  ours_kb=$(peak_kb "$BENCH" "$CLIP" $t "$WORK/ours.jpg")
  theirs_kb=$(peak_kb ffmpeg -nostdin -y -loglevel error -ss $t -i "$CLIP" -frames:v 1 "$WORK/ffmpeg.jpg")
  ratio=$(ratio "$ours" "$theirs")
  rows="$rows| $t s | $ours | $theirs | **$ratio** | $((ours_kb / 1024)) | $((theirs_kb / 1024)) |
"
  summary="$summary| cover frame at $t s of a 10-min 1080p clip (vs \`ffmpeg -ss\`) | $ours ms | $theirs ms | $ratio | $((ours_kb / 1024)) MiB |
"
done

{
  echo "# Cover extraction: lmp::extract_cover vs the ffmpeg command line"
  echo
  echo "Made by \`bench/media/run.sh\` on $(date -u +%Y-%m-%d): $(nproc) cores, $(ffmpeg -version | head -1 | cut -d' ' -f1-3)."
  echo "Clip: 10 min, 1920x1080, 25 fps, H.264 (x264 ultrafast, key frame every 10 s), $(($(stat -c %s "$CLIP") / 1048576)) MiB."
  echo "Each side is a whole process (start-up included): \`letmepost-media-bench CLIP T out.jpg\`"
  echo "against \`ffmpeg -ss T -i CLIP -frames:v 1 out.jpg\`; median of $RUNS runs; ratio = ours / ffmpeg"
  echo "(below 1: we are faster). Absolute times depend on the machine and its load (load average"
  echo "$(cut -d' ' -f1-3 /proc/loadavg) at the end of the run, on a machine shared with builds); compare the ratios."
  echo
  echo "| time | ours (ms) | ffmpeg (ms) | ratio | ours peak RSS (MiB) | ffmpeg peak RSS (MiB) |"
  echo "|---|---|---|---|---|---|"
  printf "%s" "$rows"
} > "$OUT"
# The rows bench/run.sh collects.
printf "%s" "$summary"
