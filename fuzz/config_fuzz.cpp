// Fuzzes the YAML config loader: any file gives a Config or one ConfigError (a config.* code and
// a location in the file), never another exception or a crash.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "core/config/config.hpp"

namespace {

// A file of this process's own, rewritten for every input.
const std::filesystem::path &input_file() {
  static const std::filesystem::path p = std::filesystem::temp_directory_path() /
                                         ("lmp-config-fuzz-" + std::to_string(getpid()) + ".yaml");
  return p;
}

// ${FUZZ_SET} expands; every other variable is unset.
std::optional<std::string> env(const std::string &name) {
  if (name == "FUZZ_SET") return std::string("value");
  return std::nullopt;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  {
    std::ofstream out(input_file(), std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char *>(data), static_cast<std::streamsize>(size));
  }
  try {
    lmp::load_config(input_file(), env);
  } catch (const lmp::ConfigError &e) {
    if (e.error.code.rfind("config.", 0) != 0 || e.error.message.empty()) std::abort();
    if (e.where.file != input_file().string()) std::abort();
  }
  return 0;
}
