// The log sink and init_logging: format, levels, and redaction of every line.
#include <spdlog/logger.h>
#include <spdlog/spdlog.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <boost/json.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/util/log.hpp"
#include "core/util/redact.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::Matches;

namespace {

// What `log` writes through make_log_sink into a temporary file.
template <class Fn>
std::string logged(bool json, Fn log) {
  std::FILE *f = std::tmpfile();
  REQUIRE(f);
  spdlog::logger logger("test", lmp::make_log_sink(f, json));
  logger.set_level(spdlog::level::trace);
  log(logger);
  std::rewind(f);
  std::string out;
  char buf[4096];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) out.append(buf, n);
  std::fclose(f);
  return out;
}

}  // namespace

TEST_CASE("text lines read [time] [level] message and are redacted", "[redact]") {
  lmp::register_secret("log-secret-token-1");
  const std::string out = logged(false, [](spdlog::logger &l) {
    l.info("refreshing with {} for account {}", "log-secret-token-1", "acc");
    l.warn("header Authorization: Bearer unregistered-tok");
  });
  CHECK_THAT(out, !Contains("log-secret-token-1"));
  CHECK_THAT(out, !Contains("unregistered-tok"));
  CHECK_THAT(
      out,
      Matches(
          R"(\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\] \[info\] refreshing with \[REDACTED\] for account acc\n)"
          R"(\[[^\]]+\] \[warning\] header Authorization: Bearer \[REDACTED\]\n)"));
}

TEST_CASE("json lines are one object each, redacted", "[redact]") {
  lmp::register_secret("json-secret-token-2");
  const std::string out = logged(true, [](spdlog::logger &l) {
    l.error("token json-secret-token-2 and {}", R"({"access_token":"unreg-3"})");
    l.debug("second line");
  });
  CHECK_THAT(out, !Contains("json-secret-token-2"));
  CHECK_THAT(out, !Contains("unreg-3"));
  std::istringstream lines(out);
  std::string line;
  REQUIRE(std::getline(lines, line));
  const boost::json::object first = boost::json::parse(line).as_object();
  CHECK(first.at("level") == "error");
  CHECK(first.at("msg") == R"(token [REDACTED] and {"access_token":"[REDACTED]"})");
  CHECK_THAT(std::string(first.at("time").as_string()),
             Matches(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)"));
  REQUIRE(std::getline(lines, line));
  CHECK(boost::json::parse(line).at("msg") == "second line");
  CHECK_FALSE(std::getline(lines, line));
}

TEST_CASE("log levels parse by name", "[redact]") {
  CHECK(lmp::log_level_from_name("info") == spdlog::level::info);
  CHECK(lmp::log_level_from_name("WARN") == spdlog::level::warn);
  CHECK(lmp::log_level_from_name("warning") == spdlog::level::warn);
  CHECK(lmp::log_level_from_name("error") == spdlog::level::err);
  CHECK(lmp::log_level_from_name("off") == spdlog::level::off);
  CHECK_FALSE(lmp::log_level_from_name("loud"));
  CHECK_FALSE(lmp::log_level_from_name(""));
  CHECK_THROWS_WITH(
      lmp::init_logging("loud", false),
      "unknown log level 'loud' (use trace, debug, info, warn, error, critical, off)");
}

TEST_CASE("init_logging sends the default logger to stderr, redacted", "[redact]") {
  const auto previous = spdlog::default_logger();
  std::FILE *capture = std::tmpfile();
  REQUIRE(capture);
  std::fflush(stderr);
  const int saved = ::dup(2);
  REQUIRE(saved >= 0);
  REQUIRE(::dup2(::fileno(capture), 2) == 2);

  lmp::register_secret("stderr-secret-5");
  lmp::init_logging("info", false);
  spdlog::debug("hidden by level");
  spdlog::info("client_secret=unreg-6 and stderr-secret-5");
  lmp::init_logging("error", true);
  spdlog::warn("hidden by level too");
  spdlog::error("Bearer unreg-7");

  std::fflush(stderr);
  ::dup2(saved, 2);
  ::close(saved);
  spdlog::set_default_logger(previous);

  std::rewind(capture);
  std::string out;
  char buf[4096];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, capture)) > 0;) out.append(buf, n);
  std::fclose(capture);
  CHECK_THAT(out, Contains("[info] client_secret=[REDACTED] and [REDACTED]\n"));
  CHECK_THAT(out, Contains(R"("level":"error","msg":"Bearer [REDACTED]")"));
  CHECK_THAT(out, !Contains("hidden"));
  CHECK_THAT(out, !Contains("unreg-"));
  CHECK_THAT(out, !Contains("stderr-secret-5"));
}

TEST_CASE("LogRequestId tags the thread's lines, text and JSON, and nests", "[redact]") {
  const std::string text = logged(false, [](spdlog::logger &l) {
    const lmp::LogRequestId outer("req-1");
    l.info("first");
    {
      const lmp::LogRequestId inner("req-2");
      l.info("second");
    }
    l.info("third");
  });
  CHECK_THAT(text, Contains("[info] [req-1] first\n"));
  CHECK_THAT(text, Contains("[info] [req-2] second\n"));
  CHECK_THAT(text, Contains("[info] [req-1] third\n"));
  const std::string json_lines = logged(true, [](spdlog::logger &l) {
    l.info("untagged");
    const lmp::LogRequestId tag("req-\"3");
    l.info("tagged");
  });
  std::istringstream in(json_lines);
  std::string first, second;
  std::getline(in, first);
  std::getline(in, second);
  CHECK_FALSE(boost::json::parse(first).as_object().contains("requestId"));
  CHECK(boost::json::parse(second).at("requestId") == "req-\"3");
  CHECK(boost::json::parse(second).at("msg") == "tagged");
}
