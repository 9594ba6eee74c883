// The video dance against the simulator: POST /v5/media, the S3-style presigned POST, the
// status moving registered -> processing -> succeeded | failed, and a video pin; every S3
// refusal the issue names.
#include <sys/types.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "core/util/sha256.hpp"
#include "plugins/pinterest/simulator/crypto.hpp"
#include "plugins/pinterest/simulator/sim_client.hpp"

using namespace lmp::test;
using boost::json::object;
namespace fs = std::filesystem;

// Peak memory is not measured under AddressSanitizer (its shadow and quarantine inflate it).
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LMP_HAS_ASAN 1
#endif
#endif
#ifndef LMP_HAS_ASAN
#define LMP_HAS_ASAN 0
#endif

namespace {

const std::string kClip = std::string(LMP_TEST_DATA_DIR) + "/sim/clip.mp4";
const std::string kCover = std::string(LMP_TEST_DATA_DIR) + "/sim/cover.jpg";

std::string sha256_of_file(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  lmp::Sha256 hash;
  std::string buffer(1 << 16, '\0');
  while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount()) {
    hash.update(std::string_view(buffer.data(), static_cast<std::size_t>(in.gcount())));
  }
  return hash.hex_digest();
}

object register_media(const SimClient &sim) {
  const auto reply = sim.post_json("/v5/media", {{"media_type", "video"}});
  REQUIRE(reply.status == 201);
  return reply.json().as_object();
}

// The form of `media`'s upload parameters in the order given, then the file.
std::vector<FormPart> form(const object &media, const std::string &file) {
  std::vector<FormPart> parts;
  for (const auto &item : media.at("upload_parameters").as_object()) {
    parts.push_back(
        {.name = std::string(item.key()), .value = std::string(item.value().as_string())});
  }
  parts.push_back({.name = "file", .file_path = file});
  return parts;
}

HttpReply upload(const object &media, const std::vector<FormPart> &parts,
                 const Headers &headers = {}, std::chrono::seconds timeout = TestHttp::kTimeout) {
  return TestHttp::post_form(std::string(media.at("upload_url").as_string()), parts, headers,
                             timeout);
}

std::string status_of(const SimClient &sim, const object &media) {
  return std::string(sim.get("/v5/media/" + std::string(media.at("media_id").as_string()))
                         .json()
                         .at("status")
                         .as_string());
}

// The S3 error code in an XML body.
std::string s3_code(const HttpReply &reply) {
  const auto start = reply.body.find("<Code>");
  const auto end = reply.body.find("</Code>");
  if (start == std::string::npos || end == std::string::npos) return "no code in: " + reply.body;
  return reply.body.substr(start + 6, end - start - 6);
}

object video_pin(const object &media) {
  return {{"board_id", kDemoBoard},
          {"title", "A video"},
          {"media_source",
           {{"source_type", "video_id"},
            {"media_id", media.at("media_id")},
            {"cover_image_key_frame_time", 1}}}};
}

[[maybe_unused]] long peak_rss_kib(pid_t pid) {  // unused under ASan, which skips the check
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

}  // namespace

