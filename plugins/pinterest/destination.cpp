#include "plugins/pinterest/destination.hpp"

#include <boost/json.hpp>

#include "plugins/pinterest/client.hpp"

namespace pinterest {

namespace json = boost::json;

namespace {

json::object untrusted_request(const std::string &method, const std::string &url,
                               const Settings &settings, int64_t timeout_ms) {
  return json::object{{"method", method},
                      {"url", url},
                      {"headers", json::object{{"Accept", "*/*"}}},
                      {"timeoutMs", timeout_ms},
                      {"connectTimeoutMs", timeout_ms},
                      {"followRedirects", true},
                      {"maxRedirects", settings.max_redirects},
                      {"untrustedUrl", true}};
}

}  // namespace

std::string failure_reason(const Reply &r, int64_t timeout_ms) {
  if (r.status != 0) {
    if (r.status >= 300 && r.status < 400) {
      return "answered " + std::to_string(r.status) + " (a redirect that was not followed)";
    }
    return "answered " + std::to_string(r.status);
  }
  const std::string &k = r.transport_kind;
  std::string why;
  if (k == "dns") {
    why = "its host name does not resolve";
  } else if (k == "connect") {
    why = "refused the connection";
  } else if (k == "tls") {
    why = "failed the TLS handshake or certificate check";
  } else if (k == "timeout") {
    why = "did not answer within " + std::to_string(timeout_ms) + " ms";
  } else if (k == "too_many_redirects") {
    why = "redirects too many times (a loop, or more hops than allowed)";
  } else if (k == "blocked_address") {
    why =
        "resolves to a private or reserved address, which letmepost refuses to fetch (set "
        "network.allow_private_addresses for local testing)";
  } else if (k == "reset") {
    why = "dropped the connection";
  } else {
    why = "could not be fetched";
  }
  if (!r.transport_message.empty()) why += " (" + r.transport_message + ")";
  return why;
}

UrlCheck check_destination(letmepost::Call &call, const Settings &settings,
                           const std::string &url) {
  const int64_t timeout = settings.destination_timeout_ms;
  Reply r = send_http(call, untrusted_request("HEAD", url, settings, timeout));
  const bool head_refused =
      r.status == 405 || r.status == 501 || (r.status == 0 && r.transport_kind == "reset");
  if (head_refused) {
    json::object get = untrusted_request("GET", url, settings, timeout);
    get["maxBodyBytes"] = 1024;  // the status is all we need
    r = send_http(call, get);
  }
  if (r.ok()) return {true, ""};
  return {false, failure_reason(r, timeout)};
}

RemoteImage probe_remote_image(letmepost::Call &call, const Settings &settings,
                               const std::string &url) {
  const int64_t timeout = settings.media_check_timeout_ms;
  json::object req = untrusted_request("GET", url, settings, timeout);
  req["range"] = "0-" + std::to_string(settings.image_sniff_bytes - 1);
  req["maxBodyBytes"] = settings.image_sniff_bytes;
  Reply r = send_http(call, req);
  RemoteImage out;
  if (r.status == 416) {
    out.reason = "answered 416: it is empty";
    return out;
  }
  if (!r.ok()) {
    out.reason = failure_reason(r, timeout);
    return out;
  }
  out.reachable = true;
  out.sniffed = sniff_image(r.body);
  out.content_type = std::string(r.header("content-type").value_or(""));
  if (auto range = r.header("content-range"); r.status == 206 && range) {
    out.size_bytes = content_range_total(*range);
  } else if (auto length = r.header("content-length"); r.status == 200 && length) {
    try {
      out.size_bytes = std::stoll(std::string(*length));
    } catch (const std::exception &) {
      out.size_bytes.reset();
    }
  }
  return out;
}

}  // namespace pinterest
