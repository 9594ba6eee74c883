#include "plugins/pinterest/video_media.hpp"

#include <filesystem>

#include "core/media/probe.hpp"
#include "core/util/sha256.hpp"

namespace pintest {

namespace json = boost::json;

std::string test_media(const std::string &name) {
  return std::string(LMP_TEST_DATA_DIR) + "/media/" + name;
}

json::object video_item(const std::string &path, json::value cover) {
  const lmp::MediaProbe p = lmp::probe_file(path);
  json::object item{{"type", "video"},
                    {"path", path},
                    {"contentType", p.content_type},
                    {"sizeBytes", p.size_bytes},
                    {"container", p.container},
                    {"width", p.width},
                    {"height", p.height},
                    {"sha256", lmp::sha256_file_hex(path)}};
  if (p.kind == "video") {
    item["durationMs"] = p.duration_ms;
    item["videoCodec"] = p.video_codec;
  }
  if (cover.is_null()) {
    cover = json::object{{"path", test_media("image.jpg")}, {"contentType", "image/jpeg"}};
  }
  item["cover"] = cover;
  return item;
}

json::object disguised_item(const std::string &path) {
  json::object item = video_item(test_media("tall.mp4"));
  item["path"] = path;
  item["sizeBytes"] = std::filesystem::file_size(path);
  item["sha256"] = lmp::sha256_file_hex(path);
  return item;
}

}  // namespace pintest
