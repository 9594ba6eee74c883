// Records the conformance fixtures of the Pinterest adapter (plugins/pinterest/conformance/):
// the real adapter runs each case against the simulator through the host's real HTTP service,
// and every exchange is written down as the checker replays it. The hidden test rewrites the
// committed fixtures; run it by hand after a change to the adapter or the simulator,
//   build/bin/letmepost-tests "[record-conformance]"
// then review the diff. The other test records into a scratch folder and runs the checker on
// that, so a change that makes the committed recordings stale still meets the checker.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>

#include <openssl/evp.h>

#include "plugins/pinterest/harness.hpp"
#include "support/process.hpp"
#include "support/scratch.hpp"

namespace {

namespace json = boost::json;
namespace fs = std::filesystem;
using lmp::Operation;

// The simulator's address in a recording becomes this one (never contacted: the checker's HTTP
// is scripted), so recordings do not change with the port.
constexpr const char *kStableOrigin = "http://127.0.0.1:9";

std::string replaced(std::string text, const std::string &from, const std::string &to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

std::string regex_escaped(const std::string &s) {
  static const std::regex special(R"([.^$|()\[\]{}*+?\\])");
  return std::regex_replace(s, special, R"(\$&)");
}

// Reply headers the adapters read; the rest (date, length, server) only make diffs noisy.
bool kept_header(const std::string &name) {
  return name == "content-type" || name == "content-range" || name == "retry-after" ||
         name.rfind("x-", 0) == 0;
}

bool is_text(const lmp_http_response &r) {
  for (const auto &[k, v] : r.headers) {
    if (k == "content-type") return v.rfind("text/", 0) == 0;
  }
  return r.body.empty();
}

std::string base64(const std::string &bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char *>(out.data()),
                                reinterpret_cast<const unsigned char *>(bytes.data()),
                                static_cast<int>(bytes.size()));
  out.resize(static_cast<size_t>(n));
  return out;
}

// The adapter config of the recording, also written as the fixtures' config.json: short waits,
// and image sniffing of the first KiB only, so the recorded image bytes stay small.
json::object recording_config() {
  return pintest::fast_config({{"image_sniff_bytes", 1024}});
}

class Recorder {
 public:
  Recorder(pintest::Harness &h, fs::path out_dir)
      : h_(h), out_dir_(std::move(out_dir)), real_(h.services.http) {
    h.services.http = [this](std::string_view request, lmp_call &call, lmp_http_response &out) {
      const int rc = real_(request, call, out);
      json::object r = json::parse(request).as_object();
      const std::string url(r.at("url").as_string());
      json::object headers;
      for (const auto &[k, v] : out.headers) {
        if (kept_header(k)) headers[k] = v;
      }
      json::object exchange{{"method", r.at("method")},
                            {"url", regex_escaped(url.substr(h_.sim.base_url().size())) + "$"},
                            {"status", out.status},
                            {"headers", std::move(headers)}};
      json::error_code ec;
      json::value body = json::parse(out.body, ec);
      if (!ec) {
        exchange["body"] = std::move(body);
      } else if (is_text(out)) {
        exchange["body"] = out.body;
      } else {
        exchange["bodyBase64"] = base64(out.body);
      }
      exchanges_.push_back(std::move(exchange));
      return rc;
    };
  }

  // Writes the fixtures' config.json.
  void write_config(const json::object &config) {
    fs::create_directories(out_dir_);
    write(out_dir_ / "config.json", config);
  }

  // Runs op with request and writes the case directory `name`.
  lmp::CallOutcome record(const std::string &name, Operation op, const json::object &request) {
    exchanges_.clear();
    lmp::CallOutcome out = h_.run(op, request);
    const fs::path dir = out_dir_ / name;
    fs::create_directories(dir);
    write(dir / "request.json",
          json::object{{"operation", lmp::operation_name(op)}, {"request", request}});
    write(dir / "conversation.json", exchanges_);
    write(dir / "expected.json", out.ok() ? json::object{{"result", essentials(out.result)}}
                                          : json::object{{"error", out.error->code}});
    return out;
  }

