#include "plugins/pinterest/error_map.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include "plugins/pinterest/errors.hpp"
#include "plugins/pinterest/rate_limit.hpp"
#include "plugins/pinterest/text.hpp"

namespace pinterest {

namespace json = boost::json;

namespace {

// The most of a body kept in platform.raw when it is not JSON.
constexpr size_t kMaxRawText = 64 * 1024;

// What the body said, read leniently.
struct Said {
  json::value code;     // Pinterest's integer code, S3's <Code> string, or null
  std::string message;  // Pinterest's message or S3's <Message>
  std::string detail;   // Pinterest's message_detail
  json::value raw;      // parsed JSON, or the text
  bool s3 = false;      // the body is an S3 XML <Error>
};

std::optional<std::string> xml_element(std::string_view body, std::string_view name) {
  const std::string open = "<" + std::string(name) + ">";
  const std::string close = "</" + std::string(name) + ">";
  const size_t a = body.find(open);
  if (a == std::string_view::npos) return std::nullopt;
  const size_t b = body.find(close, a + open.size());
  if (b == std::string_view::npos) return std::nullopt;
  return std::string(body.substr(a + open.size(), b - a - open.size()));
}

Said read_body(std::string_view body) {
  Said s;
  json::error_code ec;
  json::value v = json::parse(body, ec);
  if (!ec && !body.empty()) {
    s.raw = v;
    if (const auto *o = v.if_object()) {
      if (const auto *c = o->if_contains("code");
          c && (c->is_int64() || c->is_uint64() || c->is_string())) {
        s.code = *c;
      }
      if (const auto *m = o->if_contains("message"); m && m->is_string()) {
        s.message = std::string(m->get_string());
      }
      if (const auto *d = o->if_contains("message_detail"); d && d->is_string()) {
        s.detail = std::string(d->get_string());
      }
    }
    return s;
  }
  std::string text(body.substr(0, kMaxRawText));
  if (body.size() > kMaxRawText) text += "...[truncated]";
  s.raw = body.empty() ? json::value(nullptr) : json::value(text);
  if (body.find("<Error>") != std::string_view::npos) {
    if (auto code = xml_element(body, "Code")) {
      s.s3 = true;
      s.code = json::value(*code);
      s.message = xml_element(body, "Message").value_or("");
    }
  }
  return s;
}

std::optional<int64_t> int_code(const json::value &code) {
  if (code.is_int64()) return code.get_int64();
  if (code.is_uint64()) return static_cast<int64_t>(code.get_uint64());
  return std::nullopt;
}

struct Verdict {
  std::string code;
  std::optional<std::string> field;
};

Verdict for_404(const Said &said, Subject subject) {
  const std::optional<int64_t> code = int_code(said.code);
  if (code == 40) return {"pinterest.board.not_found", "options.boardId"};
  if (code == 2031) return {"pinterest.section.not_found", "options.boardSectionId"};
  if (code == 50) return {"pinterest.pin.not_found", std::nullopt};
  if (subject == Subject::kPin) return {"pinterest.pin.not_found", std::nullopt};
  if (contains_ci(said.message, "section")) {
    return {"pinterest.section.not_found", "options.boardSectionId"};
  }
  if (contains_ci(said.message, "board") || subject == Subject::kBoard) {
    return {"pinterest.board.not_found", "options.boardId"};
  }
  if (contains_ci(said.message, "pin not found")) return {"pinterest.pin.not_found", std::nullopt};
  return {"pinterest.not_found", std::nullopt};
}

Verdict for_status(int status, const Said &said, Subject subject) {
  const std::optional<int64_t> code = int_code(said.code);
  if (said.s3) {
    if (status >= 500) return {"pinterest.server_error", std::nullopt};
    if (contains_ci(said.message, "expired")) return {"pinterest.upload.policy_expired", {}};
    return {"pinterest.upload.rejected", std::nullopt};
  }
  if (subject == Subject::kToken || subject == Subject::kCode) {
    if (status == 401) return {"pinterest.auth.invalid_client", std::nullopt};
    if (status >= 400 && status < 500 && status != 429) {
      return {subject == Subject::kToken ? "pinterest.auth.reconnect_required"
                                         : "pinterest.auth.code_rejected",
              std::nullopt};
    }
  }
  switch (status) {
    case 400:
      if (code == 1 && (contains_ci(said.message, "url") || contains_ci(said.message, "link"))) {
        return {"pinterest.link.invalid", "options.destinationUrl"};
      }
      return {"pinterest.invalid_request", std::nullopt};
    case 401:
      if (code == 3) return {"pinterest.auth.missing_scope", std::nullopt};
      if (code == 7) return {"pinterest.access.forbidden", std::nullopt};
      return {"pinterest.auth.invalid_token", std::nullopt};
    case 403:
      if (code == 29 && contains_ci(said.message, "trial")) {
        return {"pinterest.access.trial_production", std::nullopt};
      }
      if (code == 233) return {"pinterest.image.too_small", std::nullopt};
      if (code == 235) return {"pinterest.image.broken", std::nullopt};
      return {"pinterest.access.forbidden", std::nullopt};
    case 404:
      return for_404(said, subject);
    case 408:
      return {"pinterest.network", std::nullopt};
    case 409:
      return {"pinterest.conflict", std::nullopt};
    case 413:
    case 422:
      return {"pinterest.invalid_request", std::nullopt};
    case 429:
      if (contains_ci(said.detail, "spam") || contains_ci(said.message, "spam")) {
        return {"pinterest.spam_blocked", std::nullopt};
      }
      return {"pinterest.rate_limited", std::nullopt};
    default:
      break;
  }
  if (status >= 500) return {"pinterest.server_error", std::nullopt};
  if (status >= 200 && status < 400) return {"pinterest.unexpected_reply", std::nullopt};
  return {"pinterest.unknown", std::nullopt};
}

std::string describe(const Reply &reply, const Said &said) {
  std::string out = "Pinterest answered HTTP " + std::to_string(reply.status);
  if (said.s3) out = "The upload endpoint answered HTTP " + std::to_string(reply.status);
  if (auto c = int_code(said.code)) {
    out += " (code " + std::to_string(*c) + ")";
  } else if (said.code.is_string()) {
    out += " (" + std::string(said.code.get_string()) + ")";
  }
  if (!said.message.empty()) out += ": " + said.message;
  if (!said.detail.empty() && said.detail != said.message) out += " (" + said.detail + ")";
  if (said.message.empty() && said.detail.empty()) out += " with no error message";
  if (out.back() != '.') out += '.';
  return out;
}

json::object transport_failure(const Reply &reply, Subject subject) {
  const std::string &kind = reply.transport_kind;
  // Once a pin request is on the wire, a timeout or reset leaves its outcome unknown.
  const bool maybe_sent = kind == "timeout" || kind == "reset" || kind == "other";
  const std::string code = subject == Subject::kPinCreate && maybe_sent
                               ? "pinterest.pin.outcome_unknown"
                               : "pinterest.network";
  std::string message = "No reply from Pinterest (" + (kind.empty() ? "other" : kind) + ")";
  if (!reply.transport_message.empty()) message += ": " + reply.transport_message;
  if (code == "pinterest.pin.outcome_unknown") {
    message += ". The pin may have been created; reconcile before retrying.";
  } else if (message.back() != '.') {
    message += '.';
  }
  json::object e = make_error(code, message);
  // A request the host could not even parse is the adapter's fault, not the network's.
  if (kind == "bad_request" || kind == "io") e["retryable"] = false;
  e["platform"] = json::object{{"httpStatus", nullptr},
                               {"code", kind.empty() ? json::value(nullptr) : json::value(kind)},
                               {"message", reply.transport_message},
                               {"requestId", nullptr},
                               {"raw", nullptr}};
  return e;
}

}  // namespace

json::object map_reply(const Reply &reply, Subject subject, int64_t now_ms, int64_t backoff_ms) {
  if (reply.status == 0) return transport_failure(reply, subject);
  const Said said = read_body(reply.body);
  const Verdict v = for_status(reply.status, said, subject);
  json::object e = make_error(v.code, describe(reply, said), v.field);
  if (v.code == "pinterest.rate_limited") {
    e["retryAfterMs"] = retry_after_ms(reply, now_ms).value_or(backoff_ms);
  } else if (v.code == "pinterest.server_error" || v.code == "pinterest.conflict") {
    if (auto ms = retry_after_ms(reply, now_ms)) e["retryAfterMs"] = *ms;
  }
  auto rid = reply.header("x-pinterest-rid");
  e["platform"] = json::object{
      {"httpStatus", reply.status},
      {"code", said.code},
      {"message", said.message.empty() ? json::value(nullptr) : json::value(said.message)},
      {"requestId", rid ? json::value(*rid) : json::value(nullptr)},
      {"raw", said.raw}};
  return e;
}

Reply reply_from_document(const json::value &doc) {
  const auto *o = doc.if_object();
  if (!o) invalid_request("map_error takes {\"status\", \"headers\", \"body\"}.");
  Reply r;
  const auto *status = o->if_contains("status");
  if (!status || !status->is_int64() || status->get_int64() < 0 || status->get_int64() > 999) {
    invalid_request("map_error: 'status' must be an HTTP status number.", "status");
  }
  r.status = static_cast<int>(status->get_int64());
  if (const auto *h = o->if_contains("headers"); h && !h->is_null()) {
    if (!h->is_object()) invalid_request("map_error: 'headers' must be an object.", "headers");
    for (const auto &kv : h->get_object()) {
      std::string name(kv.key());
      std::transform(name.begin(), name.end(), name.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      if (kv.value().is_string()) r.headers[name] = std::string(kv.value().get_string());
    }
  }
  if (const auto *b = o->if_contains("body"); b && !b->is_null()) {
    if (!b->is_string()) invalid_request("map_error: 'body' must be a string.", "body");
    r.body = std::string(b->get_string());
  }
  return r;
}

}  // namespace pinterest
