#include "plugins/pinterest/simulator/options.hpp"

#include <charconv>
#include <functional>
#include <iostream>
#include <map>

namespace lmp::sim {

namespace {

long long to_number(const std::string &flag, const std::string &text, long long min,
                    long long max) {
  long long value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || value < min || value > max) {
    throw UsageError(flag + " needs a whole number from " + std::to_string(min) + " to " +
                     std::to_string(max) + ", got '" + text + "'");
  }
  return value;
}

}  // namespace

std::string usage_text() {
  return R"(usage: letmepost-pinterest-sim [FLAGS]
Pinterest API v5 and its S3 upload endpoint, simulated on 127.0.0.1 (see docs/simulator.md).
The first line on stdout is "listening on http://127.0.0.1:PORT".

  --port N                  port to listen on, 0 = any free port (default 0)
  --fixtures FILE           users, tokens, apps, boards, sections (default: built in,
                            the same as config/simulator-fixtures.yaml)
  --scenario FILE           faults armed at start-up (YAML, see docs/simulator.md)
  --environment ENV         sandbox (default) or production: Trial users cannot create pins
                            in production (403, code 29)
  --token-ttl-s N           access-token lifetime in seconds (default 2592000 = 30 days)
  --refresh-token-ttl-s N   refresh-token lifetime in seconds (default 5184000 = 60 days)
  --code-ttl-s N            authorization-code lifetime in seconds (default 600)
  --media-processing-ms N   time a video upload stays "processing" (default 3000)
  --upload-policy-ttl-s N   lifetime of the presigned upload policy (default 3600)
  --upload-max-bytes N      the policy's content-length-range maximum (default 2147483648)
  --keep-uploads DIR        keep uploaded files in DIR (default: hash them, keep nothing)
  --rate-limit-read N       org_read calls per user per window (default 1000)
  --rate-limit-write N      org_write calls per user per window (default 100)
  --rate-limit-window-s N   rate-limit window in seconds (default 60)
  --slow-page-ms N          how long /dest/slow waits before answering (default 2000)
  --threads N               server threads (default 4)
  --log-level LEVEL         stderr log level: trace, debug, info, warn (default), error, off
  --log-capacity N          request-log entries kept, oldest dropped first (default 100000)
  --help                    this text
)";
}

std::optional<SimOptions> parse_options(const std::vector<std::string> &args) {
  SimOptions o;
  using Setter = std::function<void(const std::string &flag, const std::string &value)>;
  auto seconds = [](std::chrono::seconds &field) {
    return [&field](const std::string &f, const std::string &v) {
      field = std::chrono::seconds(to_number(f, v, 0, 100LL * 365 * 86400));
    };
  };
  auto millis = [](std::chrono::milliseconds &field) {
    return [&field](const std::string &f, const std::string &v) {
      field = std::chrono::milliseconds(to_number(f, v, 0, 86400000));
    };
  };
  auto count = [](int &field, long long min) {
    return [&field, min](const std::string &f, const std::string &v) {
      field = static_cast<int>(to_number(f, v, min, 1000000000));
    };
  };
  auto text = [](std::string &field) {
    return [&field](const std::string &, const std::string &v) { field = v; };
  };
  const std::map<std::string, Setter> flags = {
      {"--port",
       [&](const std::string &f, const std::string &v) {
         o.port = static_cast<std::uint16_t>(to_number(f, v, 0, 65535));
       }},
      {"--fixtures", text(o.fixtures_path)},
      {"--scenario", text(o.scenario_path)},
      {"--environment",
       [&](const std::string &f, const std::string &v) {
         if (v != "sandbox" && v != "production") {
           throw UsageError(f + " must be sandbox or production, got '" + v + "'");
         }
         o.environment = v;
       }},
      {"--token-ttl-s", seconds(o.token_ttl)},
      {"--refresh-token-ttl-s", seconds(o.refresh_token_ttl)},
      {"--code-ttl-s", seconds(o.code_ttl)},
      {"--media-processing-ms", millis(o.media_processing)},
      {"--upload-policy-ttl-s", seconds(o.upload_policy_ttl)},
      {"--upload-max-bytes",
       [&](const std::string &f, const std::string &v) {
         o.upload_max_bytes = static_cast<std::uint64_t>(to_number(f, v, 1, 1LL << 50));
       }},
      {"--keep-uploads", text(o.keep_uploads_dir)},
      {"--rate-limit-read", count(o.rate_limit_read, 0)},
      {"--rate-limit-write", count(o.rate_limit_write, 0)},
      {"--rate-limit-window-s",
       [&](const std::string &f, const std::string &v) {
         o.rate_limit_window = std::chrono::seconds(to_number(f, v, 1, 86400 * 366));
       }},
      {"--slow-page-ms", millis(o.slow_page)},
      {"--threads", count(o.threads, 1)},
      {"--log-level",
       [&](const std::string &f, const std::string &v) {
         static const char *levels[] = {"trace", "debug", "info", "warn", "error", "off"};
         if (std::find(std::begin(levels), std::end(levels), v) == std::end(levels)) {
           throw UsageError(f + " must be one of trace, debug, info, warn, error, off");
         }
         o.log_level = v;
       }},
      {"--log-capacity",
       [&](const std::string &f, const std::string &v) {
         o.log_capacity = static_cast<std::size_t>(to_number(f, v, 1, 100000000));
       }},
  };
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string flag = args[i];
    std::optional<std::string> value;
    if (const auto eq = flag.find('='); flag.rfind("--", 0) == 0 && eq != std::string::npos) {
      value = flag.substr(eq + 1);
      flag = flag.substr(0, eq);
    }
    if (flag == "--help" || flag == "-h") {
      std::cout << usage_text();
      return std::nullopt;
    }
    const auto it = flags.find(flag);
    if (it == flags.end()) throw UsageError("unknown flag '" + flag + "' (see --help)");
    if (!value) {
      if (i + 1 >= args.size()) throw UsageError(flag + " needs a value");
      value = args[++i];
    }
    it->second(flag, *value);
  }
  return o;
}

}  // namespace lmp::sim
