#include "core/config/config.hpp"

#include <cstdlib>

#include "core/util/redact.hpp"

namespace lmp {

std::string Location::to_string() const {
  if (line <= 0) return file;
  return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

const AccountConfig *Config::find_account(std::string_view id) const {
  for (const AccountConfig &a : accounts) {
    if (a.id == id) return &a;
  }
  return nullptr;
}

namespace {

// Messages are built from names and positions, but a value may slip in: hide any secret.
Error redacted(Error e) {
  e.message = redact(e.message);
  return e;
}

}  // namespace

ConfigError::ConfigError(Error e, Location at)
    : std::runtime_error(redact(e.message)), error(redacted(std::move(e))), where(std::move(at)) {}

std::optional<std::string> process_env(const std::string &name) {
  const char *value = std::getenv(name.c_str());
  if (!value) return std::nullopt;
  return std::string(value);
}

Config default_config() {
  return Config{};
}

}  // namespace lmp
