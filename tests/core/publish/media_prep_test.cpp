// Media preparation against a real state database and real FFmpeg media: every local item is
// hashed and recorded in the media index (once per file version), library entries resolve by
// mediaId, and unknown ids are refused where the user wrote them.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/publish/media_prep.hpp"
#include "core/services/http_test_support.hpp"
#include "core/store/sqlite_store.hpp"
#include "core/util/sha256.hpp"
#include "support/scratch.hpp"

namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

const fs::path kMedia = LMP_TEST_DATA_DIR "/media";

// The part of Pinterest's description that media preparation reads.
const json::object kDescription = json::parse(R"({"capabilities": {"media": {"image": {
    "formats": ["jpeg", "png", "webp"], "base64Formats": ["jpeg", "png"]}}}})")
                                      .as_object();

struct Prep {
  lmp::test::Scratch scratch;
  lmp::SqliteStore store{(scratch.dir / "state.db").string()};
  lmp::MediaLibrary library{store.media(), scratch.dir / "media"};
  lmp::MediaSources sources{&library, scratch.dir / "derived"};

  lmp::PreparedMedia prepare(std::vector<lmp::MediaItem> media) {
    lmp::Post post;
    post.media = std::move(media);
    return lmp::prepare_media(post, kDescription, sources);
  }
  // A copy of a test file in the scratch folder (so tests may change it).
  fs::path copy(const std::string &name) {
    fs::copy_file(kMedia / name, scratch.dir / name);
    return scratch.dir / name;
  }
};

lmp::MediaItem path_item(const std::string &type, const fs::path &p) {
  lmp::MediaItem m;
  m.type = type;
  m.path = p.string();
  return m;
}

}  // namespace

TEST_CASE("a local image is described with the SHA-256 of its bytes and recorded in place",
          "[publish][media_prep]") {
  Prep prep;
  const fs::path jpg = prep.copy("image.jpg");
  auto out = prep.prepare({path_item("image", jpg)});
  REQUIRE(out.errors.empty());
  const json::object &item = out.items.at(0).as_object();
  CHECK(item.at("sha256").as_string() == lmp::sha256_file_hex(jpg));
  CHECK(item.at("path").as_string() == jpg.string());
  CHECK(item.at("contentType").as_string() == "image/jpeg");

  auto entry = prep.store.media().find(lmp::media_id_for_sha256(lmp::sha256_file_hex(jpg)));
  REQUIRE(entry);
  CHECK_FALSE(entry->in_library);
  CHECK(entry->path == jpg.string());
  CHECK(entry->kind == "image");
  CHECK(entry->probe.at("width").as_int64() == 200);
  CHECK(entry->probe.at("height").as_int64() == 300);
}

TEST_CASE("an unchanged file is not hashed again; a changed one is", "[publish][media_prep]") {
  Prep prep;
  const fs::path png = prep.copy("image.png");
  const std::string real = lmp::sha256_file_hex(png);
  REQUIRE(prep.prepare({path_item("image", png)}).errors.empty());

  // Plant a different hash for this exact file version: a second run must trust the index.
  auto entry = *prep.store.media().find(lmp::media_id_for_sha256(real));
  prep.store.media().remove(entry.id);
  entry.sha256 = std::string(64, 'a');
  entry.id = lmp::media_id_for_sha256(entry.sha256);
  prep.store.media().upsert(entry);
  CHECK(prep.prepare({path_item("image", png)}).items.at(0).at("sha256").as_string() ==
        entry.sha256);

  // A new mtime is a new version: hashed and probed again.
  fs::last_write_time(png, fs::last_write_time(png) + std::chrono::seconds(5));
  CHECK(prep.prepare({path_item("image", png)}).items.at(0).at("sha256").as_string() == real);
}

TEST_CASE("a converted image is described with the hash of the file the adapter gets",
          "[publish][media_prep]") {
  Prep prep;
  auto out = prep.prepare({path_item("image", kMedia / "image.webp")});
  REQUIRE(out.errors.empty());
  const json::object &item = out.items.at(0).as_object();
  CHECK(item.at("contentType").as_string() == "image/png");
  CHECK(item.at("sha256").as_string() ==
        lmp::sha256_file_hex(std::string(item.at("path").as_string())));
}

TEST_CASE("a video's default cover is extracted once and recorded with the entry",
          "[publish][media_prep]") {
  Prep prep;
  const fs::path video = prep.copy("tall.mp4");
  auto first = prep.prepare({path_item("video", video)});
  REQUIRE(first.errors.empty());
  const json::object &item = first.items.at(0).as_object();
  CHECK(item.at("sha256").as_string() == lmp::sha256_file_hex(video));
  CHECK(item.at("durationMs").as_int64() > 4000);
  const fs::path cover(std::string(item.at("cover").at("path").as_string()));
  REQUIRE(fs::is_regular_file(cover));

  auto entry = prep.library.find(lmp::media_id_for_sha256(lmp::sha256_file_hex(video)));
  REQUIRE(entry);
  CHECK(entry->probe.at("cover").at("path").as_string() == cover.string());
  CHECK(entry->probe.at("videoCodec").as_string() == "h264");

  // The second run reuses it rather than decoding again.
  const auto written = fs::last_write_time(cover);
  auto second = prep.prepare({path_item("video", video)});
  CHECK(second.items.at(0).at("cover").at("path").as_string() == cover.string());
  CHECK(fs::last_write_time(cover) == written);
}

