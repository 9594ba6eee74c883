// The example adapter: publishes a post's text and one image to a webhook-style endpoint as one
// multipart/form-data POST, through the host's HTTP service. Start a new adapter by copying this
// folder (docs/adapter-guide.md walks through it).
#include <cctype>
#include <filesystem>
#include <vector>

#include "letmepost/adapter.hpp"
#include "webhook.hpp"

namespace webhook {

namespace json = boost::json;

namespace {

constexpr size_t kMaxTextChars = 2000;

// Ends the operation with error object e (the helper reports it through call_set_error).
[[noreturn]] void fail(const json::object &e) {
  throw letmepost::Error(json::serialize(e));
}

// A JSON object from the host, or adapter.invalid_request (config.invalid_value for config).
json::object parse_object(std::string_view text, std::string_view code) {
  json::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec || !v.is_object()) fail(error(code, "Expected a JSON object from the host."));
  return std::move(v.as_object());
}

// The string at o[key], or "" when it is absent or not a string.
std::string text_of(const json::object &o, std::string_view key) {
  const json::value *v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

// Characters, not bytes: UTF-8 continuation bytes do not count.
size_t char_count(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool supported_image(std::string_view content_type) {
  return content_type == "image/jpeg" || content_type == "image/png";
}

}  // namespace

class Adapter {
 public:
  static const char *describe_json() { return webhook::describe_json(); }

  // Reads platforms.example: url (the default endpoint) and timeout_ms.
  Adapter(letmepost::Call &, std::string_view config) {
    const json::object c =
        config.empty() ? json::object() : parse_object(config, "config.invalid_value");
    for (const auto &[key, value] : c) {
      if (key == "url" && value.is_string()) {
        default_url_ = value.get_string();
      } else if (key == "timeout_ms" && value.is_int64() && value.get_int64() >= 1000) {
        timeout_ms_ = value.get_int64();
      } else if (key == "url" || key == "timeout_ms") {
        fail(
            error("config.invalid_value",
                  key == "url" ? "url must be a string." : "timeout_ms must be an integer >= 1000.",
                  key));
      } else {
        fail(error("config.unknown_key", "Unknown key '" + std::string(key) + "'.", key));
      }
    }
  }

  // Lists every problem of the target; an empty list means publish may go ahead.
  int preflight(letmepost::Call &call, std::string_view request) {
    json::array errors;
    for (auto &e : problems(parse_object(request, "adapter.invalid_request"))) errors.push_back(e);
    call.set_result(json::serialize(json::object{{"errors", std::move(errors)}}));
    return LMP_OK;
  }

  // POSTs text, postId and the image (streamed from disk by the host) to the endpoint.
  int publish(letmepost::Call &call, std::string_view request) {
    const json::object req = parse_object(request, "adapter.invalid_request");
    if (auto found = problems(req); !found.empty()) fail(found.front());

    json::array parts{json::object{{"name", "text"}, {"value", text_of(req, "text")}},
                      json::object{{"name", "postId"}, {"value", text_of(req, "postId")}}};
    if (const json::value *media = req.if_contains("media"); media && media->is_array()) {
      for (const json::value &m : media->get_array()) {
        const std::string path = text_of(m.as_object(), "path");
        parts.push_back(json::object{{"name", "image"},
                                     {"file", path},
                                     {"filename", std::filesystem::path(path).filename().string()},
                                     {"contentType", text_of(m.as_object(), "contentType")}});
      }
    }
    json::object headers{{"Accept", "application/json"}};
    const json::value *creds = req.if_contains("credentials");
    if (creds && creds->is_object()) {
      // The token goes only into this header; the host redacts it from every log line.
      if (std::string token = text_of(creds->get_object(), "accessToken"); !token.empty()) {
        headers["Authorization"] = "Bearer " + token;
      }
    }
    const json::object http{{"method", "POST"},
                            {"url", endpoint(req)},
                            {"headers", std::move(headers)},
                            {"body", json::object{{"multipart", std::move(parts)}}},
                            {"timeoutMs", timeout_ms_}};

    call.log(LMP_LOG_DEBUG, "posting to the webhook endpoint");
    letmepost::HttpResponse reply;
    const int rc = call.http(json::serialize(http), reply);
    if (rc == LMP_CANCELLED) return LMP_CANCELLED;
    if (rc != LMP_OK) {
      json::error_code ec;
      json::value why = json::parse(reply.transport_error(), ec);
      const std::string kind = !ec && why.is_object() ? text_of(why.as_object(), "kind") : "other";
      fail(error("example.unreachable", "No reply from the endpoint (" + kind + ")."));
    }
    if (reply.status() < 200 || reply.status() > 299) {
      fail(error_for_reply(reply.status(), reply.header("Retry-After"), reply.body()));
    }
    json::error_code ec;
    json::value body = json::parse(reply.body(), ec);
    const json::object *o = ec ? nullptr : body.if_object();
    if (!o || text_of(*o, "id").empty()) {
      fail(error("example.bad_reply", "The endpoint's reply has no JSON \"id\"."));
    }
    const std::string url = text_of(*o, "url");
    call.set_result(
        json::serialize(json::object{{"id", text_of(*o, "id")},
                                     {"url", url.empty() ? json::value() : json::value(url)},
                                     {"raw", body}}));
    return LMP_OK;
  }

  // Maps {status, headers, body} the way publish does.
  int map_error(letmepost::Call &call, std::string_view request) {
    const json::object raw = parse_object(request, "adapter.invalid_request");
    const json::value *status = raw.if_contains("status");
    std::optional<std::string_view> retry_after;
    std::string header;
    if (const json::value *h = raw.if_contains("headers"); h && h->is_object()) {
      for (const auto &[name, value] : h->get_object()) {
        std::string lower(name);
        for (char &c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (lower == "retry-after" && value.is_string()) header = value.get_string();
      }
    }
    if (!header.empty()) retry_after = header;
    const int code = status && status->is_int64() ? static_cast<int>(status->get_int64()) : 0;
    call.set_error(json::serialize(error_for_reply(code, retry_after, text_of(raw, "body"))));
    return LMP_ERROR;
  }

 private:
  // The account's api_base_url wins over platforms.example.url.
  std::string endpoint(const json::object &req) const {
    const json::value *account = req.if_contains("account");
    std::string url = account && account->is_object() ? text_of(account->get_object(), "apiBaseUrl")
                                                      : std::string();
    return url.empty() ? default_url_ : url;
  }

  std::vector<json::object> problems(const json::object &req) const {
    std::vector<json::object> found;
    const std::string url = endpoint(req);
    if (url.empty()) {
      found.push_back(
          error("example.url_missing", "Set the account's api_base_url or platforms.example.url."));
    } else if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) {
      found.push_back(error("example.url_invalid", "The endpoint must be an http(s) URL."));
    }
    if (char_count(text_of(req, "text")) > kMaxTextChars) {
      found.push_back(
          error("example.text_too_long", "The text is longer than 2000 characters.", "text"));
    }
    const json::value *media = req.if_contains("media");
    if (!media || !media->is_array()) return found;
    const json::array &items = media->get_array();
    if (items.size() > 1) {
      found.push_back(error("example.too_many_media", "At most one image per post.", "media"));
    }
    for (size_t i = 0; i < items.size(); ++i) {
      const json::object *m = items[i].if_object();
      if (!m || text_of(*m, "type") != "image" || text_of(*m, "path").empty() ||
          !supported_image(text_of(*m, "contentType"))) {
        found.push_back(error("example.media_unsupported",
                              "Only a local JPEG or PNG image can be sent.",
                              "media[" + std::to_string(i) + "]"));
      }
    }
    return found;
  }

  std::string default_url_;
  int64_t timeout_ms_ = 30000;
};

}  // namespace webhook

LMP_DEFINE_ADAPTER(webhook::Adapter)
