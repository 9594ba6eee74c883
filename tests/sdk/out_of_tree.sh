#!/usr/bin/env bash
# The SDK's promise to authors, end to end: install this build into a scratch prefix, build the
# example adapter as a project of its own with only find_package(letmepost-sdk), and publish one
# post through it with the INSTALLED host to a loopback endpoint.
# Usage: out_of_tree.sh BUILD_DIR SOURCE_DIR RECEIVER CXX_COMPILER CXX_FLAGS IMAGE
set -euo pipefail
build=$1 source=$2 receiver=$3 cxx=$4 cxxflags=$5 image=$6

work=$(mktemp -d)
receiver_pid=
cleanup() {
  if [ -n "$receiver_pid" ]; then kill "$receiver_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "out_of_tree: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$work/prefix" >"$work/install.log" || {
  cat "$work/install.log"; fail "cmake --install failed"; }
for f in bin/letmepost include/letmepost/adapter.h include/letmepost/adapter.hpp \
         lib/cmake/letmepost-sdk/letmepost-sdk-config.cmake \
         lib/cmake/letmepost-sdk/letmepost-sdk-config-version.cmake \
         lib/letmepost/plugins/letmepost-pinterest.so; do
  [ -e "$work/prefix/$f" ] || fail "the install has no $f"
done

# The example as an author has it: a copy, nothing of this tree on any path but the prefix.
cp -r "$source/plugins/sdk/example" "$work/example"
cmake -S "$work/example" -B "$work/example-build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_CXX_FLAGS="$cxxflags" \
  -DCMAKE_PREFIX_PATH="$work/prefix" >"$work/configure.log" 2>&1 || {
  cat "$work/configure.log"; fail "configuring the example against the installed SDK failed"; }
cmake --build "$work/example-build" >"$work/build.log" 2>&1 || {
  cat "$work/build.log"; fail "building the example out of tree failed"; }
adapter="$work/example-build/letmepost-example.so"
[ -f "$adapter" ] || fail "the example build made no $adapter"
# Its own ctest runs the installed checker on it.
ctest --test-dir "$work/example-build" --output-on-failure >"$work/ctest.log" 2>&1 || {
  cat "$work/ctest.log"; fail "the installed checker failed the out-of-tree example"; }
grep -q "1 tests passed\|100% tests passed" "$work/ctest.log" || {
  cat "$work/ctest.log"; fail "the example's build defined no conformance test"; }

"$receiver" >"$work/receiver.out" &
receiver_pid=$!
for _ in $(seq 500); do
  url=$(sed -n 's/^url //p' "$work/receiver.out")
  [ -n "$url" ] && break
  sleep 0.02
done
[ -n "$url" ] || fail "the receiver printed no URL"

cat >"$work/letmepost.yaml" <<YAML
state:
  path: $work/state.db
plugins:
  paths:
    - $adapter
publish:
  retries: 0
accounts:
  - id: acc_ex
    platform: example
    api_base_url: $url
    access_token: out-of-tree-token
YAML
cat >"$work/post.json" <<JSON
{"targets":[{"platform":"example","accountId":"acc_ex"}],"text":"Built out of tree",
 "media":[{"type":"image","path":"$image"}]}
JSON

# The installed host finds its installed Pinterest adapter with no config, and the example.
"$work/prefix/bin/letmepost" --config "$work/letmepost.yaml" plugins >"$work/plugins.out" \
  2>"$work/plugins.err" || { cat "$work/plugins.out" "$work/plugins.err"; fail "plugins failed"; }
for name in pinterest example; do
  grep -q "\"name\":\"$name\"" "$work/plugins.out" || {
    cat "$work/plugins.out"; fail "the installed host did not load $name"; }
done

status=0
"$work/prefix/bin/letmepost" --config "$work/letmepost.yaml" post "$work/post.json" \
  >"$work/post.out" 2>"$work/post.err" || status=$?
[ "$status" -eq 0 ] || { cat "$work/post.out" "$work/post.err"; fail "the installed host exited $status"; }
grep -q '"status":"published"' "$work/post.out" || { cat "$work/post.out"; fail "not published"; }

wait "$receiver_pid" || fail "the receiver got no request"
receiver_pid=
got=$(cat "$work/receiver.out")
expect() { grep -qx "$1" <<<"$got" || { echo "$got"; fail "the endpoint did not get: $1"; }; }
expect "authorization Bearer out-of-tree-token"
expect "multipart_error "
expect "part text  17"
expect "part image image/png $(stat -c %s "$image")"
echo "out_of_tree: the installed host published through the out-of-tree example adapter"