TEST_CASE("simulator runs the whole video dance", "[sim][media]") {
  SimClient sim;
  const object media = register_media(sim);
  const auto &params = media.at("upload_parameters").as_object();
  for (const char *key : {"x-amz-date", "x-amz-signature", "x-amz-security-token",
                          "x-amz-algorithm", "key", "policy", "x-amz-credential", "Content-Type"}) {
    CHECK(params.contains(key));
  }
  CHECK(std::string(media.at("upload_url").as_string()).rfind(sim.base(), 0) == 0);
  // The policy is base64 JSON with an expiration and a size range.
  const auto policy =
      boost::json::parse(*lmp::sim::base64_decode(std::string(params.at("policy").as_string())));
  CHECK(policy.at("expiration").is_string());
  CHECK(boost::json::serialize(policy).find("content-length-range") != std::string::npos);

  CHECK(status_of(sim, media) == "registered");
  CHECK(sim.post_json("/v5/pins", video_pin(media)).status == 400);

  const auto uploaded = upload(media, form(media, kClip));
  REQUIRE(uploaded.status == 204);
  CHECK(uploaded.body.empty());
  CHECK(status_of(sim, media) == "processing");
  const auto early = sim.post_json("/v5/pins", video_pin(media));
  CHECK(early.status == 400);
  CHECK_THAT(std::string(early.json().at("message").as_string()), Catch::Contains("processing"));

  sim.advance_ms(3000);
  CHECK(status_of(sim, media) == "succeeded");
  const auto pin = sim.post_json("/v5/pins", video_pin(media));
  REQUIRE(pin.status == 201);
  CHECK(pin.json().at("media").at("media_type") == "video");
  CHECK(pin.json().at("creative_type") == "VIDEO");

  // Every upload parameter was echoed exactly, and the file came last.
  const auto log = sim.log("pathPrefix=/s3/");
  REQUIRE(log.size() == 1);
  const auto &body = log[0].at("body").as_object();
  for (const auto &item : params) {
    if (item.key() == "x-amz-signature" || item.key() == "x-amz-security-token") continue;
    CHECK(body.at("fields").at(item.key()) == item.value());
  }
  CHECK(body.at("partOrder").as_array().back() == "file");
  CHECK(body.at("file").at("sha256") == sha256_of_file(kClip).c_str());
  CHECK(boost::json::serialize(log).find(
            std::string(params.at("x-amz-security-token").as_string())) == std::string::npos);
  const auto listed = sim.get("/v5/media").json();
  CHECK(listed.at("items").as_array()[0].at("status") == "succeeded");
}

TEST_CASE("simulator fails uploads that are not video", "[sim][media]") {
  SimClient sim({"--media-processing-ms", "0"});
  const object media = register_media(sim);
  REQUIRE(upload(media, form(media, kCover)).status == 204);
  CHECK(status_of(sim, media) == "failed");
  CHECK(sim.post_json("/v5/pins", video_pin(media)).status == 400);
}

