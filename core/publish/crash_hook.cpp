#include "core/publish/crash_hook.hpp"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdlib>

namespace lmp {

void crash_after(std::string_view step) {
  const char *want = std::getenv("LMP_TEST_CRASH_AFTER");
  if (!want || step != want) return;
  spdlog::warn("LMP_TEST_CRASH_AFTER={}: exiting with 137 as a crash would", step);
  spdlog::default_logger()->flush();
  ::_exit(137);
}

}  // namespace lmp
