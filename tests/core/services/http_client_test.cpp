// HttpClient against a real server on 127.0.0.1. Host names are answered by a StaticResolver, so
// no test resolves a name through DNS or reaches any address but loopback.
#include <atomic>
#include <catch2/catch.hpp>
#include <future>
#include <thread>

#include "core/httpd/server.hpp"
#include "core/net/resolver.hpp"
#include "core/services/http_client.hpp"
#include "http_test_support.hpp"

using lmp::HttpClient;
using lmp::HttpClientOptions;
using lmp::HttpReply;
using lmp::http_test::RecordingServer;
using lmp::http_test::TempDir;
using lmp::httpd::Request;
using lmp::httpd::Response;

namespace {

const std::string kBig = lmp::http_test::pattern_bytes(1000);

// The port part of the request's Host header, to build absolute redirect targets.
std::string port_of(const Request &r) {
  const std::string host = r.header("host");
  return host.substr(host.rfind(':') + 1);
}

Response route(const Request &r) {
  if (r.path == "/json") {
    return Response::json(200, {{"ok", true}}).set_header("X-Reply", "a");
  }
  if (r.path == "/delay") {
    Response slow = Response::text(200, "late");
    slow.delay = std::chrono::seconds(60);
    return slow;
  }
  if (r.path.rfind("/r/", 0) == 0) {
    const int left = std::stoi(r.path.substr(3));
    if (left == 0) return Response::text(200, "arrived");
    return Response::text(302, "").set_header("Location", "/r/" + std::to_string(left - 1));
  }
  if (r.path == "/303") return Response::text(303, "").set_header("Location", "/echo");
  if (r.path == "/307") return Response::text(307, "").set_header("Location", "/echo");
  if (r.path == "/cross") {
    return Response::text(302, "").set_header("Location",
                                              "http://other.test:" + port_of(r) + "/echo");
  }
  if (r.path == "/drop") {
    Response drop;
    drop.drop_connection = true;
    return drop;
  }
  if (r.path == "/truncate") {
    Response cut = Response::text(200, kBig, "application/octet-stream");
    cut.truncate_body_at = 10;
    return cut;
  }
  if (r.path == "/big") return Response::text(200, kBig, "application/octet-stream");
  return Response::text(200, "echo");
}

struct Fixture {
  std::shared_ptr<lmp::StaticResolver> resolver = std::make_shared<lmp::StaticResolver>();
  RecordingServer server{route};
  HttpClient client{options()};

  HttpClientOptions options() {
    resolver->add("api.test", {"127.0.0.1"});
    resolver->add("other.test", {"127.0.0.1"});
    HttpClientOptions o;
    o.resolver = resolver;
    return o;
  }
  std::string url(const std::string &path, const std::string &host = "api.test") const {
    return "http://" + host + ":" + std::to_string(server.port()) + path;
  }
  HttpReply send(boost::json::value request, const std::function<bool()> &cancelled = {},
                 const std::function<void(uint64_t, uint64_t)> &progress = {}) {
    return client.send(request, cancelled, progress, false);
  }
  HttpReply get(const std::string &path, boost::json::object extra = {}) {
    extra["method"] = "GET";
    extra["url"] = url(path);
    return send(extra);
  }
};

std::string kind_of(const HttpReply &r) {
  return r.transport_error ? r.transport_error->first : "";
}
std::string message_of(const HttpReply &r) {
  return r.transport_error ? r.transport_error->second : "";
}

}  // namespace

