#include <catch2/catch.hpp>

#include "core/services/http_request.hpp"
#include "http_test_support.hpp"

using lmp::HttpBody;
using lmp::HttpRequest;
using lmp::HttpTransportError;
using lmp::http_test::TempDir;

namespace {

std::variant<HttpRequest, HttpTransportError> parse(const std::string &json) {
  return lmp::parse_http_request(boost::json::parse(json));
}

HttpRequest ok(const std::string &json) {
  auto r = parse(json);
  if (auto *e = std::get_if<HttpTransportError>(&r)) FAIL(e->kind + ": " + e->message);
  return std::get<HttpRequest>(r);
}

HttpTransportError error(const std::string &json) {
  auto r = parse(json);
  REQUIRE(std::holds_alternative<HttpTransportError>(r));
  return std::get<HttpTransportError>(r);
}

}  // namespace

TEST_CASE("a minimal request has the documented defaults", "[http]") {
  auto r = ok(R"({"method": "get", "url": "https://api.example/v5/pins"})");
  CHECK(r.method == "GET");
  CHECK(r.url.host == "api.example");
  CHECK(r.body.kind == HttpBody::Kind::kNone);
  CHECK_FALSE(r.follow_redirects);
  CHECK(r.max_redirects == 5);
  CHECK_FALSE(r.untrusted_url);
  CHECK(r.max_body_bytes == 16u * 1024 * 1024);
  CHECK_FALSE(r.timeout_ms);
  CHECK(r.range.empty());
}

TEST_CASE("every documented field is read", "[http]") {
  auto r = ok(R"({"method": "POST", "url": "http://a.example/p?x=1",
      "query": {"page size": "250", "n": 3, "b": true},
      "headers": {"Accept": "application/json", "X-Empty": ""},
      "basicAuth": {"user": "1234", "password": "secret"},
      "body": {"text": "hi"}, "timeoutMs": 1500, "connectTimeoutMs": 700,
      "followRedirects": true, "maxRedirects": 2, "untrustedUrl": true,
      "range": "0-1023", "maxBodyBytes": 10})");
  CHECK(r.url.query == "x=1&page%20size=250&n=3&b=true");
  REQUIRE(r.headers.size() == 2);
  CHECK(r.headers[1] == std::pair<std::string, std::string>{"X-Empty", ""});
  REQUIRE(r.basic_auth);
  CHECK(r.basic_auth->first == "1234");
  CHECK(r.body.kind == HttpBody::Kind::kBytes);
  CHECK(r.body.bytes == "hi");
  CHECK(r.body.content_type == "text/plain; charset=utf-8");
  CHECK(r.timeout_ms == 1500);
  CHECK(r.connect_timeout_ms == 700);
  CHECK(r.follow_redirects);
  CHECK(r.max_redirects == 2);
  CHECK(r.untrusted_url);
  CHECK(r.range == "0-1023");
  CHECK(r.max_body_bytes == 10);
}

TEST_CASE("malformed requests are bad_request, naming the field", "[http]") {
  struct Case {
    const char *json;
    const char *mentions;
  };
  for (const Case &c : {
           Case{R"([])", "JSON object"},
           Case{R"({"url": "http://a.example/"})", "'method'"},
           Case{R"({"method": "GET"})", "'url'"},
           Case{R"({"method": "G ET", "url": "http://a.example/"})", "'method'"},
           Case{R"({"method": "GET", "url": "ftp://a.example/"})", "http or https"},
           Case{R"({"method": "GET", "url": "not a url"})", "'url'"},
           Case{R"({"method": "GET", "url": "http://a.example/", "timeout": 5})", "'timeout'"},
           Case{R"({"method": "GET", "url": "http://a.example/", "timeoutMs": 0})", "timeoutMs"},
           Case{R"({"method": "GET", "url": "http://a.example/", "timeoutMs": 1.5})", "timeoutMs"},
           Case{R"({"method": "GET", "url": "http://a.example/", "maxRedirects": -1})",
                "maxRedirects"},
           Case{R"({"method": "GET", "url": "http://a.example/", "followRedirects": 1})",
                "followRedirects"},
           Case{R"({"method": "GET", "url": "http://a.example/", "range": "bytes=0-1"})",
                "'range'"},
           Case{R"({"method": "GET", "url": "http://a.example/", "query": {"a": null}})",
                "query.a"},
           Case{R"({"method": "GET", "url": "http://a.example/", "headers": {"Bad Name": "x"}})",
                "Bad Name"},
           Case{R"({"method": "GET", "url": "http://a.example/", "basicAuth": {"user": "u"}})",
                "basicAuth"},
           Case{R"({"method": "POST", "url": "http://a.example/", "body": {"xml": "<a/>"}})",
                "'body'"},
           Case{R"({"method": "POST", "url": "http://a.example/", "body": {"text": 5}})",
                "body.text"},
           Case{R"({"method": "POST", "url": "http://a.example/",
                    "body": {"json": {}, "extra": 1}})",
                "body.extra"},
           Case{R"({"method": "POST", "url": "http://a.example/", "body": {"form": {"a": []}}})",
                "body.form.a"},
           Case{R"({"method": "POST", "url": "http://a.example/",
                    "body": {"multipart": [{"name": "a"}]}})",
                "multipart[0]"},
           Case{R"({"method": "POST", "url": "http://a.example/",
                    "body": {"multipart": [{"value": "v"}]}})",
                "multipart[0].name"},
           Case{R"({"method": "POST", "url": "http://a.example/",
                    "body": {"json": {"a": [{"$base64File": 7}]}}})",
                "body.json.a[0]"},
           Case{R"({"method": "POST", "url": "http://a.example/",
                    "body": {"file": "/x", "offset": -1}})",
                "body.offset"},
       }) {
    INFO(c.json);
    auto e = error(c.json);
    CHECK(e.kind == "bad_request");
    CHECK_THAT(e.message, Catch::Contains(c.mentions));
  }
}

