// Tests of core/httpd's Server over loopback with libcurl. (They sit here, beside the client they
// use, because tests/core has no httpd folder.)
#include <curl/curl.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <condition_variable>
#include <future>
#include <mutex>

#include "core/httpd/server.hpp"
#include "support/http_client.hpp"

using lmp::httpd::BodyStream;
using lmp::httpd::Request;
using lmp::httpd::Response;
using lmp::httpd::Server;
using lmp::httpd::ServerOptions;
using lmp::test::TestHttp;

namespace {

// Echoes what the server parsed, as JSON.
Response echo(const Request &r) {
  boost::json::object params;
  for (const auto &[k, v] : r.query_params()) params[k] = v;
  return Response::json(200, {{"method", r.method},
                              {"path", r.path},
                              {"query", r.query},
                              {"params", params},
                              {"body", r.body},
                              {"xtest", r.header("x-TEST")},
                              {"chunked", r.chunked},
                              {"hasLength", r.content_length.has_value()}});
}

// Counts streamed bytes; stops reading after `stop_after` bytes when set.
class CountingStream : public BodyStream {
 public:
  explicit CountingStream(std::size_t stop_after) : stop_after_(stop_after) {}
  bool on_chunk(std::string_view data) override {
    count_ += data.size();
    return count_ < stop_after_;
  }
  Response finish() override { return Response::text(200, std::to_string(count_)); }

 private:
  std::size_t stop_after_;
  std::size_t count_ = 0;
};

}  // namespace

TEST_CASE("httpd server parses requests and answers", "[httpd]") {
  Server server(echo);
  server.start();
  REQUIRE(server.port() != 0);
  const std::string base = server.base_url();

  SECTION("query parameters are decoded, header lookup ignores case") {
    auto reply = TestHttp::get(base + "/a/b?x=1&name=a%20b+c&x=2", {{"X-Test", "yes"}});
    REQUIRE(reply.status == 200);
    auto json = reply.json().as_object();
    CHECK(json["path"] == "/a/b");
    CHECK(json["query"] == "x=1&name=a%20b+c&x=2");
    CHECK(json["params"].as_object()["name"] == "a b c");
    CHECK(json["params"].as_object()["x"] == "2");
    CHECK(json["xtest"] == "yes");
    CHECK(reply.header("content-type") == "application/json");
  }
  SECTION("a body with Content-Length is buffered") {
    auto reply = TestHttp::post(base + "/p", "hello=world");
    auto json = reply.json().as_object();
    CHECK(json["method"] == "POST");
    CHECK(json["body"] == "hello=world");
    CHECK(json["chunked"] == false);
    CHECK(json["hasLength"] == true);
  }
  SECTION("a chunked body is buffered and flagged") {
    auto json = TestHttp::post_chunked(base + "/p", std::string(100000, 'z')).json().as_object();
    CHECK(json["body"].as_string().size() == 100000);
    CHECK(json["chunked"] == true);
    CHECK(json["hasLength"] == false);
  }
  SECTION("HEAD gets the headers of GET without a body") {
    auto reply = TestHttp::request("HEAD", base + "/h");
    CHECK(reply.ok());
    CHECK(reply.status == 200);
    CHECK(reply.body.empty());
    CHECK(std::stoul(reply.header("Content-Length")) > 10);
  }
  SECTION("a malformed request gets 400") {
    auto reply = TestHttp::get(base + "/x", {{"Content-Length", "abc"}});
    CHECK(reply.status == 400);
  }
}

TEST_CASE("httpd server keeps connections alive", "[httpd]") {
  Server server(echo);
  server.start();
  CURL *curl = curl_easy_init();
  const std::string url = server.base_url() + "/k";
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(
      curl, CURLOPT_WRITEFUNCTION, +[](char *, size_t s, size_t n, void *) { return s * n; });
  long connects = -1;
  REQUIRE(curl_easy_perform(curl) == CURLE_OK);
  curl_easy_getinfo(curl, CURLINFO_NUM_CONNECTS, &connects);
  CHECK(connects == 1);
  REQUIRE(curl_easy_perform(curl) == CURLE_OK);
  curl_easy_getinfo(curl, CURLINFO_NUM_CONNECTS, &connects);
  CHECK(connects == 0);  // the second request reused the first connection
  curl_easy_cleanup(curl);
}

