#!/bin/bash
# Batch publish: 1,000 image pins across 20 accounts (50 each) against the simulator on loopback.
# Baseline: the calls a direct integration minimally makes, as a sequential curl script (one
# GET /v5/boards per account, then one POST /v5/pins per pin). letmepost: 50 posts of 20 targets
# (one per account), board named "bench" resolved through the board cache, media URL and
# destination checked in preflight; published two ways: by `letmepost serve` (started inside the
# timing, the posts sent one after the other with curl) and by one `letmepost post` run per post
# (where each run's process start-up counts).
#
# Usage: bench/batch/run.sh [BUILD_DIR]   (default build)
# Env: WORK (scratch, default /tmp/lmp-batch-bench), ACCOUNTS (20), POSTS (50).
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=${1:-build}
WORK=${WORK:-/tmp/lmp-batch-bench}
ACCOUNTS=${ACCOUNTS:-20}
POSTS=${POSTS:-50}
. bench/lib.sh
rm -rf "$WORK" && mkdir -p "$WORK/posts"

# Fixtures: one user per account, each with a board named "bench"; budgets large enough that
# neither side is throttled (pacing is measured elsewhere).
{
  echo "consent_user: bench-1"
  echo "apps: [{client_id: bench-app, client_secret: bench-secret, redirect_uris: []}]"
  echo "users:"
  for i in $(seq "$ACCOUNTS"); do
    cat <<USER
  - id: "$((2000000000000000000 + i))"
    username: bench-$i
    access: standard
    tokens: [{access_token: bench-token-$i, refresh_token: bench-refresh-$i}]
    boards: [{id: "$((3000000000 + i))", name: bench}]
    rate_limits: {org_read: 100000, org_write: 100000}
USER
  done
} >"$WORK/fixtures.yaml"

"$BUILD/bin/letmepost-pinterest-sim" --port 0 --fixtures "$WORK/fixtures.yaml" >"$WORK/sim.out" 2>"$WORK/sim.err" &
SIM_PID=$!
trap 'kill $SIM_PID 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q '^listening on ' "$WORK/sim.out" && break; sleep 0.05; done
SIM=$(sed -n 's/^listening on //p' "$WORK/sim.out" | head -n1)

{
  printf 'state:\n  path: %s/state.db\nnetwork:\n  allow_private_addresses: true\n' "$WORK"
  printf 'plugins:\n  paths: [%s/lib/letmepost/plugins]\naccounts:\n' "$(pwd)/$BUILD"
  for i in $(seq "$ACCOUNTS"); do
    printf '  - {id: acc%d, platform: pinterest, environment: sandbox, api_base_url: %s/v5,' "$i" "$SIM"
    printf ' access_token: bench-token-%d, refresh_token: bench-refresh-%d}\n' "$i" "$i"
  done
  printf 'api_keys:\n  - {name: bench, key: bench-api-key, accounts: [%s]}\n' \
    "$(seq -s, -f 'acc%g' "$ACCOUNTS")"
} >"$WORK/letmepost.yaml"
targets=$(for i in $(seq "$ACCOUNTS"); do printf '{"platform":"pinterest","accountId":"acc%d"},' "$i"; done)
for p in $(seq "$POSTS"); do
  printf '{"targets":[%s],"text":"Batch pin %d","media":[{"type":"image","url":"%s/media/demo.jpg"}],"options":{"boardName":"bench","destinationUrl":"%s/dest/ok"}}\n' \
    "${targets%,}" "$p" "$SIM" "$SIM" >"$WORK/posts/$p.json"
done

baseline() {
  for i in $(seq "$ACCOUNTS"); do
    curl -sf -H "Authorization: Bearer bench-token-$i" "$SIM/v5/boards?page_size=250" >/dev/null
  done
  for p in $(seq "$POSTS"); do
    for i in $(seq "$ACCOUNTS"); do
      curl -sf -H "Authorization: Bearer bench-token-$i" -H 'Content-Type: application/json' \
        -d "{\"board_id\":\"$((3000000000 + i))\",\"description\":\"Batch pin $p\",\"link\":\"$SIM/dest/ok\",\"media_source\":{\"source_type\":\"image_url\",\"url\":\"$SIM/media/demo.jpg\"}}" \
        "$SIM/v5/pins" >/dev/null
    done
  done
}
ours() {
  for p in $(seq "$POSTS"); do
    "$BUILD/bin/letmepost" --config "$WORK/letmepost.yaml" post "$WORK/posts/$p.json" >"$WORK/last.json" 2>>"$WORK/letmepost.err" \
      || { echo "post $p failed: $(cat "$WORK/last.json")" >&2; exit 1; }
  done
}
ours_serve() {
  "$BUILD/bin/letmepost" --config "$WORK/letmepost.yaml" serve --listen 127.0.0.1:0 \
    >"$WORK/serve.out" 2>>"$WORK/letmepost.err" &
  local pid=$! url=""
  for _ in $(seq 200); do grep -q '^listening on ' "$WORK/serve.out" && break; sleep 0.01; done
  url=$(sed -n 's/^listening on //p' "$WORK/serve.out" | head -n1)
  for p in $(seq "$POSTS"); do
    curl -sf -H 'Authorization: Bearer bench-api-key' -H 'Content-Type: application/json' \
      --data-binary "@$WORK/posts/$p.json" "$url/v1/posts" >"$WORK/last.json" \
      || { echo "post $p failed: $(cat "$WORK/last.json")" >&2; kill "$pid"; exit 1; }
  done
  kill "$pid"; wait "$pid" || true
}
# count PATTERN: how many times the simulator's request log has PATTERN.
count() { curl -sf "$SIM/_sim/log" | { grep -o "$1" || true; } | wc -l; }
pins() { count '"method":"POST","path":"/v5/pins"'; }

t0=$(now_ms); baseline; t1=$(now_ms)
base_ms=$((t1 - t0)); base_pins=$(pins)
# measure NAME FN: runs FN against a fresh simulator log and prints its table row.
measure() {
  curl -sf -X DELETE "$SIM/_sim/log" >/dev/null
  local t0 t1 ms
  t0=$(now_ms); "$2"; t1=$(now_ms); ms=$((t1 - t0))
  echo "| batch: $((POSTS * ACCOUNTS)) image pins, $ACCOUNTS accounts ($1 vs sequential curl) | $ms ms ($(pins) pins, $(count '"status":429') x 429) | $base_ms ms ($base_pins pins) | $(ratio "$ms" "$base_ms") | |"
}
measure "\`letmepost serve\`, $POSTS \`POST /v1/posts\`" ours_serve
measure "\`letmepost post\` x$POSTS" ours
