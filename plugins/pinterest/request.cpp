#include "plugins/pinterest/request.hpp"

#include "plugins/pinterest/errors.hpp"
#include "plugins/pinterest/time_text.hpp"

namespace pinterest {

namespace json = boost::json;

namespace {

const json::object *optional_object(const json::object &doc, std::string_view key,
                                    const std::string &path) {
  const json::value *v = doc.if_contains(key);
  if (!v || v->is_null()) return nullptr;
  if (!v->is_object()) invalid_request(path + " must be an object.", path);
  return &v->get_object();
}

std::optional<int64_t> optional_int(const json::object &doc, std::string_view key,
                                    const std::string &path) {
  const json::value *v = doc.if_contains(key);
  if (!v || v->is_null()) return std::nullopt;
  if (v->is_int64()) return v->get_int64();
  if (v->is_uint64() && v->get_uint64() <= uint64_t(INT64_MAX)) {
    return static_cast<int64_t>(v->get_uint64());
  }
  if (v->is_double() && v->get_double() == static_cast<double>(int64_t(v->get_double()))) {
    return static_cast<int64_t>(v->get_double());
  }
  invalid_request(path + " must be a whole number.", path);
}

std::optional<int64_t> optional_time(const json::object &doc, std::string_view key,
                                     const std::string &path) {
  auto s = optional_string(doc, key, path);
  if (!s || s->empty()) return std::nullopt;
  auto t = parse_time(*s);
  if (!t) invalid_request(path + " must be an RFC 3339 time.", path);
  return t;
}

// An id may arrive as a JSON number from a hand-written post; Pinterest ids are digit strings.
std::optional<std::string> optional_id(const json::object &doc, std::string_view key,
                                       const std::string &path) {
  const json::value *v = doc.if_contains(key);
  if (v && v->is_uint64()) return std::to_string(v->get_uint64());
  if (v && v->is_int64()) return std::to_string(v->get_int64());
  return optional_string(doc, key, path);
}

Account read_account(const json::object &doc) {
  Account a;
  const json::object *o = optional_object(doc, "account", "account");
  if (!o) return a;
  a.id = optional_string(*o, "id", "account.id").value_or("");
  a.environment = optional_string(*o, "environment", "account.environment").value_or("production");
  if (a.environment != "sandbox" && a.environment != "production") {
    invalid_request(
        "account.environment must be \"sandbox\" or \"production\", not \"" + a.environment + "\".",
        "account.environment");
  }
  a.api_base_url = optional_string(*o, "apiBaseUrl", "account.apiBaseUrl").value_or("");
  while (!a.api_base_url.empty() && a.api_base_url.back() == '/') a.api_base_url.pop_back();
  return a;
}

Credentials read_credentials(const json::object &doc) {
  Credentials c;
  const json::object *o = optional_object(doc, "credentials", "credentials");
  if (!o) return c;
  c.access_token = optional_string(*o, "accessToken", "credentials.accessToken").value_or("");
  c.refresh_token = optional_string(*o, "refreshToken", "credentials.refreshToken").value_or("");
  c.expires_at_ms = optional_time(*o, "expiresAt", "credentials.expiresAt");
  c.refresh_expires_at_ms =
      optional_time(*o, "refreshTokenExpiresAt", "credentials.refreshTokenExpiresAt");
  c.scope = optional_string(*o, "scope", "credentials.scope").value_or("");
  c.client_id = optional_string(*o, "clientId", "credentials.clientId").value_or("");
  c.client_secret = optional_string(*o, "clientSecret", "credentials.clientSecret").value_or("");
  return c;
}

PinOptions read_options(const json::object &doc) {
  PinOptions p;
  const json::object *o = optional_object(doc, "options", "options");
  if (!o) return p;
  p.board_id = optional_id(*o, "boardId", "options.boardId");
  p.board_name = optional_string(*o, "boardName", "options.boardName");
  p.section_id = optional_id(*o, "boardSectionId", "options.boardSectionId");
  p.title = optional_string(*o, "title", "options.title");
  p.destination_url = optional_string(*o, "destinationUrl", "options.destinationUrl");
  p.alt_text = optional_string(*o, "altText", "options.altText");
  return p;
}

std::vector<MediaItem> read_media(const json::object &doc) {
  std::vector<MediaItem> out;
  const json::value *v = doc.if_contains("media");
  if (!v || v->is_null()) return out;
  if (!v->is_array()) invalid_request("media must be an array.", "media");
  for (size_t i = 0; i < v->get_array().size(); ++i) {
    const std::string path = "media[" + std::to_string(i) + "]";
    const json::value &item = v->get_array()[i];
    if (!item.is_object()) invalid_request(path + " must be an object.", path);
    const json::object &o = item.get_object();
    MediaItem m;
    m.type = optional_string(o, "type", path + ".type").value_or("");
    m.url = optional_string(o, "url", path + ".url");
    m.path = optional_string(o, "path", path + ".path");
    m.content_type = optional_string(o, "contentType", path + ".contentType");
    m.size_bytes = optional_int(o, "sizeBytes", path + ".sizeBytes");
    m.width = optional_int(o, "width", path + ".width");
    m.height = optional_int(o, "height", path + ".height");
    m.title = optional_string(o, "title", path + ".title");
    m.link = optional_string(o, "link", path + ".link");
    m.alt_text = optional_string(o, "altText", path + ".altText");
    m.duration_ms = optional_int(o, "durationMs", path + ".durationMs");
    m.container = optional_string(o, "container", path + ".container");
    m.video_codec = optional_string(o, "videoCodec", path + ".videoCodec");
    m.sha256 = optional_string(o, "sha256", path + ".sha256");
    if (const json::object *c = optional_object(o, "cover", path + ".cover")) {
      m.cover = Cover{optional_string(*c, "path", path + ".cover.path"),
                      optional_string(*c, "url", path + ".cover.url"),
                      optional_string(*c, "contentType", path + ".cover.contentType")};
    }
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace

json::object parse_object(std::string_view text) {
  json::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec) invalid_request("The request is not valid JSON (" + ec.message() + ").");
  if (!v.is_object()) invalid_request("The request must be a JSON object.");
  return std::move(v.get_object());
}

std::optional<std::string> optional_string(const json::object &doc, std::string_view key,
                                           const std::string &path) {
  const json::value *v = doc.if_contains(key);
  if (!v || v->is_null()) return std::nullopt;
  if (!v->is_string()) invalid_request(path + " must be a string.", path);
  return std::string(v->get_string());
}

std::string required_string(const json::object &doc, std::string_view key,
                            const std::string &path) {
  auto s = optional_string(doc, key, path);
  if (!s || s->empty()) invalid_request(path + " is required.", path);
  return *s;
}

TargetRequest read_request(std::string_view text) {
  TargetRequest r;
  r.doc = parse_object(text);
  r.request_id = optional_string(r.doc, "requestId", "requestId").value_or("");
  r.account = read_account(r.doc);
  r.credentials = read_credentials(r.doc);
  r.text = optional_string(r.doc, "text", "text");
  r.options = read_options(r.doc);
  r.media = read_media(r.doc);
  return r;
}

}  // namespace pinterest
