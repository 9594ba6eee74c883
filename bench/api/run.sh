#!/bin/bash
# API: `POST /v1/posts` of scheduled posts (the enqueue path: parse, check, one SQLite insert in
# WAL mode with synchronous=NORMAL) under wrk on loopback, against `GET /healthz` on the same
# server (the ceiling: routing, the API key-less path, no storage). Target (issue 9): at least
# 30% of the ceiling's requests per second, p99 under 20 ms, on 2 cores.
#
# Usage: bench/api/run.sh [BUILD_DIR]   (default build)
# Env: WORK (default /tmp/lmp-api-bench), DURATION (wrk seconds, 10), CONNECTIONS (16).
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=${1:-build}
WORK=${WORK:-/tmp/lmp-api-bench}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-16}
. bench/lib.sh
command -v wrk >/dev/null || { echo "bench/api: wrk is missing (apt-get install wrk)" >&2; exit 1; }
rm -rf "$WORK" && mkdir -p "$WORK"

KEY=bench-api-key
cat >"$WORK/letmepost.yaml" <<YAML
state:
  path: $WORK/state.db
plugins:
  paths: [$(pwd)/$BUILD/lib/letmepost/plugins]
accounts:
  - {id: acc1, platform: pinterest, environment: sandbox, api_base_url: http://127.0.0.1:9/v5, access_token: bench-token}
api_keys:
  - {name: bench, key: $KEY, accounts: [acc1]}
YAML

"$BUILD/bin/letmepost" --config "$WORK/letmepost.yaml" --log-level warn serve --listen 127.0.0.1:0 \
  >"$WORK/serve.out" 2>"$WORK/serve.err" &
SERVE_PID=$!
trap 'kill $SERVE_PID 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q '^listening on ' "$WORK/serve.out" && break; sleep 0.05; done
URL=$(sed -n 's/^listening on //p' "$WORK/serve.out" | head -n1)
[ -n "$URL" ] || { echo "bench/api: serve did not start: $(cat "$WORK/serve.err")" >&2; exit 1; }

# A post a year ahead: stored as scheduled, never published during the run.
AT=$(date -u -d '+1 year' +%Y-%m-%dT%H:%M:%SZ)
cat >"$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer $KEY"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"targets":[{"platform":"pinterest","accountId":"acc1"}],"text":"Scheduled by wrk","media":[{"type":"image","url":"https://example.com/a.jpg"}],"options":{"boardId":"1234567890","destinationUrl":"https://example.com/"},"scheduledAt":"$AT"}'
LUA

# wrk_run OUT ARGS...: runs wrk with latency stats into OUT.
wrk_run() { local out=$1; shift; wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@" >"$out"; }
rps() { awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$1"; }
# p99 in ms, whatever unit wrk printed.
p99() {
  awk '$1 == "99%" { v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
    if (u == "us") v /= 1000; else if (u == "s") v *= 1000; printf "%.1f", v }' "$1"
}
non2xx() { awk '/Non-2xx/ {print $NF}' "$1"; }

wrk_run "$WORK/healthz.txt" "$URL/healthz"
wrk_run "$WORK/posts.txt" -s "$WORK/post.lua" "$URL/v1/posts"
bad=$(non2xx "$WORK/posts.txt")
[ -z "$bad" ] || { echo "bench/api: $bad POSTs were not 2xx: $(tail -3 "$WORK/serve.err")" >&2; exit 1; }
stored=$(curl -sf -H "Authorization: Bearer $KEY" "$URL/metrics" | awk '/lmp_posts\{status="scheduled"\}/ {print $2}')
rss_kb=$(awk '/VmHWM/ {print $2}' "/proc/$SERVE_PID/status")

echo "| API: \`POST /v1/posts\` scheduled, wrk -c$CONNECTIONS ${DURATION}s (vs \`GET /healthz\` on the same server) | $(rps "$WORK/posts.txt") req/s, p99 $(p99 "$WORK/posts.txt") ms (${stored:-?} stored) | $(rps "$WORK/healthz.txt") req/s, p99 $(p99 "$WORK/healthz.txt") ms | $(ratio "$(rps "$WORK/posts.txt")" "$(rps "$WORK/healthz.txt")") | $rss_kb KiB |"