TEST_CASE_METHOD(Fixture, "GET returns status, lower-cased headers and body", "[http]") {
  auto reply = get("/json");
  REQUIRE_FALSE(reply.transport_error);
  CHECK(reply.status == 200);
  CHECK(boost::json::parse(reply.body) == boost::json::value{{"ok", true}});
  REQUIRE(reply.header("X-REPLY"));
  CHECK(*reply.header("x-reply") == "a");
  CHECK(std::any_of(reply.headers.begin(), reply.headers.end(),
                    [](const auto &h) { return h.first == "content-type"; }));
  CHECK(reply.header("x-missing") == nullptr);
  CHECK(reply.effective_url == url("/json"));
  auto seen = server.last();
  CHECK(seen.method == "GET");
  CHECK(seen.header("host") == "api.test:" + std::to_string(server.port()));
  CHECK(seen.header("user-agent") == "letmepost/" LMP_VERSION);
  CHECK_FALSE(seen.has_header("expect"));
}

TEST_CASE_METHOD(Fixture, "POST json sends the serialized value", "[http]") {
  auto reply = send({{"method", "POST"},
                     {"url", url("/echo")},
                     {"headers", {{"X-Custom", "1"}, {"Accept", "application/json"}}},
                     {"body", {{"json", {{"board_id", "1"}, {"n", 2}}}}}});
  REQUIRE(reply.status == 200);
  auto seen = server.last();
  CHECK(seen.method == "POST");
  CHECK(seen.header("content-type") == "application/json");
  CHECK(seen.header("x-custom") == "1");
  CHECK(boost::json::parse(seen.body) == boost::json::value{{"board_id", "1"}, {"n", 2}});
  CHECK(seen.content_length == seen.body.size());
}

TEST_CASE_METHOD(Fixture, "$base64File is embedded as the file's base64", "[http]") {
  TempDir dir;
  const std::string bytes = lmp::http_test::pattern_bytes(70001);
  const std::string path = dir.write("a.png", bytes);
  auto reply =
      send({{"method", "POST"},
            {"url", url("/echo")},
            {"body",
             {{"json",
               {{"media_source",
                 {{"source_type", "image_base64"}, {"data", {{"$base64File", path}}}}}}}}}});
  REQUIRE(reply.status == 200);
  auto sent = boost::json::parse(server.last().body);
  const auto &data = sent.at("media_source").at("data").as_string();
  CHECK(lmp::http_test::base64_decode(std::string(data)) == bytes);
}

TEST_CASE_METHOD(Fixture, "text and form bodies", "[http]") {
  send({{"method", "POST"},
        {"url", url("/echo")},
        {"body", {{"text", "plain words"}, {"contentType", "text/csv"}}}});
  CHECK(server.last().body == "plain words");
  CHECK(server.last().header("content-type") == "text/csv");

  send({{"method", "POST"},
        {"url", url("/echo")},
        {"body", {{"form", {{"grant_type", "refresh_token"}, {"note", "a b&c=d"}}}}}});
  auto seen = server.last();
  CHECK(seen.header("content-type") == "application/x-www-form-urlencoded");
  auto form = lmp::httpd::parse_form(seen.body);
  REQUIRE(form.size() == 2);
  CHECK(form[0] == std::pair<std::string, std::string>{"grant_type", "refresh_token"});
  CHECK(form[1] == std::pair<std::string, std::string>{"note", "a b&c=d"});
}

TEST_CASE_METHOD(Fixture, "multipart keeps part order and streams file parts with a length",
                 "[http]") {
  TempDir dir;
  const std::string video = lmp::http_test::pattern_bytes(300000);
  const std::string path = dir.write("clip.bin", video);
  auto reply = send({{"method", "POST"},
                     {"url", url("/upload")},
                     {"body",
                      {{"multipart",
                        {{{"name", "key"}, {"value", "uploads/abc"}},
                         {{"name", "policy"}, {"value", "p0l1cy"}},
                         {{"name", "file"},
                          {"file", path},
                          {"filename", "v.mp4"},
                          {"contentType", "video/mp4"}}}}}}});
  REQUIRE(reply.status == 200);
  auto seen = server.last();
  CHECK_FALSE(seen.chunked);
  REQUIRE(seen.content_length);
  CHECK(*seen.content_length == seen.body.size());
  CHECK_THAT(seen.header("content-type"), Catch::StartsWith("multipart/form-data; boundary="));
  const std::string &b = seen.body;
  const auto key = b.find("name=\"key\"\r\n\r\nuploads/abc\r\n");
  const auto policy = b.find("name=\"policy\"\r\n\r\np0l1cy\r\n");
  const auto file_head =
      b.find("name=\"file\"; filename=\"v.mp4\"\r\nContent-Type: video/mp4\r\n\r\n");
  REQUIRE(key != std::string::npos);
  REQUIRE(policy != std::string::npos);
  REQUIRE(file_head != std::string::npos);
  CHECK(key < policy);
  CHECK(policy < file_head);
  const auto data = b.find("\r\n\r\n", file_head) + 4;
  CHECK(b.compare(data, video.size(), video) == 0);
  CHECK(b.compare(data + video.size(), 4, "\r\n--") == 0);
}

