// Video pins end to end through the loaded module against the simulator: register, the S3 form
// POST, status polls, the pin with video_id; covers; each failure; never uploading twice.
#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <thread>

#include "plugins/pinterest/harness.hpp"
#include "plugins/pinterest/video_media.hpp"
#include "support/scratch.hpp"

namespace {

using namespace pintest;
using lmp::Operation;

constexpr const char *kS3 = "/s3/pinterest-media-upload/";

// Polls every 20 ms (at most 100 ms) so tests never sleep long.
json::object poll_config(json::object extra = {}) {
  json::object c{{"video_poll_initial_ms", 20}, {"video_poll_max_ms", 100}};
  for (const auto &kv : extra) c[kv.key()] = kv.value();
  return fast_config(c);
}

std::vector<std::string> sim_args(const std::string &processing_ms = "150") {
  return {"--media-processing-ms", processing_ms};
}

json::object video_request(const Harness &h, const json::object &item) {
  json::object options{{"boardId", kDemoBoard},
                       {"title", "A video"},
                       {"destinationUrl", h.url("/dest/ok")},
                       {"altText", "Moving test pattern"}};
  return h.request({{"media", json::array{item}}, {"options", options}});
}

// upload_media, then publish with its uploads, as the host does.
lmp::CallOutcome upload_and_publish(Harness &h, json::object request) {
  auto up = h.run(Operation::kUploadMedia, request);
  if (!up.ok()) return up;
  request["uploads"] = up.result.at("uploads");
  return h.run(Operation::kPublish, request);
}

size_t count(const Harness &h, const std::string &method, const std::string &path) {
  return h.log(method, path).size();
}

size_t status_polls(const Harness &h) {
  size_t n = 0;
  for (const json::value &e : h.log()) {
    const std::string path(e.at("path").as_string());
    if (e.at("method") == "GET" && path.rfind("/v5/media/", 0) == 0) ++n;
  }
  return n;
}

std::string s3_xml(const std::string &code, const std::string &message) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" +
         message + "</Message><RequestId>R1</RequestId></Error>";
}

}  // namespace

TEST_CASE("a video pin: register, S3 form with file last, polls, then the pin with video_id",
          "[pinterest][video]") {
  Harness h(poll_config(), sim_args());
  std::vector<std::pair<uint64_t, uint64_t>> progress;
  h.before_call = [&](lmp_call &c) {
    c.on_progress = [&](uint64_t done, uint64_t total) { progress.emplace_back(done, total); };
  };
  const std::string path = test_media("tall.mp4");
  json::object request = video_request(h, video_item(path));
  auto up = h.run(Operation::kUploadMedia, request);
  REQUIRE(error_code(up) == "");
  const auto &uploads = up.result.at("uploads").as_array();
  REQUIRE(uploads.size() == 1);
  CHECK(uploads[0].at("mediaIndex") == json::value(0));
  const std::string media_id(uploads[0].at("platformMediaId").as_string());

  // Registration, then the form: every upload parameter in the order given, `file` last.
  auto registered = h.log("POST", "/v5/media");
  REQUIRE(registered.size() == 1);
  CHECK(registered[0].at("body").at("media_type") == "video");
  auto forms = h.log("POST", kS3);
  REQUIRE(forms.size() == 1);
  CHECK(forms[0].at("status") == json::value(204));
  const auto &order = forms[0].at("body").at("partOrder").as_array();
  CHECK(order == json::array{"Content-Type", "key", "policy", "success_action_status",
                             "x-amz-algorithm", "x-amz-credential", "x-amz-date",
                             "x-amz-security-token", "x-amz-signature", "file"});
  const auto &file = forms[0].at("body").at("file");
  CHECK(file.at("size") == json::value(std::filesystem::file_size(path)));
  CHECK(file.at("contentType") == "video/mp4");
  CHECK(status_polls(h) >= 1);
  CHECK(count(h, "GET", "/v5/media/" + media_id) == status_polls(h));
  // Progress: the upload's bytes, ending complete.
  REQUIRE_FALSE(progress.empty());
  CHECK(progress.back().first == std::filesystem::file_size(path));
  CHECK(progress.back().second == std::filesystem::file_size(path));

  request["uploads"] = up.result.at("uploads");
  auto pin = h.run(Operation::kPublish, request);
  REQUIRE(error_code(pin) == "");
  const auto body = h.log("POST", "/v5/pins").back().at("body");
  CHECK(body.at("title") == "A video");
  CHECK(body.at("description") == "Built with letmepost.");
  CHECK(body.at("alt_text") == "Moving test pattern");
  CHECK(body.at("link") == json::value(h.url("/dest/ok")));
  const auto &source = body.at("media_source");
  CHECK(source.at("source_type") == "video_id");
  CHECK(source.at("media_id") == json::value(media_id));
  CHECK(source.at("cover_image_content_type") == "image/jpeg");
  CHECK(source.at("cover_image_data").is_string());
  CHECK(pin.result.at("raw").at("media").at("media_type") == "video");
}