TEST_CASE("simulator checks the cover of a video pin", "[sim][media]") {
  SimClient sim({"--media-processing-ms", "0"});
  const object media = register_media(sim);
  REQUIRE(upload(media, form(media, kClip)).status == 204);
  auto pin = video_pin(media);
  auto &source = pin["media_source"].as_object();
  source["cover_image_url"] = sim.url("/media/demo.jpg");
  CHECK(sim.post_json("/v5/pins", pin).status == 400);  // two covers
  source.erase("cover_image_key_frame_time");
  CHECK(sim.post_json("/v5/pins", pin).status == 201);
  source.erase("cover_image_url");
  CHECK(sim.post_json("/v5/pins", pin).status == 400);  // no cover
  source["cover_image_content_type"] = "image/jpeg";
  std::ifstream in(kCover, std::ios::binary);
  const std::string jpeg((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  source["cover_image_data"] = lmp::sim::base64_encode(jpeg);
  CHECK(sim.post_json("/v5/pins", pin).status == 201);
  source["media_id"] = "12345";
  CHECK(sim.post_json("/v5/pins", pin).status == 404);
  CHECK(sim.get("/v5/media/12345").status == 404);
}

TEST_CASE("simulator refuses S3 uploads as S3 does", "[sim][media]") {
  SimClient sim;
  const object media = register_media(sim);
  auto refused = [&](const std::vector<FormPart> &parts, int status, const std::string &code,
                     const Headers &headers = {}) {
    const auto reply = upload(media, parts, headers);
    INFO(reply.body);
    CHECK(reply.status == status);
    CHECK(s3_code(reply) == code);
    CHECK(reply.header("Content-Type") == "application/xml");
  };
  SECTION("file not last") {
    auto parts = form(media, kClip);
    parts.push_back({.name = "x-extra", .value = "late"});
    refused(parts, 400, "InvalidArgument");
  }
  SECTION("file first") {
    auto parts = form(media, kClip);
    std::rotate(parts.begin(), parts.end() - 1, parts.end());
    refused(parts, 400, "InvalidArgument");
  }
  SECTION("expired policy") {
    sim.advance_ms(3600 * 1000);
    refused(form(media, kClip), 403, "AccessDenied");
  }
  SECTION("chunked body without Content-Length") {
    refused(form(media, kClip), 411, "MissingContentLength", {{"Transfer-Encoding", "chunked"}});
  }
  SECTION("changed signature") {
    auto parts = form(media, kClip);
    for (auto &p : parts) {
      if (p.name == "x-amz-signature") p.value[0] = p.value[0] == 'a' ? 'b' : 'a';
    }
    refused(parts, 403, "SignatureDoesNotMatch");
  }
  SECTION("changed key") {
    auto parts = form(media, kClip);
    for (auto &p : parts) {
      if (p.name == "key") p.value += "x";
    }
    refused(parts, 403, "AccessDenied");
  }
  SECTION("a parameter left out") {
    auto parts = form(media, kClip);
    std::erase_if(parts, [](const FormPart &p) { return p.name == "success_action_status"; });
    refused(parts, 403, "AccessDenied");
  }
  SECTION("a field outside the policy") {
    auto parts = form(media, kClip);
    parts.insert(parts.begin(), {.name = "acl", .value = "public-read"});
    refused(parts, 403, "AccessDenied");
  }
  SECTION("not multipart") {
    const auto reply = TestHttp::post(std::string(media.at("upload_url").as_string()), "a=b");
    CHECK(reply.status == 412);
  }
  SECTION("empty file") {
    const fs::path empty =
        fs::temp_directory_path() / ("lmp-sim-empty-" + std::to_string(getpid()));
    std::ofstream{empty};
    refused(form(media, empty.string()), 400, "EntityTooSmall");
    fs::remove(empty);
  }
  CHECK(status_of(sim, media) == "registered");
}

TEST_CASE("simulator enforces the policy's size range while streaming", "[sim][media]") {
  SimClient sim({"--upload-max-bytes", "1000"});
  const object media = register_media(sim);
  const auto reply = upload(media, form(media, kClip));
  CHECK(reply.status == 400);
  CHECK(s3_code(reply) == "EntityTooLarge");
}

TEST_CASE("simulator keeps uploads on disk only when asked", "[sim][media]") {
  const fs::path dir = fs::temp_directory_path() / ("lmp-sim-keep-" + std::to_string(getpid()));
  fs::remove_all(dir);
  {
    SimClient sim({"--keep-uploads", dir.string(), "--media-processing-ms", "0"});
    const object media = register_media(sim);
    REQUIRE(upload(media, form(media, kClip)).status == 204);
    const fs::path kept = dir / (std::string(media.at("media_id").as_string()) + ".upload");
    REQUIRE(fs::exists(kept));
    CHECK(sha256_of_file(kept.string()) == sha256_of_file(kClip));
  }
  fs::remove_all(dir);
}

namespace {

// Uploads a sparse file of `bytes` and checks the simulator's peak memory stayed far below it.
void check_streamed_upload(std::uint64_t bytes) {
  SimClient sim({"--upload-max-bytes", std::to_string(bytes), "--media-processing-ms", "0"});
  const fs::path big = fs::temp_directory_path() / ("lmp-sim-big-" + std::to_string(getpid()));
  { std::ofstream{big}; }
  fs::resize_file(big, bytes);  // sparse: no disk used
  const object media = register_media(sim);
  const auto reply = upload(media, form(media, big.string()), {}, std::chrono::seconds(1800));
  fs::remove(big);
  REQUIRE(reply.status == 204);
  const auto log = sim.log("pathPrefix=/s3/");
  CHECK(log[0].at("body").at("file").at("size") == bytes);
  CHECK(status_of(sim, media) == "failed");  // zeros are no video
#if !defined(__SANITIZE_ADDRESS__) && !LMP_HAS_ASAN
  const long peak = peak_rss_kib(sim.pid());
  INFO("peak RSS " << peak << " KiB");
  CHECK(peak > 0);
  CHECK(static_cast<std::uint64_t>(peak) * 1024 < 64ull << 20);
#endif
}

}  // namespace

TEST_CASE("simulator streams a large upload without holding it", "[sim][media]") {
  check_streamed_upload(256ull << 20);
}

TEST_CASE("simulator streams a 2 GB upload without holding it", "[.][sim-slow]") {
  check_streamed_upload(2ull << 30);
}
