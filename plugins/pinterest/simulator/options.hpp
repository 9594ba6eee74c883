// The simulator's command-line flags.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace lmp::sim {

// Everything the flags set; the defaults are what `letmepost-pinterest-sim` runs with.
struct SimOptions {
  std::uint16_t port = 0;                            // --port N (0 = any free port)
  std::string fixtures_path;                         // --fixtures FILE ("" = the built-in fixtures)
  std::string scenario_path;                         // --scenario FILE (faults armed at start-up)
  std::string environment = "sandbox";               // --environment sandbox|production
  std::chrono::seconds token_ttl{2592000};           // --token-ttl-s: access tokens (30 days)
  std::chrono::seconds refresh_token_ttl{5184000};   // --refresh-token-ttl-s (60 days)
  std::chrono::seconds code_ttl{600};                // --code-ttl-s: authorization codes
  std::chrono::milliseconds media_processing{3000};  // --media-processing-ms after upload
  std::chrono::seconds upload_policy_ttl{3600};      // --upload-policy-ttl-s
  std::uint64_t upload_max_bytes = 2147483648ull;    // --upload-max-bytes (policy range max)
  std::string keep_uploads_dir;  // --keep-uploads DIR: keep uploaded files there ("" = don't)
  int rate_limit_read = 1000;    // --rate-limit-read N: org_read calls per window per user
  int rate_limit_write = 100;    // --rate-limit-write N: org_write calls per window per user
  std::chrono::seconds rate_limit_window{60};  // --rate-limit-window-s
  std::chrono::milliseconds slow_page{2000};   // --slow-page-ms: delay of /dest/slow
  int threads = 4;                             // --threads N
  std::string log_level = "warn";              // --log-level trace|debug|info|warn|error|off
  std::size_t log_capacity = 100000;           // --log-capacity N: request-log entries kept
};

// A bad command line; what() names the flag.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Parses argv (without argv[0]). Returns nullopt for --help (after printing the usage to
// stdout). Throws UsageError for an unknown flag, a missing or malformed value.
std::optional<SimOptions> parse_options(const std::vector<std::string> &args);

// The --help text.
std::string usage_text();

}  // namespace lmp::sim
