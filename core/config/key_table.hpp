// Tables of the keys a config section accepts: each key's name next to the code that reads it,
// so adding a key is one line in one table (sections.cpp, entries.cpp).
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "core/config/yaml_reader.hpp"
#include "core/model/suggest.hpp"

namespace lmp {

// One accepted key of a section read into a T.
template <class T>
struct Key {
  std::string_view name;
  // Reads `value` (never null) written at `path` into `out`.
  void (*read)(YamlReader &r, const YAML::Node &value, const std::string &path, T &out);
};

namespace detail {

template <class T, size_t N, size_t... I>
std::optional<std::string> nearest_key(std::string_view word, const std::array<Key<T>, N> &keys,
                                       std::index_sequence<I...>) {
  return nearest_name(word, {keys[I].name...});
}

template <class T, size_t N>
std::string unknown_key_problem(const std::string &word, const std::array<Key<T>, N> &keys) {
  std::string problem = "unknown key '" + word + "'";
  if (auto near = nearest_key(word, keys, std::make_index_sequence<N>())) {
    return problem + "; did you mean '" + *near + "'?";
  }
  std::string names;
  for (const Key<T> &k : keys) names += (names.empty() ? "" : ", ") + std::string(k.name);
  return problem + "; known keys here: " + names;
}

}  // namespace detail

// Reads the mapping `map` at `path` into `out` through `keys`. A key written with no value
// (or ~) keeps its default. Fails with config.unknown_key (naming the nearest known key) for
// a key not in the table.
template <class T, size_t N>
void read_keys(YamlReader &r, const YAML::Node &map, const std::string &path,
               const std::array<Key<T>, N> &keys, T &out) {
  r.for_each_entry(map, path,
                   [&](const std::string &name, const YAML::Node &key_node, const YAML::Node &value,
                       const std::string &key_path) {
                     for (const Key<T> &k : keys) {
                       if (k.name != name) continue;
                       if (!value.IsNull()) k.read(r, value, key_path, out);
                       return;
                     }
                     r.fail("config.unknown_key", key_node, key_path,
                            detail::unknown_key_problem(name, keys));
                   });
}

}  // namespace lmp
