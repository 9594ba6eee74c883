#include "core/publish/crash_hook.hpp"

#include <signal.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdlib>

namespace lmp {

void crash_after(std::string_view step) {
  const char *want = std::getenv("LMP_TEST_CRASH_AFTER");
  if (!want || step != want) return;
  spdlog::warn("LMP_TEST_CRASH_AFTER={}: killing this process with SIGKILL", step);
  spdlog::default_logger()->flush();
  ::kill(::getpid(), SIGKILL);
}

}  // namespace lmp