TEST_CASE_METHOD(Fixture, "a raw file body streams the asked slice with progress", "[http]") {
  TempDir dir;
  const std::string bytes = lmp::http_test::pattern_bytes(3'000'000);
  const std::string path = dir.write("video.mp4", bytes);
  std::vector<std::pair<uint64_t, uint64_t>> seen_progress;
  auto reply = send(
      {{"method", "PUT"},
       {"url", url("/put")},
       {"body",
        {{"file", path}, {"offset", 1000}, {"length", 2'500'000}, {"contentType", "video/mp4"}}}},
      {}, [&](uint64_t done, uint64_t total) { seen_progress.emplace_back(done, total); });
  REQUIRE(reply.status == 200);
  auto seen = server.last();
  CHECK(seen.method == "PUT");
  CHECK(seen.header("content-type") == "video/mp4");
  CHECK_FALSE(seen.chunked);
  CHECK(seen.content_length == 2'500'000u);
  CHECK(seen.body == bytes.substr(1000, 2'500'000));
  REQUIRE_FALSE(seen_progress.empty());
  CHECK(seen_progress.back() == std::pair<uint64_t, uint64_t>{2'500'000, 2'500'000});
  CHECK(std::is_sorted(seen_progress.begin(), seen_progress.end()));
}

TEST_CASE_METHOD(Fixture, "query values are URL-encoded and appended", "[http]") {
  send({{"method", "GET"},
        {"url", url("/list?fixed=1")},
        {"query", {{"bookmark", "a b+c/d=&"}, {"page_size", 250}}}});
  auto seen = server.last();
  auto params = seen.query_params();
  CHECK(params["fixed"] == "1");
  CHECK(params["bookmark"] == "a b+c/d=&");
  CHECK(params["page_size"] == "250");
  CHECK(seen.query.find(' ') == std::string::npos);
}

TEST_CASE_METHOD(Fixture, "basicAuth builds the Authorization header", "[http]") {
  send({{"method", "POST"},
        {"url", url("/oauth/token")},
        {"basicAuth", {{"user", "1234"}, {"password", "s3cr:et"}}},
        {"body", {{"form", {{"code", "x"}}}}}});
  CHECK(server.last().header("authorization") == "Basic MTIzNDpzM2NyOmV0");
}

TEST_CASE_METHOD(Fixture, "range, HEAD and bodyless methods", "[http]") {
  get("/image", {{"range", "0-1023"}});
  CHECK(server.last().header("range") == "bytes=0-1023");

  auto head = send({{"method", "HEAD"}, {"url", url("/big")}});
  CHECK(head.status == 200);
  CHECK(head.body.empty());
  CHECK(server.last().method == "HEAD");

  send({{"method", "DELETE"}, {"url", url("/v5/pins/1")}});
  CHECK(server.last().method == "DELETE");
  CHECK(server.last().body.empty());

  send({{"method", "POST"}, {"url", url("/empty")}});
  CHECK(server.last().method == "POST");
  CHECK(server.last().content_length == 0u);
  CHECK_FALSE(server.last().has_header("content-type"));
}

