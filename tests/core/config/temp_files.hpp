// Test helpers: a temporary folder for config files, and a fake environment.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "core/config/config.hpp"
#include "support/scratch.hpp"

namespace lmp::test {

// A fresh folder removed with everything in it (the shared test scratch folder).
using TempDir = Scratch;

// An environment holding exactly `vars`.
inline EnvLookup fake_env(std::map<std::string, std::string> vars) {
  return [vars = std::move(vars)](const std::string &name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

}  // namespace lmp::test