 private:
  // What the checker compares: the ids and error codes, not every byte of the result.
  static json::value essentials(const json::value &result) {
    json::object out;
    for (const char *key : {"id", "url", "boardId"}) {
      if (const json::value *v = result.as_object().if_contains(key)) out[key] = *v;
    }
    if (const json::value *errors = result.as_object().if_contains("errors")) {
      json::array codes;
      for (const json::value &e : errors->as_array()) {
        codes.push_back(json::object{{"code", e.at("code")}, {"field", e.at("field")}});
      }
      out["errors"] = std::move(codes);
    }
    if (const json::value *d = result.as_object().if_contains("destinations")) {
      json::array ids;
      for (const json::value &b : d->as_array()) ids.push_back(json::object{{"id", b.at("id")}});
      out["destinations"] = std::move(ids);
    }
    return out;
  }

  void write(const fs::path &file, const json::value &doc) {
    std::ofstream(file) << replaced(json::serialize(doc), h_.sim.base_url(), kStableOrigin) << "\n";
  }

  pintest::Harness &h_;
  fs::path out_dir_;
  lmp::HttpSendFn real_;
  json::array exchanges_;
};

// Records every case into dir.
void record_all(const fs::path &dir) {
  pintest::Harness h(recording_config());
  Recorder rec(h, dir);
  rec.write_config(recording_config());
  auto publish = rec.record("publish-image-pin", Operation::kPublish, h.request());
  CHECK(publish.ok());

  json::object bad_link{{"boardId", pintest::kDemoBoard}, {"destinationUrl", h.url("/dest/404")}};
  auto preflight =
      rec.record("preflight-bad-url", Operation::kPreflight, h.request({{"options", bad_link}}));
  REQUIRE(preflight.ok());
  CHECK(preflight.result.at("errors").as_array().size() == 1);

  h.fault({{"route", "POST /v5/pins"},
           {"status", 429},
           {"headers", json::object{{"Retry-After", "30"},
                                    {"x-ratelimit-limit", "100"},
                                    {"x-ratelimit-remaining", "0"},
                                    {"x-ratelimit-reset", "30"}}}});
  CHECK(pintest::error_code(rec.record("publish-429", Operation::kPublish, h.request())) ==
        "pinterest.rate_limited");

  h.fault({{"route", "POST /v5/pins"}, {"status", 500}});
  CHECK(pintest::error_code(rec.record("publish-500", Operation::kPublish, h.request())) ==
        "pinterest.server_error");

  json::object account_only = h.request();
  for (const char *key : {"text", "media", "options"}) account_only.erase(key);
  account_only["refresh"] = true;  // past the boards the cases above cached
  CHECK(rec.record("list-boards", Operation::kListDestinations, account_only).ok());
}

}  // namespace

TEST_CASE("record the Pinterest conformance fixtures from the simulator",
          "[.][record-conformance]") {
  record_all(fs::path(LMP_SOURCE_DIR) / "plugins/pinterest/conformance");
}

TEST_CASE("Pinterest passes the conformance checker on fixtures recorded now",
          "[conformance][pinterest]") {
  lmp::test::Scratch s;
  record_all(s / "fixtures");
  lmp::test::ChildProcess checker({std::string(LMP_BIN_DIR) + "/letmepost-adapter-check",
                                   std::string(LMP_PLUGIN_DIR) + "/letmepost-pinterest.so",
                                   "--fixtures", s.path("fixtures")});
  const std::string out = checker.read_all();
  INFO(out);
  CHECK(checker.wait() == 0);
  CHECK(out.find("PASS fixture:publish-429:") != std::string::npos);
  CHECK(out.find("PASS cancellation:") != std::string::npos);
}