TEST_CASE("httpd server runs handlers concurrently", "[httpd]") {
  std::mutex mutex;
  std::condition_variable cv;
  int inside = 0;
  // Each handler waits until both requests are inside: this only finishes if they overlap.
  Server server([&](const Request &) {
    std::unique_lock lock(mutex);
    ++inside;
    cv.notify_all();
    const bool both = cv.wait_for(lock, std::chrono::seconds(20), [&] { return inside >= 2; });
    return Response::text(both ? 200 : 500, "");
  });
  server.start();
  auto a = std::async(std::launch::async, [&] { return TestHttp::get(server.base_url()); });
  auto b = std::async(std::launch::async, [&] { return TestHttp::get(server.base_url()); });
  CHECK(a.get().status == 200);
  CHECK(b.get().status == 200);
}

TEST_CASE("httpd server enforces the buffered body limit", "[httpd]") {
  ServerOptions options;
  options.body_limit = 1000;
  Server server(echo, options);
  server.start();
  CHECK(TestHttp::post(server.base_url(), std::string(1000, 'a')).status == 200);
  CHECK(TestHttp::post(server.base_url(), std::string(1001, 'a')).status == 413);
  CHECK(TestHttp::post_chunked(server.base_url(), std::string(5000, 'a')).status == 413);
}

TEST_CASE("httpd server streams bodies to a BodyStream", "[httpd]") {
  ServerOptions options;
  options.body_limit = 10;  // streamed bodies are not limited by it
  options.stream_for = [](const Request &head) -> std::unique_ptr<BodyStream> {
    if (head.path == "/stream") return std::make_unique<CountingStream>(SIZE_MAX);
    if (head.path == "/stop") return std::make_unique<CountingStream>(1);
    return nullptr;
  };
  Server server(echo, options);
  server.start();
  const std::string big(3u << 20, 'b');  // above curl's Expect: 100-continue threshold
  auto reply = TestHttp::post(server.base_url() + "/stream", big);
  CHECK(reply.status == 200);
  CHECK(reply.body == std::to_string(big.size()));
  auto chunked = TestHttp::post_chunked(server.base_url() + "/stream", big);
  CHECK(chunked.body == std::to_string(big.size()));
  // Stopping early still answers, and the connection is closed after the reply.
  auto stopped = TestHttp::post(server.base_url() + "/stop", "0123456789");
  CHECK(stopped.status == 200);
  CHECK(stopped.header("Connection") == "close");
}

TEST_CASE("httpd server applies response faults", "[httpd]") {
  Response planned;
  std::mutex mutex;
  Server server([&](const Request &) {
    std::lock_guard lock(mutex);
    return planned;
  });
  server.start();
  auto set = [&](Response r) {
    std::lock_guard lock(mutex);
    planned = std::move(r);
  };
  SECTION("drop_connection sends nothing") {
    Response r;
    r.drop_connection = true;
    set(r);
    auto reply = TestHttp::get(server.base_url());
    CHECK_FALSE(reply.ok());
    CHECK(reply.status == 0);
  }
  SECTION("truncate_body_at sends part of the advertised body") {
    Response r = Response::text(200, std::string(1000, 'x'));
    r.truncate_body_at = 10;
    set(r);
    auto reply = TestHttp::get(server.base_url());
    CHECK_FALSE(reply.ok());
    CHECK(reply.curl_code == CURLE_PARTIAL_FILE);
    CHECK(reply.body == std::string(10, 'x'));
    CHECK(reply.header("Content-Length") == "1000");
  }
  SECTION("delay still answers") {
    Response r = Response::text(202, "late");
    r.delay = std::chrono::milliseconds(20);
    set(r);
    auto reply = TestHttp::get(server.base_url());
    CHECK(reply.status == 202);
    CHECK(reply.body == "late");
  }
  SECTION("a handler that throws gives 500") {
    Server throwing([](const Request &) -> Response { throw std::runtime_error("secret"); });
    throwing.start();
    auto reply = TestHttp::get(throwing.base_url());
    CHECK(reply.status == 500);
    CHECK(reply.body.find("secret") == std::string::npos);
  }
  SECTION("204 carries no body or Content-Length") {
    set(Response::text(204, ""));
    auto reply = TestHttp::get(server.base_url());
    CHECK(reply.ok());
    CHECK(reply.status == 204);
    CHECK(reply.header("Content-Length").empty());
  }
}

TEST_CASE("httpd server stops cleanly with a client connected", "[httpd]") {
  auto server = std::make_unique<Server>(echo);
  server->start();
  const std::string url = server->base_url();
  REQUIRE(TestHttp::get(url).status == 200);
  server->stop();
  server->stop();
  CHECK_FALSE(TestHttp::get(url).ok());
  server.reset();
}