TEST_CASE("video covers: a URL, a PNG file, or Pinterest's own frame", "[pinterest][video]") {
  Harness h(poll_config(), sim_args("0"));
  const std::string path = test_media("clip.mov");
  SECTION("cover.url becomes cover_image_url") {
    auto out = upload_and_publish(
        h, video_request(h, video_item(path, json::object{{"url", h.url("/media/demo.jpg")}})));
    REQUIRE(error_code(out) == "");
    const auto source = h.log("POST", "/v5/pins").back().at("body").at("media_source");
    CHECK(source.at("cover_image_url") == json::value(h.url("/media/demo.jpg")));
    CHECK(source.as_object().if_contains("cover_image_data") == nullptr);
  }
  SECTION("cover.path (a PNG) is embedded with its type") {
    auto out = upload_and_publish(
        h, video_request(h, video_item(path, json::object{{"path", test_media("image.png")},
                                                          {"contentType", "image/png"}})));
    REQUIRE(error_code(out) == "");
    const auto source = h.log("POST", "/v5/pins").back().at("body").at("media_source");
    CHECK(source.at("cover_image_content_type") == "image/png");
    CHECK(source.at("cover_image_data").is_string());
  }
  SECTION("no cover from the host: the frame at 1 s") {
    json::object item = video_item(path);
    item.erase("cover");
    auto out = upload_and_publish(h, video_request(h, item));
    REQUIRE(error_code(out) == "");
    const auto source = h.log("POST", "/v5/pins").back().at("body").at("media_source");
    CHECK(source.at("cover_image_key_frame_time") == json::value(1));
  }
}

TEST_CASE("the same file is never uploaded twice", "[pinterest][video]") {
  Harness h(poll_config(), sim_args());
  json::object request = video_request(h, video_item(test_media("hevc.mp4")));
  auto first = h.run(Operation::kUploadMedia, request);
  REQUIRE(error_code(first) == "");
  auto second = h.run(Operation::kUploadMedia, request);
  REQUIRE(error_code(second) == "");
  CHECK(second.result.at("uploads") == first.result.at("uploads"));
  CHECK(count(h, "POST", "/v5/media") == 1);
  CHECK(count(h, "POST", kS3) == 1);
  // Another file is another upload.
  REQUIRE(error_code(h.run(Operation::kUploadMedia,
                           video_request(h, video_item(test_media("tall.mp4"))))) == "");
  CHECK(count(h, "POST", "/v5/media") == 2);
}

TEST_CASE("an S3 refusal keeps its XML and names the video", "[pinterest][video]") {
  Harness h(poll_config(), sim_args());
  h.fault({{"route", std::string("POST ") + kS3},
           {"status", 403},
           {"body", s3_xml("AccessDenied", "Access Denied")}});
  auto out = h.run(Operation::kUploadMedia, video_request(h, video_item(test_media("tall.mp4"))));
  REQUIRE(error_code(out) == "pinterest.upload.rejected");
  CHECK(out.error->field == "media[0].path");
  const json::object platform = out.error->to_json().at("platform").as_object();
  CHECK(platform.at("httpStatus") == json::value(403));
  CHECK(platform.at("code") == "AccessDenied");
  CHECK_THAT(std::string(platform.at("raw").as_string()), Catch::Contains("<Code>AccessDenied"));
  CHECK(count(h, "POST", "/v5/media") == 1);
}