TEST_CASE_METHOD(Fixture, "a server slower than timeoutMs gives kind timeout", "[http]") {
  auto reply = get("/delay", {{"timeoutMs", 150}});
  CHECK(kind_of(reply) == "timeout");
  CHECK(reply.status == 0);
  CHECK_THAT(message_of(reply), Catch::Contains("api.test"));
}

TEST_CASE_METHOD(Fixture, "redirects are followed up to maxRedirects", "[http]") {
  auto followed = get("/r/3", {{"followRedirects", true}});
  CHECK(followed.status == 200);
  CHECK(followed.body == "arrived");
  CHECK(followed.effective_url == url("/r/0"));
  CHECK(server.count() == 4);

  auto capped = get("/r/3", {{"followRedirects", true}, {"maxRedirects", 2}});
  CHECK(kind_of(capped) == "too_many_redirects");

  auto exact = get("/r/2", {{"followRedirects", true}, {"maxRedirects", 2}});
  CHECK(exact.status == 200);
}

TEST_CASE("the host caps maxRedirects", "[http]") {
  Fixture f;
  HttpClientOptions o;
  o.resolver = f.resolver;
  o.max_redirects_cap = 1;
  HttpClient capped(o);
  auto reply = capped.send(
      {{"method", "GET"}, {"url", f.url("/r/2")}, {"followRedirects", true}, {"maxRedirects", 5}},
      {}, {}, false);
  CHECK(kind_of(reply) == "too_many_redirects");
}

TEST_CASE_METHOD(Fixture, "a 3xx is returned as is unless followRedirects", "[http]") {
  auto reply = get("/r/1");
  CHECK(reply.status == 302);
  REQUIRE(reply.header("location"));
  CHECK(*reply.header("location") == "/r/0");
  CHECK(server.count() == 1);
}

TEST_CASE_METHOD(Fixture, "303 turns into GET, 307 repeats the method and body", "[http]") {
  auto see_other = send({{"method", "POST"},
                         {"url", url("/303")},
                         {"followRedirects", true},
                         {"body", {{"text", "payload"}}}});
  CHECK(see_other.status == 200);
  CHECK(server.last().method == "GET");
  CHECK(server.last().body.empty());
  CHECK_FALSE(server.last().has_header("content-type"));

  TempDir dir;
  const std::string path = dir.write("b.bin", "file-bytes");
  auto temporary = send({{"method", "PUT"},
                         {"url", url("/307")},
                         {"followRedirects", true},
                         {"body", {{"file", path}}}});
  CHECK(temporary.status == 200);
  auto all = server.received();
  REQUIRE(all.size() == 4);
  CHECK(all[2].body == "file-bytes");
  CHECK(all[3].method == "PUT");
  CHECK(all[3].body == "file-bytes");
}

TEST_CASE_METHOD(Fixture, "credentials are not sent to another origin", "[http]") {
  auto reply = send({{"method", "GET"},
                     {"url", url("/cross")},
                     {"followRedirects", true},
                     {"headers", {{"Authorization", "Bearer pina_x"}, {"X-Keep", "1"}}},
                     {"basicAuth", {{"user", "u"}, {"password", "p"}}}});
  CHECK(reply.status == 200);
  auto all = server.received();
  REQUIRE(all.size() == 2);
  CHECK(all[0].has_header("authorization"));
  CHECK(all[1].header("host") == "other.test:" + std::to_string(server.port()));
  CHECK_FALSE(all[1].has_header("authorization"));
  CHECK(all[1].header("x-keep") == "1");
}

