#include "plugins/sdk/conformance/fixture.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace lmp::conformance {

namespace json = boost::json;
namespace fs = std::filesystem;

namespace {

[[noreturn]] void bad(const fs::path &file, const std::string &why) {
  throw std::runtime_error(file.string() + ": " + why);
}

json::value read_json(const fs::path &file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) bad(file, "cannot be read");
  std::stringstream text;
  text << in.rdbuf();
  json::error_code ec;
  json::value v = json::parse(text.str(), ec);
  if (ec) bad(file, "is not valid JSON (" + ec.message() + ")");
  return v;
}

std::string string_member(const json::object &o, const char *key, const fs::path &file) {
  const json::value *v = o.if_contains(key);
  if (!v || !v->is_string()) bad(file, std::string("needs a string \"") + key + "\"");
  return std::string(v->get_string());
}

// The values that are secrets per abi-json.md ("Credentials"), plus any the case lists.
std::vector<std::string> secrets_of(const json::object &doc, const fs::path &file) {
  std::vector<std::string> out;
  const json::value *request = doc.if_contains("request");
  const json::value *creds =
      request && request->is_object() ? request->as_object().if_contains("credentials") : nullptr;
  if (creds && creds->is_object()) {
    for (const char *key : {"accessToken", "refreshToken", "clientSecret"}) {
      const json::value *v = creds->as_object().if_contains(key);
      if (v && v->is_string() && !v->get_string().empty()) out.emplace_back(v->get_string());
    }
  }
  if (const json::value *extra = doc.if_contains("secrets")) {
    if (!extra->is_array()) bad(file, "\"secrets\" must be an array of strings");
    for (const json::value &s : extra->get_array()) {
      if (!s.is_string()) bad(file, "\"secrets\" must be an array of strings");
      out.emplace_back(s.get_string());
    }
  }
  return out;
}

// The bytes of standard padded base64 (binary bodies such as sniffed image bytes).
std::optional<std::string> base64_decoded(std::string_view text) {
  if (text.size() % 4 != 0) return std::nullopt;
  std::string out(text.size() / 4 * 3, '\0');
  const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char *>(out.data()),
                                reinterpret_cast<const unsigned char *>(text.data()),
                                static_cast<int>(text.size()));
  if (n < 0) return std::nullopt;
  // EVP_DecodeBlock counts the padding as zero bytes.
  size_t pad = 0;
  while (pad < 2 && pad < text.size() && text[text.size() - 1 - pad] == '=') ++pad;
  out.resize(static_cast<size_t>(n) - pad);
  return out;
}

Exchange exchange_of(const json::value &v, const fs::path &file) {
  if (!v.is_object()) bad(file, "each exchange must be an object");
  const json::object &o = v.get_object();
  Exchange e;
  e.method = string_member(o, "method", file);
  e.url = string_member(o, "url", file);
  const json::value *status = o.if_contains("status");
  if (!status || !status->is_int64()) bad(file, "each exchange needs an integer \"status\"");
  e.status = static_cast<int>(status->get_int64());
  if (const json::value *h = o.if_contains("headers")) {
    if (!h->is_object()) bad(file, "\"headers\" must be an object of strings");
    for (const auto &kv : h->get_object()) {
      if (!kv.value().is_string()) bad(file, "\"headers\" must be an object of strings");
    }
    e.headers = h->get_object();
  }
  if (const json::value *b = o.if_contains("body")) {
    e.body = b->is_string() ? std::string(b->get_string()) : json::serialize(*b);
  } else if (const json::value *b64 = o.if_contains("bodyBase64")) {
    if (!b64->is_string()) bad(file, "\"bodyBase64\" must be a string");
    auto bytes = base64_decoded(b64->get_string());
    if (!bytes) bad(file, "\"bodyBase64\" is not base64");
    e.body = std::move(*bytes);
  }
  try {
    std::regex check(e.url);
  } catch (const std::regex_error &) {
    bad(file, "\"" + e.url + "\" is not a valid regular expression");
  }
  return e;
}

Case load_case(const fs::path &dir) {
  Case c;
  c.name = dir.filename().string();
  const fs::path request_file = dir / "request.json";
  json::value doc = read_json(request_file);
  if (!doc.is_object()) bad(request_file, "must be an object {operation, request}");
  const std::string op = string_member(doc.get_object(), "operation", request_file);
  auto operation = operation_named(op);
  if (!operation) bad(request_file, "names the unknown operation \"" + op + "\"");
  c.operation = *operation;
  const json::value *request = doc.get_object().if_contains("request");
  if (!request) bad(request_file, "needs a \"request\" document");
  c.request = *request;
  c.secrets = secrets_of(doc.get_object(), request_file);

  const fs::path conversation_file = dir / "conversation.json";
  if (fs::exists(conversation_file)) {
    json::value conv = read_json(conversation_file);
    if (!conv.is_array()) bad(conversation_file, "must be an array of exchanges");
    for (const json::value &e : conv.get_array()) {
      c.conversation.push_back(exchange_of(e, conversation_file));
    }
  }
  const fs::path expected_file = dir / "expected.json";
  json::value expected = read_json(expected_file);
  if (!expected.is_object() ||
      (!expected.get_object().contains("result") && !expected.get_object().contains("error"))) {
    bad(expected_file, "must be {\"result\": {...}} or {\"error\": \"code\"}");
  }
  c.expected = expected.get_object();
  return c;
}

}  // namespace

std::optional<Operation> operation_named(std::string_view name) {
  for (int i = 0; i <= static_cast<int>(Operation::kRefreshCredentials); ++i) {
    auto op = static_cast<Operation>(i);
    if (name == operation_name(op)) return op;
  }
  return std::nullopt;
}

std::vector<Case> load_cases(const fs::path &dir) {
  if (!fs::is_directory(dir)) bad(dir, "is not a directory");
  std::vector<fs::path> dirs;
  for (const auto &entry : fs::directory_iterator(dir)) {
    if (entry.is_directory()) dirs.push_back(entry.path());
  }
  std::sort(dirs.begin(), dirs.end());
  std::vector<Case> cases;
  for (const auto &d : dirs) cases.push_back(load_case(d));
  if (cases.empty()) bad(dir, "holds no case directory");
  return cases;
}

json::object load_config(const fs::path &dir) {
  const fs::path file = dir / "config.json";
  if (!fs::exists(file)) return {};
  json::value v = read_json(file);
  if (!v.is_object()) bad(file, "must be a JSON object (the adapter's config section)");
  return v.get_object();
}

}  // namespace lmp::conformance
