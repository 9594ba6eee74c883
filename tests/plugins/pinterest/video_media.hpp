// Video items for Pinterest adapter tests, described the way the host's media preparation does:
// the build's test clips probed with FFmpeg, hashed, with a cover file.
#pragma once

#include <boost/json.hpp>
#include <string>

namespace pintest {

// LMP_TEST_DATA_DIR/media/name.
std::string test_media(const std::string &name);

// The prepared item of a video file at path: probe facts, sha256 and, unless cover is null,
// that cover ({"path": ...} or {"url": ...}; default: the test JPEG).
boost::json::object video_item(const std::string &path,
                               boost::json::value cover = boost::json::value());

// The item of a file that is not a video at all, described as the probe would describe tall.mp4
// (so only Pinterest's processing can tell).
boost::json::object disguised_item(const std::string &path);

}  // namespace pintest
