#include "plugins/pinterest/simulator/request_log.hpp"

#include <boost/json/parse.hpp>

namespace lmp::sim {

namespace {

constexpr std::size_t kLongString = 512;

std::string lower(std::string_view text) {
  std::string out(text);
  for (char &c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool matches(const LogEntry &e, const LogFilter &f) {
  return e.seq > f.since && (f.method.empty() || e.method == f.method) &&
         (f.path.empty() || e.path == f.path) &&
         (f.path_prefix.empty() || e.path.rfind(f.path_prefix, 0) == 0);
}

boost::json::value nullable(const std::string &text) {
  if (text.empty()) return nullptr;
  return boost::json::value(text);
}

}  // namespace

bool is_secret_name(std::string_view name) {
  static const char *secrets[] = {
      "access_token", "refresh_token", "client_secret",        "code",           "password",
      "token",        "authorization", "x-amz-security-token", "x-amz-signature"};
  const std::string n = lower(name);
  for (const char *s : secrets) {
    if (n == s) return true;
  }
  return false;
}

boost::json::value redact(boost::json::value value, bool shorten) {
  if (auto *obj = value.if_object()) {
    for (auto &[key, item] : *obj) {
      item =
          is_secret_name(key) ? boost::json::value("[redacted]") : redact(std::move(item), shorten);
    }
  } else if (auto *arr = value.if_array()) {
    for (auto &item : *arr) item = redact(std::move(item), shorten);
  } else if (auto *str = value.if_string(); shorten && str && str->size() > kLongString) {
    value = std::string(str->subview().substr(0, 64)) + "...[" + std::to_string(str->size()) +
            " characters]";
  }
  return value;
}

boost::json::value loggable_body(const httpd::Request &request) {
  if (request.body.empty()) return nullptr;
  const std::string type = lower(request.header("Content-Type"));
  if (type.find("json") != std::string::npos) {
    boost::system::error_code ec;
    auto parsed = boost::json::parse(request.body, ec);
    if (ec) return nullptr;
    return redact(std::move(parsed));
  }
  if (type.rfind("application/x-www-form-urlencoded", 0) == 0) {
    boost::json::object fields;
    for (auto &[k, v] : httpd::parse_form(request.body)) fields[k] = v;
    return redact(std::move(fields));
  }
  return nullptr;
}

boost::json::object loggable_query(const httpd::Request &request) {
  boost::json::object out;
  for (const auto &[k, v] : request.query_params()) out[k] = v;
  return redact(std::move(out)).as_object();
}

void RequestLog::add(LogEntry entry) {
  std::lock_guard lock(mutex_);
  entry.seq = next_seq_++;
  entries_.push_back(std::move(entry));
  while (entries_.size() > capacity_) entries_.pop_front();
}

boost::json::array RequestLog::to_json(const LogFilter &filter) const {
  std::lock_guard lock(mutex_);
  boost::json::array out;
  for (const auto &e : entries_) {
    if (!matches(e, filter)) continue;
    out.push_back(boost::json::object{{"seq", e.seq},
                                      {"time", iso_time_ms(e.time)},
                                      {"method", e.method},
                                      {"path", e.path},
                                      {"query", e.query},
                                      {"body", e.body},
                                      {"status", e.status},
                                      {"rid", e.rid},
                                      {"user", nullable(e.user)},
                                      {"route", nullable(e.route)},
                                      {"fault", nullable(e.fault)}});
  }
  return out;
}

void RequestLog::clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
}

}  // namespace lmp::sim
