#!/usr/bin/env bash
# The README's first command: installs what is needed, builds, starts the bundled Pinterest
# simulator on 127.0.0.1, publishes an image pin (config/demo-post.json) and a video pin
# (config/demo-post-video.json, a 5-second clip made here with ffmpeg) with config/demo.yaml,
# prints each pin's URL (checked against the simulator), and stops the simulator.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)" --target letmepost letmepost-pinterest letmepost-pinterest-sim

demo="$root/.demo"
rm -rf "$demo"
mkdir -p "$demo"

build/bin/letmepost-pinterest-sim --port 0 --media-processing-ms 1000 >"$demo/sim.out" 2>"$demo/sim.log" &
sim_pid=$!
trap 'kill "$sim_pid" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  grep -q '^listening on ' "$demo/sim.out" 2>/dev/null && break
  sleep 0.1
done
LMP_SIM_URL=$(sed -n 's/^listening on //p' "$demo/sim.out" | head -n1)
[ -n "$LMP_SIM_URL" ] || { echo "demo: the simulator did not start" >&2; cat "$demo/sim.log" >&2; exit 1; }
echo "demo: Pinterest simulator at $LMP_SIM_URL"

# The simulator's demo user (config/simulator-fixtures.yaml); these mean nothing to Pinterest.
export LMP_SIM_URL LMP_DEMO_ACCESS_TOKEN=sim-access-token LMP_DEMO_REFRESH_TOKEN=sim-refresh-token
export LMP_DEMO_CLIENT_ID=sim-client-id LMP_DEMO_CLIENT_SECRET=sim-client-secret

publish() {  # publish POST_TEMPLATE: the post with the simulator's and the demo's paths filled in
  sed -e "s#\${LMP_SIM_URL}#$LMP_SIM_URL#g" -e "s#\${LMP_DEMO_DIR}#$demo#g" "$1" \
    >"$demo/$(basename "$1")"
  build/bin/letmepost --config config/demo.yaml post "$demo/$(basename "$1")" | tee "$demo/result.json"
  local url id
  url=$(grep -o '"url":"https://www.pinterest.com/pin/[0-9]*/"' "$demo/result.json" | head -n1 | cut -d'"' -f4)
  id=$(echo "$url" | tr -dc '0-9')
  [ -n "$id" ] || { echo "demo: no pin was published" >&2; exit 1; }
  curl -sf -H "Authorization: Bearer $LMP_DEMO_ACCESS_TOKEN" "$LMP_SIM_URL/v5/pins/$id" >/dev/null \
    || { echo "demo: the simulator does not know pin $id" >&2; exit 1; }
  echo "demo: published $url (confirmed by the simulator)"
}

publish config/demo-post.json

# A small 9:16 H.264 clip with sound; the host probes it, extracts its cover and uploads it.
ffmpeg -hide_banner -loglevel error -nostdin -y \
  -f lavfi -i "testsrc2=size=360x640:rate=25:duration=5" -f lavfi -i "sine=frequency=440:duration=5" \
  -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -b:a 48k -shortest "$demo/demo-video.mp4"
publish config/demo-post-video.json
