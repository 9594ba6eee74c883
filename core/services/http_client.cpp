#include "core/services/http_client.hpp"

#include <algorithm>
#include <chrono>
#include <variant>

#include "core/net/url.hpp"
#include "core/services/http_request.hpp"
#include "core/services/http_request_fields.hpp"
#include "core/services/http_transfer.hpp"

namespace lmp {
namespace {

using Clock = std::chrono::steady_clock;
namespace kind = http_error_kind;

using http_fields::iequals;

HttpReply failure(HttpTransportError error, std::string effective_url = {}) {
  HttpReply reply;
  reply.transport_error.emplace(std::move(error.kind), std::move(error.message));
  reply.effective_url = std::move(effective_url);
  return reply;
}

bool is_followed_redirect(int status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

void drop_headers(std::vector<std::pair<std::string, std::string>> &headers,
                  std::initializer_list<std::string_view> names) {
  std::erase_if(headers, [&](const auto &h) {
    return std::any_of(names.begin(), names.end(), [&](auto n) { return iequals(h.first, n); });
  });
}

// Every address of the hop's host: the literal itself, or what the resolver says.
std::variant<std::vector<ResolvedAddress>, HttpTransportError> addresses_of(
    const Url &url, Resolver &resolver, const std::string &what) {
  if (auto literal = ResolvedAddress::from_ip(url.host, url.port)) {
    return std::vector<ResolvedAddress>{*literal};
  }
  try {
    auto addresses = resolver.resolve(url.host, url.port);
    if (!addresses.empty()) return addresses;
    return HttpTransportError{kind::kDns, what + ": host '" + url.host + "' has no address"};
  } catch (const std::exception &e) {
    return HttpTransportError{kind::kDns, what + ": " + e.what()};
  }
}

// The SSRF guard: every address must be public, or the hop is refused before any connect.
std::optional<HttpTransportError> refuse_non_public(
    const std::vector<ResolvedAddress> &addresses, const Url &url, const std::string &what,
    const std::function<AddressVerdict(const sockaddr *)> &classify) {
  const bool literal = ResolvedAddress::from_ip(url.host, 0).has_value();
  for (const ResolvedAddress &a : addresses) {
    const AddressVerdict verdict = classify(a.address());
    if (verdict.is_public()) continue;
    const std::string where =
        literal ? "" : "host '" + url.host + "' resolves to a non-public address: ";
    return HttpTransportError{kind::kBlockedAddress,
                              what +
                                  ": blocked, an untrusted URL may only reach public addresses; " +
                                  where + verdict.describe()};
  }
  return std::nullopt;
}

}  // namespace

const std::string *HttpReply::header(std::string_view name) const {
  for (const auto &[key, value] : headers) {
    if (iequals(key, name)) return &value;
  }
  return nullptr;
}

HttpClient::HttpClient(HttpClientOptions options) : options_(std::move(options)) {
  if (!options_.resolver) options_.resolver = std::make_shared<SystemResolver>();
  if (!options_.classify) {
    options_.classify = [](const sockaddr *a) { return classify_address(a); };
  }
}

HttpReply HttpClient::send(const boost::json::value &request,
                           const std::function<bool()> &cancelled,
                           const std::function<void(uint64_t, uint64_t)> &progress,
                           bool allow_private_addresses) {
  return exchange(request, nullptr, cancelled, progress, allow_private_addresses);
}

HttpReply HttpClient::fetch(const boost::json::value &request,
                            const std::function<bool(std::string_view)> &sink,
                            const std::function<bool()> &cancelled,
                            const std::function<void(uint64_t, uint64_t)> &progress,
                            bool allow_private_addresses) {
  return exchange(request, &sink, cancelled, progress, allow_private_addresses);
}

HttpReply HttpClient::exchange(const boost::json::value &request,
                               const std::function<bool(std::string_view)> *sink,
                               const std::function<bool()> &cancelled,
                               const std::function<void(uint64_t, uint64_t)> &progress,
                               bool allow_private_addresses) {
  auto parsed = parse_http_request(request);
  if (auto *e = std::get_if<HttpTransportError>(&parsed)) return failure(std::move(*e));
  const HttpRequest &req = std::get<HttpRequest>(parsed);

  const bool guarded = req.untrusted_url && !allow_private_addresses;
  const int64_t total_ms = req.timeout_ms.value_or(options_.default_timeout_ms);
  const int64_t connect_ms = req.connect_timeout_ms.value_or(options_.connect_timeout_ms);
  const auto deadline = Clock::now() + std::chrono::milliseconds(total_ms);
  const int64_t max_redirects =
      std::min<int64_t>(req.max_redirects, std::max(0, options_.max_redirects_cap));

  HttpHop hop;
  hop.method = req.method;
  hop.url = req.url;
  hop.body = &req.body;
  hop.headers = req.headers;
  hop.basic_auth = req.basic_auth ? &*req.basic_auth : nullptr;
  hop.range = req.range;
  hop.max_body_bytes = req.max_body_bytes;
  hop.user_agent = options_.user_agent;
  hop.body_sink = sink;

  for (int64_t redirects = 0;;) {
    const std::string what = hop.method + " " + hop.url.redacted();
    if (cancelled && cancelled()) return failure({kind::kCancelled, what + ": cancelled"});
    auto resolved = addresses_of(hop.url, *options_.resolver, what);
    if (auto *e = std::get_if<HttpTransportError>(&resolved)) {
      return failure(std::move(*e), hop.url.text);
    }
    const auto &addresses = std::get<std::vector<ResolvedAddress>>(resolved);
    if (guarded) {
      if (auto e = refuse_non_public(addresses, hop.url, what, options_.classify)) {
        return failure(std::move(*e), hop.url.text);
      }
    }

    HttpHopResult result;
    for (const ResolvedAddress &address : addresses) {
      const auto remaining =
          std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
      if (remaining <= 0) {
        return failure(
            {kind::kTimeout, what + ": timed out after " + std::to_string(total_ms) + " ms"},
            hop.url.text);
      }
      hop.address = address;
      hop.timeout_ms = remaining;
      hop.connect_timeout_ms = std::min<int64_t>(connect_ms, remaining);
      auto loan = pool_.acquire();
      result = run_http_hop(*loan, hop, cancelled, progress);
      if (!result.connect_failed) break;  // else nothing was sent: try the next address
    }
    if (result.error) return failure(std::move(*result.error), hop.url.text);

    if (req.follow_redirects && is_followed_redirect(result.status) &&
        !result.redirect_url.empty()) {
      if (redirects >= max_redirects) {
        return failure({kind::kTooManyRedirects,
                        what + ": gave up after " + std::to_string(max_redirects) + " redirects"},
                       hop.url.text);
      }
      ++redirects;
      auto next = parse_url(result.redirect_url);
      if (!next || (next->scheme != "http" && next->scheme != "https")) {
        return failure({kind::kOther, what + ": redirected to a URL that is not http(s)"},
                       hop.url.text);
      }
      if (!hop.url.same_origin(*next)) {
        // Credentials are for the origin they were given for, never for a redirect target.
        drop_headers(hop.headers, {"authorization", "proxy-authorization", "cookie"});
        hop.basic_auth = nullptr;
      }
      const bool to_get = (result.status == 303 && hop.method != "HEAD") ||
                          ((result.status == 301 || result.status == 302) && hop.method == "POST");
      if (to_get) {
        hop.method = "GET";
        hop.body = nullptr;
        drop_headers(hop.headers, {"content-type", "content-length"});
      }
      hop.url = std::move(*next);
      continue;
    }

    HttpReply reply;
    reply.status = result.status;
    reply.headers = std::move(result.headers);
    reply.body = std::move(result.body);
    reply.body_truncated = result.body_truncated;
    reply.effective_url = hop.url.text;
    return reply;
  }
}

}  // namespace lmp