TEST_CASE("a mediaId item resolves to its library file with the recorded probe",
          "[publish][media_prep]") {
  Prep prep;
  auto imported = prep.library.import_file(kMedia / "clip.mov");
  lmp::MediaItem m;
  m.media_id = imported.entry.id;
  auto out = prep.prepare({m});
  REQUIRE(out.errors.empty());
  const json::object &item = out.items.at(0).as_object();
  CHECK(item.at("type").as_string() == "video");  // taken from the entry when the item gives none
  CHECK(item.at("path").as_string() == imported.entry.path);
  CHECK(item.at("sha256").as_string() == imported.entry.sha256);
  CHECK(item.at("container").as_string() == "mov");
  CHECK(item.at("width").as_int64() == 320);
  CHECK(item.contains("cover"));
}

TEST_CASE("an unknown mediaId is an error at media[i].mediaId", "[publish][media_prep]") {
  Prep prep;
  lmp::MediaItem ok = path_item("image", kMedia / "image.jpg");
  lmp::MediaItem unknown;
  unknown.type = "image";
  unknown.media_id = "med_00000000000000000000000000000000";
  auto out = prep.prepare({ok, unknown});
  REQUIRE(out.errors.size() == 1);
  CHECK(out.errors[0].code == "validation.unknown_media");
  CHECK(out.errors[0].field == "media[1].mediaId");
  CHECK(out.errors[0].message.find(*unknown.media_id) != std::string::npos);
  CHECK(out.items.size() == 2);
}

TEST_CASE("a file that is not media is refused at media[i].path", "[publish][media_prep]") {
  Prep prep;
  auto out = prep.prepare({path_item("image", kMedia / "not_media.bin")});
  REQUIRE(out.errors.size() == 1);
  CHECK(out.errors[0].code == "media.unreadable");
  CHECK(out.errors[0].field == "media[0].path");
}

namespace {

// A loopback server that serves the tall test clip at /clip.mp4 (404 elsewhere).
struct ClipServer {
  std::string clip = [] {
    std::ifstream in(kMedia / "tall.mp4", std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }();
  lmp::http_test::RecordingServer server{[this](const lmp::httpd::Request &r) {
    lmp::httpd::Response res;
    if (r.target != "/clip.mp4") {
      res.status = 404;
      return res;
    }
    res.headers.emplace_back("Content-Type", "video/mp4");
    res.body = clip;
    return res;
  }};
  std::string url(const std::string &path) const {
    return "http://127.0.0.1:" + std::to_string(server.port()) + path;
  }
};

lmp::MediaItem video_url(const std::string &url) {
  lmp::MediaItem m;
  m.type = "video";
  m.url = url;
  return m;
}

}  // namespace

TEST_CASE("a video URL is downloaded into the library and prepared like a file",
          "[publish][media_prep]") {
  Prep prep;
  ClipServer clip;
  lmp::HttpClient http;
  prep.sources.http = &http;
  prep.sources.allow_private_addresses = true;  // the server is on 127.0.0.1
  auto out = prep.prepare({video_url(clip.url("/clip.mp4"))});
  REQUIRE(out.errors.empty());
  const json::object &item = out.items.at(0).as_object();
  CHECK(item.at("sha256").as_string() == lmp::sha256_file_hex(kMedia / "tall.mp4"));
  CHECK_FALSE(item.contains("url"));
  const fs::path stored(std::string(item.at("path").as_string()));
  CHECK(stored.parent_path() == prep.scratch.dir / "media");
  CHECK(fs::file_size(stored) == clip.clip.size());
  CHECK(item.at("videoCodec").as_string() == "h264");
  CHECK(item.contains("cover"));
  auto entry = prep.library.find(lmp::media_id_for_sha256(item.at("sha256").as_string()));
  REQUIRE(entry);
  CHECK(entry->in_library);

  // A missing file is the item's error, at its url; nothing half-written stays.
  auto missing = prep.prepare({video_url(clip.url("/gone.mp4"))});
  REQUIRE(missing.errors.size() == 1);
  CHECK(missing.errors[0].code == "media.download_failed");
  CHECK(missing.errors[0].field == "media[0].url");
  CHECK(missing.errors[0].message.find("404") != std::string::npos);
  CHECK(std::distance(fs::directory_iterator(prep.scratch.dir / "media"),
                      fs::directory_iterator()) == 1);
}

TEST_CASE("a video URL on a private address is refused without allow_private_addresses",
          "[publish][media_prep]") {
  Prep prep;
  ClipServer clip;
  lmp::HttpClient http;
  prep.sources.http = &http;
  auto out = prep.prepare({video_url(clip.url("/clip.mp4"))});
  REQUIRE(out.errors.size() == 1);
  CHECK(out.errors[0].code == "media.download_failed");
  CHECK(out.errors[0].field == "media[0].url");
  CHECK(out.errors[0].message.find("blocked") != std::string::npos);
  CHECK(clip.server.count() == 0);  // not a byte was sent to it
}

TEST_CASE("image URLs pass through for the platform to fetch", "[publish][media_prep]") {
  Prep prep;
  lmp::HttpClient http;
  prep.sources.http = &http;
  lmp::MediaItem m;
  m.type = "image";
  m.url = "https://example.com/a.jpg";
  auto out = prep.prepare({m});
  REQUIRE(out.errors.empty());
  CHECK(out.items.at(0).at("url").as_string() == "https://example.com/a.jpg");
  CHECK_FALSE(out.items.at(0).as_object().contains("sha256"));
}
