#include "core/util/log.hpp"

#include <spdlog/logger.h>
#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <cctype>
#include <ctime>
#include <mutex>
#include <stdexcept>

#include "core/util/redact.hpp"

namespace lmp {

namespace {

// UTC, millisecond precision: one format for both text and JSON lines.
struct LevelName {
  std::string_view name;  // lower-case
  spdlog::level::level_enum level;
  bool alias;  // accepted, but not listed in messages
};

constexpr std::array<LevelName, 8> kLevels = {{
    {"trace", spdlog::level::trace, false},
    {"debug", spdlog::level::debug, false},
    {"info", spdlog::level::info, false},
    {"warn", spdlog::level::warn, false},
    {"warning", spdlog::level::warn, true},
    {"error", spdlog::level::err, false},
    {"critical", spdlog::level::critical, false},
    {"off", spdlog::level::off, false},
}};

// The request id of the thread's current LogRequestId, "" outside one.
thread_local std::string current_request_id;

constexpr const char *kTextPattern = "[%Y-%m-%dT%H:%M:%S.%eZ] [%l] %v";

std::string rfc3339_utc(spdlog::log_clock::time_point t) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch());
  const std::time_t secs = static_cast<std::time_t>(ms.count() / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[40];
  const size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  return std::string(buf, n) + fmt::format(".{:03}Z", ms.count() % 1000);
}

class RedactingSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  RedactingSink(std::FILE *out, bool json) : out_(out), json_(json) {
    set_formatter_(
        std::make_unique<spdlog::pattern_formatter>(kTextPattern, spdlog::pattern_time_type::utc));
  }

 protected:
  void sink_it_(const spdlog::details::log_msg &msg) override {
    std::string line;
    if (json_) {
      const std::string_view payload(msg.payload.data(), msg.payload.size());
      const spdlog::string_view_t level_name = spdlog::level::to_string_view(msg.level);
      const std::string_view level(level_name.data(), level_name.size());
      // The message is redacted before escaping too, so secrets are found in their plain form.
      boost::json::object doc{
          {"time", rfc3339_utc(msg.time)}, {"level", level}, {"msg", redact(payload)}};
      if (!current_request_id.empty()) doc["requestId"] = current_request_id;
      line = redact(boost::json::serialize(doc)) + '\n';
    } else {
      spdlog::memory_buf_t buf;
      if (current_request_id.empty()) {
        formatter_->format(msg, buf);
      } else {
        const std::string tagged =
            "[" + current_request_id + "] " + std::string(msg.payload.data(), msg.payload.size());
        spdlog::details::log_msg copy = msg;
        copy.payload = tagged;
        formatter_->format(copy, buf);
      }
      line = redact(std::string_view(buf.data(), buf.size()));
    }
    std::fwrite(line.data(), 1, line.size(), out_);
    std::fflush(out_);
  }

  void flush_() override { std::fflush(out_); }

 private:
  std::FILE *out_;
  bool json_;
};

}  // namespace

std::optional<spdlog::level::level_enum> log_level_from_name(std::string_view name) {
  for (const LevelName &l : kLevels) {
    if (name.size() == l.name.size() &&
        std::equal(name.begin(), name.end(), l.name.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == b;
        })) {
      return l.level;
    }
  }
  return std::nullopt;
}

std::string log_level_names() {
  std::string names;
  for (const LevelName &l : kLevels) {
    if (l.alias) continue;
    if (!names.empty()) names += ", ";
    names += l.name;
  }
  return names;
}

LogRequestId::LogRequestId(std::string id) : previous_(std::move(current_request_id)) {
  current_request_id = std::move(id);
}

LogRequestId::~LogRequestId() {
  current_request_id = std::move(previous_);
}

std::shared_ptr<spdlog::sinks::sink> make_log_sink(std::FILE *out, bool json) {
  return std::make_shared<RedactingSink>(out, json);
}

void init_logging(const std::string &level, bool json) {
  const auto parsed = log_level_from_name(level);
  if (!parsed) {
    throw std::invalid_argument("unknown log level '" + redact(level) + "' (use " +
                                log_level_names() + ")");
  }
  auto logger = std::make_shared<spdlog::logger>("letmepost", make_log_sink(stderr, json));
  logger->set_level(*parsed);
  spdlog::set_default_logger(std::move(logger));
}

}  // namespace lmp
