// Typed, located reads from a parsed YAML document: each read expands `${VAR}`, checks the type
// and, on failure, throws ConfigError naming file:line:col and the YAML path.
#pragma once

#include <yaml-cpp/yaml.h>

#include <boost/json.hpp>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/config/config.hpp"

namespace lmp {

class YamlReader {
 public:
  // Errors name `file`; every key and item visited is recorded in `locations` (which must
  // outlive the reader).
  YamlReader(std::string file, EnvLookup getenv, std::map<std::string, Location> &locations);

  // Where `node` starts in the file.
  Location where(const YAML::Node &node) const;

  // Throws ConfigError{code, "<at>: <problem>", field = path}.
  [[noreturn]] void fail(std::string code, const Location &at, const std::string &path,
                         const std::string &problem) const;
  [[noreturn]] void fail(std::string code, const YAML::Node &at, const std::string &path,
                         const std::string &problem) const;

  // Calls fn(key, key_node, value, key_path) for each entry of the mapping `map`, in file order,
  // after recording where the key is. Fails unless `map` is a mapping whose keys are plain,
  // unique scalars (config.invalid_value, config.duplicate_key).
  using EntryFn = std::function<void(const std::string &key, const YAML::Node &key_node,
                                     const YAML::Node &value, const std::string &key_path)>;
  void for_each_entry(const YAML::Node &map, const std::string &path, const EntryFn &fn);

  // Calls fn(item, item_path) for each item of the sequence `seq` ("path[0]", ...), after
  // recording where the item is. Fails unless `seq` is a sequence.
  using ItemFn = std::function<void(const YAML::Node &item, const std::string &item_path)>;
  void for_each_item(const YAML::Node &seq, const std::string &path, const ItemFn &fn);

  // A scalar, `${VAR}` expanded.
  std::string text(const YAML::Node &node, const std::string &path) const;
  // text(), registered with register_secret().
  std::string secret(const YAML::Node &node, const std::string &path) const;
  // text(), which must be one of `allowed`.
  std::string one_of(const YAML::Node &node, const std::string &path,
                     std::initializer_list<std::string_view> allowed) const;
  // text(), which must be an absolute http:// or https:// URL.
  std::string http_url(const YAML::Node &node, const std::string &path) const;
  // A whole number within [min, max].
  int64_t integer(const YAML::Node &node, const std::string &path, int64_t min, int64_t max) const;
  // true or false (also True/TRUE, False/FALSE).
  bool boolean(const YAML::Node &node, const std::string &path) const;
  // A sequence of scalars, each expanded.
  std::vector<std::string> text_list(const YAML::Node &node, const std::string &path);
  // Any value as JSON (see Config::platforms for the types); plain scalars get their type after
  // expansion, quoted ones stay strings.
  boost::json::value json(const YAML::Node &node, const std::string &path);

  // Whether a key or item at `path` was seen.
  bool seen(const std::string &path) const;

 private:
  std::string file_;
  EnvLookup getenv_;
  std::map<std::string, Location> &locations_;
};

// "parent.key", or "key" at the top.
std::string yaml_path(const std::string &parent, std::string_view key);

}  // namespace lmp
