// The readers of each part of a config document (internal to core/config).
#pragma once

#include <filesystem>
#include <string>

#include "core/config/yaml_reader.hpp"

namespace lmp {

// Reads the top-level mapping `root` into `cfg`, paths as written (not yet resolved).
void read_document(YamlReader &r, const YAML::Node &root, Config &cfg);

// Read the lists `accounts`, `api_keys` and `webhooks` written at `path`, appending to `cfg`.
void read_accounts(YamlReader &r, const YAML::Node &list, const std::string &path, Config &cfg);
void read_api_keys(YamlReader &r, const YAML::Node &list, const std::string &path, Config &cfg);
void read_webhooks(YamlReader &r, const YAML::Node &list, const std::string &path, Config &cfg);

// Checks what one entry refers to elsewhere: every api_keys[].accounts[] names a configured
// account (config.invalid_value otherwise). Runs once the whole document is read.
void check_references(const YamlReader &r, const Config &cfg);

}  // namespace lmp
