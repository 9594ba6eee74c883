// The SSRF guard of HttpClient, end to end over loopback. Names are answered by a StaticResolver.
// Every refused address is listed AFTER 127.0.0.1, which these tests' classifier calls public:
// a guard that connected before checking every address would reach the loopback server (and be
// caught by its request count), never the refused address.
#include <atomic>
#include <catch2/catch.hpp>

#include "core/net/address_policy.hpp"
#include "core/net/resolver.hpp"
#include "core/services/http_client.hpp"
#include "core/services/http_transfer.hpp"
#include "http_test_support.hpp"

using lmp::AddressVerdict;
using lmp::HttpClient;
using lmp::HttpClientOptions;
using lmp::HttpReply;
using lmp::http_test::RecordingServer;
using lmp::httpd::Request;
using lmp::httpd::Response;

namespace {

// The real policy, except that 127.0.0.1 (exactly) stands in for a public host.
AddressVerdict loopback_server_is_public(const sockaddr *a) {
  AddressVerdict v = lmp::classify_address(a);
  if (v.address == "127.0.0.1") v.address_class = lmp::AddressClass::kPublic;
  return v;
}

// Counts the names it is asked, then answers from a StaticResolver.
class CountingResolver : public lmp::Resolver {
 public:
  lmp::StaticResolver table;
  std::atomic<int> calls{0};
  std::vector<lmp::ResolvedAddress> resolve(const std::string &host, uint16_t port) override {
    ++calls;
    return table.resolve(host, port);
  }
};

Response route(const Request &r) {
  if (r.path == "/hop") {
    // Redirects to the target given in the query, e.g. /hop?to=http://internal.test:PORT/secret
    return Response::text(302, "").set_header("Location", r.query_params()["to"]);
  }
  return Response::text(200, "reached " + r.path);
}

struct Guarded {
  std::shared_ptr<CountingResolver> resolver = std::make_shared<CountingResolver>();
  RecordingServer server{route};

  HttpClient client(bool loopback_stands_in_for_public) {
    HttpClientOptions o;
    o.resolver = resolver;
    if (loopback_stands_in_for_public) o.classify = loopback_server_is_public;
    return HttpClient(o);
  }
  std::string url(const std::string &host, const std::string &path = "/secret") const {
    return "http://" + host + ":" + std::to_string(server.port()) + path;
  }
  static HttpReply get(HttpClient &c, const std::string &url, bool allow_private = false,
                       bool follow = false) {
    return c.send({{"method", "GET"},
                   {"url", url},
                   {"untrustedUrl", true},
                   {"followRedirects", follow},
                   {"timeoutMs", 5000}},
                  {}, {}, allow_private);
  }
};

std::string kind_of(const HttpReply &r) {
  return r.transport_error ? r.transport_error->first : "";
}
std::string message_of(const HttpReply &r) {
  return r.transport_error ? r.transport_error->second : "";
}

}  // namespace

TEST_CASE_METHOD(Guarded, "every non-public address class is refused before any connect",
                 "[http][ssrf]") {
  auto c = client(true);
  struct Case {
    const char *ip;
    const char *class_name;
  };
  for (const Case &bad : {
           Case{"127.0.0.2", "loopback"},
           Case{"::1", "loopback"},
           Case{"10.0.0.5", "private"},
           Case{"172.16.4.4", "private"},
           Case{"192.168.1.10", "private"},
           Case{"fd00::5", "private"},
           Case{"169.254.10.10", "link-local"},
           Case{"fe80::1", "link-local"},
           Case{"100.64.1.1", "carrier-grade NAT"},
           Case{"224.0.0.251", "multicast"},
           Case{"ff02::fb", "multicast"},
           Case{"0.0.0.0", "unspecified"},
           Case{"::", "unspecified"},
           Case{"255.255.255.255", "broadcast"},
           Case{"240.1.2.3", "reserved"},
           Case{"192.0.2.10", "documentation"},
           Case{"2001:db8::10", "documentation"},
           Case{"198.18.0.10", "benchmarking"},
           Case{"169.254.169.254", "cloud metadata"},
           Case{"fd00:ec2::254", "cloud metadata"},
           Case{"::ffff:10.0.0.5", "IPv4-mapped IPv6"},
           Case{"::ffff:169.254.169.254", "cloud metadata"},
           Case{"64:ff9b::a00:5", "NAT64"},
       }) {
    INFO(bad.ip);
    resolver->table.add("target.test", {"127.0.0.1", bad.ip});
    auto reply = get(c, url("target.test"));
    CHECK(kind_of(reply) == "blocked_address");
    CHECK_THAT(message_of(reply), Catch::Contains(bad.class_name));
    CHECK_THAT(message_of(reply), Catch::Contains(std::string(" ") + bad.ip + " is "));
    CHECK_THAT(message_of(reply), Catch::Contains("target.test"));
    CHECK(server.count() == 0);
  }
}

