// POST /v1/media and GET /v1/media/{id} over loopback: raw and multipart uploads into the media
// library, content addressing, refusals, Idempotency-Key, key isolation, and a post that uses
// an uploaded mediaId.
#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/util/sha256.hpp"
#include "serve_fixture.hpp"

namespace fs = std::filesystem;
namespace json = boost::json;
using lmp::test::FormPart;
using lmp::test::Headers;
using lmp::test::HttpReply;
using lmp::test::kKeyAlpha;
using lmp::test::kKeyBeta;
using lmp::test::ServeFixture;
using lmp::test::TestHttp;

namespace {

const fs::path kMedia = LMP_TEST_DATA_DIR "/media";

std::string file_bytes(const fs::path &path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string code_of(const HttpReply &r) {
  return std::string(r.json().at("error").at("code").as_string());
}

std::string str(const json::value &v) {
  return std::string(v.as_string());
}

// POST /v1/media with raw bytes of `type`, as `key`.
HttpReply upload(const ServeFixture &f, const std::string &key, const std::string &bytes,
                 const std::string &type, Headers extra = {}) {
  extra.emplace_back("Authorization", "Bearer " + key);
  extra.emplace_back("Content-Type", type);
  return TestHttp::post(f.url + "/v1/media", bytes, extra);
}

// POST /v1/media as a multipart form with these parts, as `key`.
HttpReply upload_form(const ServeFixture &f, const std::string &key,
                      const std::vector<FormPart> &parts, Headers extra = {}) {
  extra.emplace_back("Authorization", "Bearer " + key);
  return TestHttp::post_form(f.url + "/v1/media", parts, extra);
}

// The temporary upload files left in the media library folder.
int leftover_parts(const ServeFixture &f) {
  int n = 0;
  std::error_code ec;
  for (const auto &e : fs::directory_iterator(f.scratch / "letmepost-media", ec)) {
    if (e.path().extension() == ".part") ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("serve: POST /v1/media stores raw and multipart uploads by content", "[server][media]") {
  ServeFixture f;
  const std::string jpeg = file_bytes(kMedia / "image.jpg");
  auto raw = upload(f, kKeyAlpha, jpeg, "image/jpeg");
  INFO(raw.body << f.scratch.read("serve.log"));
  REQUIRE(raw.status == 201);
  const json::value doc = raw.json();
  const std::string id = str(doc.at("mediaId"));
  CHECK_THAT(id, Catch::StartsWith("med_"));
  CHECK(doc.at("kind") == "image");
  CHECK(str(doc.at("sha256")) == lmp::sha256_hex(jpeg));
  CHECK(doc.at("sizeBytes").to_number<std::int64_t>() == static_cast<std::int64_t>(jpeg.size()));
  CHECK(doc.at("probe").at("kind") == "image");
  CHECK(doc.at("inLibrary") == true);
  CHECK_FALSE(doc.as_object().contains("path"));  // the server's file system stays its own
  CHECK(raw.header("Location") == "/v1/media/" + id);

  // The same bytes again: the same entry; 200, since this key already has it.
  auto again = upload(f, kKeyAlpha, jpeg, "application/octet-stream");
  CHECK(again.status == 200);
  CHECK(str(again.json().at("mediaId")) == id);

  // The same bytes from another key, as a form: the same id, new to that key.
  auto form = upload_form(f, kKeyBeta,
                          {{"file", "", (kMedia / "image.jpg").string(), "a.jpg", "image/jpeg"}});
  INFO(form.body);
  CHECK(form.status == 201);
  CHECK(str(form.json().at("mediaId")) == id);

  // A video, as a form; the library holds one file per content.
  auto video = upload_form(f, kKeyAlpha, {{"file", "", (kMedia / "short.mp4").string(), "s.mp4"}});
  INFO(video.body);
  REQUIRE(video.status == 201);
  CHECK(video.json().at("kind") == "video");
  CHECK(video.json().at("probe").at("durationMs").to_number<std::int64_t>() > 0);
  CHECK(str(video.json().at("mediaId")) != id);
  CHECK(leftover_parts(f) == 0);

  auto read = f.call("GET", "/v1/media/" + id, kKeyAlpha);
  CHECK(read.status == 200);
  CHECK(str(read.json().at("sha256")) == lmp::sha256_hex(jpeg));
}

TEST_CASE("serve: GET /v1/media/{id} shows a key only the media it uploaded", "[server][media]") {
  ServeFixture f;
  auto png = upload(f, kKeyBeta, file_bytes(kMedia / "image.png"), "image/png");
  REQUIRE(png.status == 201);
  const std::string id = str(png.json().at("mediaId"));
  CHECK(f.call("GET", "/v1/media/" + id, kKeyBeta).status == 200);
  auto other = f.call("GET", "/v1/media/" + id, kKeyAlpha);
  CHECK(other.status == 404);
  CHECK(code_of(other) == "api.not_found");
  auto unknown = f.call("GET", "/v1/media/med_00000000000000000000000000000000", kKeyBeta);
  CHECK(unknown.status == 404);
  CHECK(code_of(unknown) == "api.not_found");
  CHECK(f.call("GET", "/v1/media/" + id, "").status == 401);
}

TEST_CASE("serve: POST /v1/media refuses what is not an upload, with a clear code",
          "[server][media]") {
  ServeFixture f;
  const std::string jpeg = file_bytes(kMedia / "image.jpg");
  auto no_key = upload(f, "not-a-key", jpeg, "image/jpeg");
  CHECK(no_key.status == 401);
  CHECK(code_of(no_key) == "api.unauthorized");

  auto json_type = upload(f, kKeyAlpha, R"({"file":"x"})", "application/json");
  CHECK(json_type.status == 415);
  CHECK(code_of(json_type) == "api.unsupported_media_type");
  CHECK(json_type.json().at("error").at("field") == "Content-Type");

  auto not_media = upload(f, kKeyAlpha, file_bytes(kMedia / "not_media.bin"), "image/jpeg");
  CHECK(not_media.status == 422);
  CHECK(code_of(not_media) == "media.unreadable");
  CHECK(str(not_media.json().at("error").at("message")) == "Cannot read the upload as media.");

  auto wrong_part = upload_form(f, kKeyAlpha, {{"photo", "", (kMedia / "image.jpg").string()}});
  CHECK(wrong_part.status == 400);
  CHECK(code_of(wrong_part) == "api.bad_request");
  CHECK(wrong_part.json().at("error").at("field") == "file");

  auto two_files = upload_form(f, kKeyAlpha,
                               {{"file", "", (kMedia / "image.jpg").string()},
                                {"file", "", (kMedia / "image.png").string()}});
  CHECK(two_files.status == 400);
  CHECK(code_of(two_files) == "api.bad_request");

  auto broken = upload(f, kKeyAlpha, "--x\r\nnot a form", "multipart/form-data; boundary=x");
  CHECK(broken.status == 400);
  CHECK(code_of(broken) == "api.bad_request");
  CHECK(leftover_parts(f) == 0);
  CHECK(f.call("GET", "/healthz", "").status == 200);  // the server is still there
}

TEST_CASE("serve: an upload over server.max_upload_bytes is 413 and nothing stays behind",
          "[server][media]") {
  ServeFixture f("  max_upload_bytes: 1000\n");
  const std::string jpeg = file_bytes(kMedia / "image.jpg");
  REQUIRE(jpeg.size() > 1000);
  auto declared = upload(f, kKeyAlpha, jpeg, "image/jpeg");
  CHECK(declared.status == 413);
  CHECK(code_of(declared) == "api.payload_too_large");
  Headers chunked_headers{{"Authorization", std::string("Bearer ") + kKeyAlpha},
                          {"Content-Type", "image/jpeg"}};
  auto chunked = TestHttp::post_chunked(f.url + "/v1/media", jpeg, chunked_headers);
  CHECK(chunked.status == 413);
  CHECK(code_of(chunked) == "api.payload_too_large");
  CHECK(leftover_parts(f) == 0);
  auto small = upload(f, kKeyAlpha, jpeg.substr(0, 900), "image/jpeg");
  CHECK(small.status != 413);
}

TEST_CASE("serve: Idempotency-Key on POST /v1/media replays the answer or refuses another body",
          "[server][media]") {
  ServeFixture f;
  const std::string jpeg = file_bytes(kMedia / "image.jpg");
  auto first = upload(f, kKeyAlpha, jpeg, "image/jpeg", {{"Idempotency-Key", "up-1"}});
  REQUIRE(first.status == 201);
  auto replay = upload(f, kKeyAlpha, jpeg, "image/jpeg", {{"Idempotency-Key", "up-1"}});
  CHECK(replay.status == 201);
  CHECK(replay.header("Idempotent-Replayed") == "true");
  CHECK(replay.json() == first.json());
  auto other = upload(f, kKeyAlpha, file_bytes(kMedia / "image.png"), "image/png",
                      {{"Idempotency-Key", "up-1"}});
  CHECK(other.status == 409);
  CHECK(code_of(other) == "idempotency.key_reused");
  // Keys are per API key: beta's "up-1" is its own.
  auto beta = upload(f, kKeyBeta, file_bytes(kMedia / "image.png"), "image/png",
                     {{"Idempotency-Key", "up-1"}});
  CHECK(beta.status == 201);
}

TEST_CASE("serve: a mediaId uploaded through the API publishes in a post", "[server][media]") {
  ServeFixture f;
  auto up = upload(f, kKeyAlpha, file_bytes(kMedia / "image.jpg"), "image/jpeg");
  REQUIRE(up.status == 201);
  const std::string id = str(up.json().at("mediaId"));
  const std::string post =
      R"({"targets":[{"platform":"pinterest","accountId":"acc_a"}],"text":"From the API",)"
      R"("media":[{"mediaId":")" +
      id + R"("}],"options":{"boardId":"1234567890"}})";
  auto created = f.call("POST", "/v1/posts", kKeyAlpha, post);
  INFO(created.body << f.scratch.read("serve.log"));
  REQUIRE(created.status == 201);
  CHECK(created.json().at("status") == "published");
  CHECK_THAT(str(created.json().at("targets").at(0).at("url")),
             Catch::StartsWith("https://www.pinterest"));
  CHECK(f.sim.log("POST", "/v5/pins").size() == 1);
}

TEST_CASE("serve: POST /v1/media streams bodies larger than the server's buffered limit",
          "[server][media]") {
  ServeFixture f;
  // 33 MiB: past the 32 MiB a buffered request may have, so only a streamed body gets through
  // to the probe (which then finds no media in it).
  const std::string zeros(33u << 20, '\0');
  auto reply = upload(f, kKeyAlpha, zeros, "application/octet-stream");
  CHECK(reply.status == 422);
  CHECK(code_of(reply) == "media.unreadable");
  CHECK(leftover_parts(f) == 0);
}