TEST_CASE_METHOD(Fixture, "cancellation from another thread ends a waiting exchange", "[http]") {
  std::atomic<bool> cancel{false};
  std::thread canceller([&] {
    // Cancel once the server holds the request (it answers only after 60 s).
    while (server.count() == 0) std::this_thread::yield();
    cancel = true;
  });
  auto reply = send({{"method", "GET"}, {"url", url("/delay")}, {"timeoutMs", 120000}},
                    [&] { return cancel.load(); });
  canceller.join();
  CHECK(kind_of(reply) == "cancelled");

  auto before = send({{"method", "GET"}, {"url", url("/json")}}, [] { return true; });
  CHECK(kind_of(before) == "cancelled");
  CHECK(server.count() == 1);
}

TEST_CASE_METHOD(Fixture, "a dropped or cut connection gives kind reset", "[http]") {
  CHECK(kind_of(get("/drop")) == "reset");
  CHECK(kind_of(get("/truncate")) == "reset");
}

TEST_CASE_METHOD(Fixture, "maxBodyBytes keeps what fits and stops", "[http]") {
  auto cut = get("/big", {{"maxBodyBytes", 100}});
  REQUIRE_FALSE(cut.transport_error);
  CHECK(cut.status == 200);
  CHECK(cut.body == kBig.substr(0, 100));
  CHECK(cut.body_truncated);

  auto whole = get("/big", {{"maxBodyBytes", 1000}});
  CHECK(whole.body == kBig);
  CHECK_FALSE(whole.body_truncated);
}

TEST_CASE_METHOD(Fixture, "dns, connect and tls failures have their kinds", "[http]") {
  auto dns = send({{"method", "GET"}, {"url", url("/", "nowhere.test")}});
  CHECK(kind_of(dns) == "dns");
  CHECK_THAT(message_of(dns), Catch::Contains("nowhere.test"));

  // 127.0.0.2 is loopback too, but nothing listens there.
  resolver->add("closed.test", {"127.0.0.2"});
  CHECK(kind_of(send({{"method", "GET"}, {"url", url("/", "closed.test")}})) == "connect");

  auto tls =
      send({{"method", "GET"}, {"url", "https://api.test:" + std::to_string(server.port()) + "/"}});
  CHECK(kind_of(tls) == "tls");
}

TEST_CASE_METHOD(Fixture, "the next address is tried when one refuses the connection", "[http]") {
  resolver->add("two.test", {"127.0.0.2", "127.0.0.1"});
  auto reply = send({{"method", "GET"}, {"url", url("/json", "two.test")}});
  CHECK(reply.status == 200);
}

TEST_CASE_METHOD(Fixture, "error messages never hold header values or credentials", "[http]") {
  auto reply = send({{"method", "GET"},
                     {"url", url("/delay?access_token=QSECRET")},
                     {"timeoutMs", 100},
                     {"headers", {{"Authorization", "Bearer pina_TOPSECRET"}}},
                     {"basicAuth", {{"user", "client"}, {"password", "hunter2"}}}});
  REQUIRE(kind_of(reply) == "timeout");
  const std::string m = message_of(reply);
  CHECK_THAT(m, Catch::Contains("api.test"));
  for (const char *secret : {"QSECRET", "pina_TOPSECRET", "hunter2"}) {
    CHECK(m.find(secret) == std::string::npos);
  }
}

TEST_CASE_METHOD(Fixture, "requests from many threads share the client", "[http]") {
  std::vector<std::future<int>> results;
  for (int t = 0; t < 4; ++t) {
    results.push_back(std::async(std::launch::async, [&] {
      int ok = 0;
      for (int i = 0; i < 10; ++i) ok += get("/json").status == 200;
      return ok;
    }));
  }
  for (auto &r : results) CHECK(r.get() == 10);
  CHECK(server.count() == 40);
}

TEST_CASE_METHOD(Fixture, "a malformed request is refused before anything is sent", "[http]") {
  auto reply = send({{"method", "GET"}, {"url", url("/")}, {"body", {{"xml", "<a/>"}}}});
  CHECK(kind_of(reply) == "bad_request");
  CHECK(server.count() == 0);
}