TEST_CASE_METHOD(Guarded, "a name that resolves to loopback is refused by the real policy",
                 "[http][ssrf]") {
  auto c = client(false);
  resolver->table.add("loop.test", {"127.0.0.1"});
  auto reply = get(c, url("loop.test"));
  CHECK(kind_of(reply) == "blocked_address");
  CHECK_THAT(message_of(reply), Catch::Contains("127.0.0.1 is a loopback address"));
  CHECK(server.count() == 0);
}

TEST_CASE_METHOD(Guarded, "loopback literals in every spelling are refused", "[http][ssrf]") {
  auto c = client(false);
  for (const std::string host : {"127.0.0.1", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "2130706433",
                                 "0x7f.0.0.1", "127.1", "[::1]"}) {
    INFO(host);
    auto reply = get(c, url(host));
    CHECK(kind_of(reply) == "blocked_address");
  }
  CHECK_THAT(message_of(get(c, url("[::ffff:127.0.0.1]"))),
             Catch::Contains("IPv4-mapped IPv6 address of 127.0.0.1, a loopback address"));
  CHECK(server.count() == 0);
  CHECK(resolver->calls == 0);
}

TEST_CASE_METHOD(Guarded, "allow_private_addresses lets loopback through", "[http][ssrf]") {
  auto c = client(false);
  resolver->table.add("loop.test", {"127.0.0.1"});
  auto reply = get(c, url("loop.test"), /*allow_private=*/true);
  CHECK(reply.status == 200);
  CHECK(reply.body == "reached /secret");
  CHECK(server.count() == 1);
}

TEST_CASE_METHOD(Guarded, "trusted URLs are not guarded", "[http][ssrf]") {
  auto c = client(false);
  resolver->table.add("loop.test", {"127.0.0.1"});
  auto reply = c.send({{"method", "GET"}, {"url", url("loop.test")}}, {}, {}, false);
  CHECK(reply.status == 200);
}

TEST_CASE_METHOD(Guarded, "a redirect from an allowed hop to a private hop is refused",
                 "[http][ssrf]") {
  auto c = client(true);
  resolver->table.add("public.test", {"127.0.0.1"});
  resolver->table.add("internal.test", {"127.0.0.1", "10.0.0.5"});
  const std::string to_internal = url("public.test", "/hop?to=" + url("internal.test"));
  auto reply = get(c, to_internal, false, /*follow=*/true);
  CHECK(kind_of(reply) == "blocked_address");
  CHECK_THAT(message_of(reply), Catch::Contains("10.0.0.5 is a private address"));
  CHECK(reply.effective_url == url("internal.test"));
  auto seen = server.received();
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].path == "/hop");

  const std::string to_mapped =
      url("public.test", "/hop?to=http://[::ffff:127.0.0.1]:" + std::to_string(server.port()));
  auto mapped = get(c, to_mapped, false, true);
  CHECK(kind_of(mapped) == "blocked_address");
  CHECK_THAT(message_of(mapped), Catch::Contains("IPv4-mapped IPv6"));
  CHECK(server.count() == 2);

  // With private addresses allowed, the same chain is followed to the end.
  resolver->table.add("internal.test", {"127.0.0.1"});
  auto allowed = get(c, to_internal, /*allow_private=*/true, true);
  CHECK(allowed.status == 200);
  CHECK(allowed.body == "reached /secret");
}

TEST_CASE_METHOD(Guarded, "each hop is resolved once and the connection pinned to it",
                 "[http][ssrf]") {
  auto c = client(true);
  // No DNS answers *.test names: reaching the server at all proves libcurl used the checked
  // address rather than resolving the name itself.
  resolver->table.add("pinned.test", {"127.0.0.1"});
  auto one = get(c, url("pinned.test"));
  CHECK(one.status == 200);
  CHECK(resolver->calls == 1);
  auto two = get(c, url("pinned.test", "/hop?to=/secret"), false, true);
  CHECK(two.status == 200);
  CHECK(resolver->calls == 3);
}

TEST_CASE("a hop refuses any socket to an address other than the checked one", "[http][ssrf]") {
  // The backstop behind CURLOPT_CONNECT_TO: even if libcurl chose an address of its own, the
  // open-socket callback refuses it before connect().
  RecordingServer server(route);
  lmp::CurlPool pool;
  lmp::HttpHop hop;
  hop.method = "GET";
  hop.url = *lmp::parse_url("http://127.0.0.1:" + std::to_string(server.port()) + "/secret");
  hop.address = *lmp::ResolvedAddress::from_ip("127.0.0.2", server.port());
  hop.max_body_bytes = 1000;
  auto loan = pool.acquire();
  auto refused = lmp::run_http_hop(*loan, hop, {}, {});
  REQUIRE(refused.error);
  CHECK(refused.error->kind == "blocked_address");
  CHECK(refused.socket_refused);
  CHECK_FALSE(refused.connect_failed);
  CHECK(server.count() == 0);

  hop.address = *lmp::ResolvedAddress::from_ip("127.0.0.1", server.port());
  auto allowed = lmp::run_http_hop(*loan, hop, {}, {});
  CHECK_FALSE(allowed.error);
  CHECK(allowed.status == 200);
  CHECK(server.count() == 1);
}
