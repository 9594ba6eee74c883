// Logging: spdlog's default logger, writing to stderr through a sink that redacts every line.
#pragma once

#include <spdlog/common.h>
#include <spdlog/sinks/sink.h>

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace lmp {

// The spdlog level named `name` (trace, debug, info, warn, warning, error, critical, off; any
// case), or nullopt for any other name.
std::optional<spdlog::level::level_enum> log_level_from_name(std::string_view name);

// The accepted level names, comma-separated ("trace, debug, ..."), for error messages.
std::string log_level_names();

// A sink writing one line per message to `out` (which must outlive the sink), with redact()
// applied to the whole line. Text lines read "[2026-01-31T12:00:00.123Z] [info] message"; JSON
// lines are one object {"time", "level", "msg"} each, plus "requestId" under a LogRequestId.
// Flushes after every line. Thread-safe.
std::shared_ptr<spdlog::sinks::sink> make_log_sink(std::FILE *out, bool json);

// Tags every line the current thread logs, while this object lives, with a request id (the HTTP
// API's X-Request-Id): text lines read "[time] [level] [ID] message", JSON lines get
// "requestId". Nests: the previous id comes back when it is destroyed.
class LogRequestId {
 public:
  explicit LogRequestId(std::string id);
  ~LogRequestId();
  LogRequestId(const LogRequestId &) = delete;
  LogRequestId &operator=(const LogRequestId &) = delete;

 private:
  std::string previous_;
};

// Makes spdlog's default logger write to stderr through make_log_sink at `level`. May be called
// again to change level or format. Throws std::invalid_argument naming the accepted levels when
// `level` is not one of them (the logger is then left as it was).
void init_logging(const std::string &level, bool json);

}  // namespace lmp