TEST_CASE("a header value is never echoed in an error", "[http]") {
  auto e = error(R"({"method": "GET", "url": "http://a.example/",
                     "headers": {"Authorization": "Bearer pina_SECRET\r\nX: y"}})");
  CHECK(e.kind == "bad_request");
  CHECK_THAT(e.message, Catch::Contains("Authorization"));
  CHECK(e.message.find("pina_SECRET") == std::string::npos);
}

TEST_CASE("json bodies embed $base64File objects as the file's base64", "[http]") {
  TempDir dir;
  for (size_t size : {0u, 1u, 2u, 3u, 4u, 49151u, 49152u, 49153u, 200000u}) {
    INFO(size);
    const std::string bytes = lmp::http_test::pattern_bytes(size);
    const std::string path = dir.write("f.bin", bytes);
    boost::json::value request = {
        {"method", "POST"},
        {"url", "http://a.example/"},
        {"body", {{"json", {{"keep", 1}, {"data", {{"nested", {{{"$base64File", path}}}}}}}}}}};
    auto r = lmp::parse_http_request(request);
    REQUIRE(std::holds_alternative<HttpRequest>(r));
    const auto &body = std::get<HttpRequest>(r).body;
    CHECK(body.content_type == "application/json");
    auto sent = boost::json::parse(body.bytes);
    CHECK(sent.at("keep") == 1);
    const auto &encoded = sent.at("data").at("nested").at(0).as_string();
    CHECK(lmp::http_test::base64_decode(std::string(encoded)) == bytes);
  }
}

TEST_CASE("unreadable files are io errors naming the path", "[http]") {
  TempDir dir;
  const std::string missing = dir.path("missing.png");
  for (const std::string &body : {R"({"json": {"d": {"$base64File": ")" + missing + R"("}}})",
                                  R"({"multipart": [{"name": "f", "file": ")" + missing + R"("}]})",
                                  R"({"file": ")" + missing + R"("})"}) {
    INFO(body);
    auto e = error(R"({"method": "POST", "url": "http://a.example/", "body": )" + body + "}");
    CHECK(e.kind == "io");
    CHECK_THAT(e.message, Catch::Contains(missing));
  }
  auto dir_as_file = error(R"({"method": "POST", "url": "http://a.example/", "body": {"file": ")" +
                           dir.path("") + R"("}})");
  CHECK(dir_as_file.kind == "io");
}

TEST_CASE("form bodies are URL-encoded in order", "[http]") {
  auto r = ok(R"({"method": "POST", "url": "http://a.example/",
                  "body": {"form": {"b": "x y&z", "a": 1, "é": "=/"}}})");
  CHECK(r.body.content_type == "application/x-www-form-urlencoded");
  CHECK(r.body.bytes == "b=x%20y%26z&a=1&%C3%A9=%3D%2F");
}

TEST_CASE("file bodies resolve offset and length against the file", "[http]") {
  TempDir dir;
  const std::string path = dir.write("v.bin", std::string(100, 'x'));
  const std::string head =
      R"({"method": "PUT", "url": "http://a.example/", "body": {"file": ")" + path + R"(")";
  auto whole = ok(head + "}}");
  CHECK(whole.body.kind == HttpBody::Kind::kFile);
  CHECK(whole.body.offset == 0);
  CHECK(whole.body.length == 100);
  CHECK(whole.body.content_type == "application/octet-stream");
  auto tail = ok(head + R"(, "offset": 60, "contentType": "video/mp4"}})");
  CHECK(tail.body.length == 40);
  CHECK(tail.body.content_type == "video/mp4");
  auto middle = ok(head + R"(, "offset": 10, "length": 20}})");
  CHECK(middle.body.offset == 10);
  CHECK(middle.body.length == 20);
  CHECK(error(head + R"(, "offset": 90, "length": 20}})").kind == "io");
  CHECK(error(head + R"(, "offset": 101}})").kind == "io");
}

TEST_CASE("multipart parts keep their order and options", "[http]") {
  TempDir dir;
  const std::string path = dir.write("v.mp4", "video");
  auto r = ok(R"({"method": "POST", "url": "http://a.example/", "body": {"multipart": [
      {"name": "key", "value": "v"}, {"name": "n", "value": 5},
      {"name": "file", "file": ")" +
              path + R"(", "filename": "x.mp4", "contentType": "video/mp4"}]}})");
  REQUIRE(r.body.parts.size() == 3);
  CHECK(r.body.parts[0].value == std::optional<std::string>("v"));
  CHECK(r.body.parts[1].value == std::optional<std::string>("5"));
  CHECK(r.body.parts[2].file == std::optional<std::string>(path));
  CHECK(r.body.parts[2].filename == std::optional<std::string>("x.mp4"));
  CHECK(r.body.parts[2].content_type == std::optional<std::string>("video/mp4"));
}