TEST_CASE("an expired upload policy registers the upload again, once", "[pinterest][video]") {
  SECTION("the second policy works") {
    Harness h(poll_config(), sim_args());
    h.fault({{"route", std::string("POST ") + kS3},
             {"status", 403},
             {"body", s3_xml("AccessDenied", "Invalid according to Policy: Policy expired.")}});
    auto out = h.run(Operation::kUploadMedia, video_request(h, video_item(test_media("tall.mp4"))));
    REQUIRE(error_code(out) == "");
    CHECK(count(h, "POST", "/v5/media") == 2);
    CHECK(count(h, "POST", kS3) == 2);
  }
  SECTION("every policy expires at once: the error after one retry") {
    Harness h(poll_config(), {"--upload-policy-ttl-s", "0"});
    auto out = h.run(Operation::kUploadMedia, video_request(h, video_item(test_media("tall.mp4"))));
    REQUIRE(error_code(out) == "pinterest.upload.policy_expired");
    CHECK(count(h, "POST", "/v5/media") == 2);
    CHECK(count(h, "POST", kS3) == 2);
  }
}

TEST_CASE("bytes Pinterest cannot process end in processing_failed, and are forgotten",
          "[pinterest][video]") {
  Harness h(poll_config(), sim_args());
  json::object request = video_request(h, disguised_item(test_media("not_media.bin")));
  auto out = h.run(Operation::kUploadMedia, request);
  REQUIRE(error_code(out) == "pinterest.video.processing_failed");
  CHECK(out.error->field == "media[0].path");
  // The failed upload is not reused: another try uploads again.
  CHECK(error_code(h.run(Operation::kUploadMedia, request)) == "pinterest.video.processing_failed");
  CHECK(count(h, "POST", "/v5/media") == 2);
}

TEST_CASE("processing past video_poll_deadline_s times out, and a retry resumes polling",
          "[pinterest][video]") {
  Harness h(poll_config({{"video_poll_deadline_s", 0}}), sim_args("600000"));
  json::object request = video_request(h, video_item(test_media("tall.mp4")));
  auto out = h.run(Operation::kUploadMedia, request);
  REQUIRE(error_code(out) == "pinterest.video.processing_timeout");
  CHECK(out.error->retryable);
  CHECK_THAT(out.error->message, Catch::Contains("processing"));
  CHECK(error_code(h.run(Operation::kUploadMedia, request)) ==
        "pinterest.video.processing_timeout");
  CHECK(count(h, "POST", "/v5/media") == 1);
  CHECK(count(h, "POST", kS3) == 1);
}

TEST_CASE("cancelling while polling ends the upload with LMP_CANCELLED", "[pinterest][video]") {
  Harness h(poll_config({{"video_poll_initial_ms", 200}, {"video_poll_max_ms", 200}}),
            sim_args("600000"));
  std::atomic<lmp_call *> running{nullptr};
  h.before_call = [&](lmp_call &c) { running = &c; };
  std::atomic<bool> done{false};
  std::thread canceller([&] {
    while (!done) {
      auto polled =
          lmp::test::TestHttp::get(h.sim.base_url() + "/_sim/log?method=GET&pathPrefix=/v5/media/");
      if (polled.status == 200 && !polled.json().as_array().empty() && running.load()) {
        running.load()->cancel();
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  });
  auto out = h.run(Operation::kUploadMedia, video_request(h, video_item(test_media("tall.mp4"))));
  done = true;
  canceller.join();
  CHECK(out.status == LMP_CANCELLED);
  CHECK(count(h, "POST", kS3) == 1);
}

TEST_CASE("image pins need no upload", "[pinterest][video]") {
  Harness h(poll_config());
  auto out = h.run(Operation::kUploadMedia, h.request());
  REQUIRE(error_code(out) == "");
  CHECK(out.result.at("uploads").as_array().empty());
  CHECK(count(h, "POST", "/v5/media") == 0);
}
