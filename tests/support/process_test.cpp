// Tests of the ChildProcess helper.
#include <signal.h>

#include <catch2/catch.hpp>

#include "support/process.hpp"

using lmp::test::ChildProcess;

TEST_CASE("ChildProcess captures stdout lines and the exit code", "[support]") {
  ChildProcess child({"sh", "-c", "echo first; echo \"$LMP_X\"; printf tail; exit 3"},
                     {.env = {"LMP_X=from-env"}});
  CHECK(child.read_line() == "first");
  CHECK(child.read_line() == "from-env");
  CHECK(child.read_all() == "tail");
  CHECK(child.wait() == 3);
  CHECK_FALSE(child.running());
}

TEST_CASE("ChildProcess reports a killed child and a missing line", "[support]") {
  ChildProcess child({"sh", "-c", "exec sleep 60"});
  CHECK(child.running());
  child.kill(SIGTERM);
  CHECK(child.wait() == 128 + SIGTERM);
  CHECK_THROWS_WITH(child.read_line(), Catch::Contains("stdout ended"));
}

TEST_CASE("ChildProcess refuses a program that does not exist", "[support]") {
  CHECK_THROWS_WITH(ChildProcess({"/nonexistent/program"}), Catch::Contains("/nonexistent"));
}
