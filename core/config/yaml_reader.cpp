#include "core/config/yaml_reader.hpp"

#include <charconv>
#include <set>

#include "core/config/interpolate.hpp"
#include "core/net/url.hpp"
#include "core/util/redact.hpp"

namespace lmp {

namespace {

const char *kind_name(const YAML::Node &node) {
  switch (node.Type()) {
    case YAML::NodeType::Map:
      return "a mapping";
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Null:
      return "nothing";
    default:
      return "a single value";
  }
}

std::optional<int64_t> parse_int(std::string_view s) {
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

std::optional<bool> parse_bool(std::string_view s) {
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  return std::nullopt;
}

// YAML 1.2 core schema floats, without .inf and .nan (JSON has neither).
std::optional<double> parse_float(std::string_view s) {
  if (s.find_first_not_of("0123456789+-.eE") != std::string_view::npos ||
      s.find_first_of("0123456789") == std::string_view::npos) {
    return std::nullopt;
  }
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

std::string yaml_path(const std::string &parent, std::string_view key) {
  return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

YamlReader::YamlReader(std::string file, EnvLookup getenv,
                       std::map<std::string, Location> &locations)
    : file_(std::move(file)), getenv_(std::move(getenv)), locations_(locations) {}

Location YamlReader::where(const YAML::Node &node) const {
  const YAML::Mark m = node.Mark();
  if (m.line < 0) return Location{file_, 0, 0};
  return Location{file_, m.line + 1, m.column + 1};
}

void YamlReader::fail(std::string code, const Location &at, const std::string &path,
                      const std::string &problem) const {
  throw ConfigError(make_error(std::move(code), at.to_string() + ": " + problem, path), at);
}

void YamlReader::fail(std::string code, const YAML::Node &at, const std::string &path,
                      const std::string &problem) const {
  fail(std::move(code), where(at), path, problem);
}

void YamlReader::for_each_entry(const YAML::Node &map, const std::string &path, const EntryFn &fn) {
  if (!map.IsMap()) {
    fail("config.invalid_value", map, path,
         (path.empty() ? std::string("the config") : "'" + path + "'") +
             " must be a mapping of keys to values, not " + kind_name(map));
  }
  std::set<std::string> keys;
  for (const auto &entry : map) {
    const YAML::Node &key_node = entry.first;
    if (!key_node.IsScalar()) {
      fail("config.invalid_value", key_node, path, "a key must be a plain name");
    }
    const std::string &key = key_node.Scalar();
    const std::string key_path = yaml_path(path, key);
    if (!keys.insert(key).second) {
      fail("config.duplicate_key", key_node, key_path,
           "key '" + key + "' appears twice; the earlier one is at " +
               locations_.at(key_path).to_string());
    }
    locations_[key_path] = where(key_node);
    fn(key, key_node, entry.second, key_path);
  }
}

void YamlReader::for_each_item(const YAML::Node &seq, const std::string &path, const ItemFn &fn) {
  if (!seq.IsSequence()) {
    fail("config.invalid_value", seq, path, "'" + path + "' must be a list, not " + kind_name(seq));
  }
  size_t index = 0;
  for (const YAML::Node &item : seq) {
    const std::string item_path = path + "[" + std::to_string(index++) + "]";
    locations_[item_path] = where(item);
    fn(item, item_path);
  }
}

std::string YamlReader::text(const YAML::Node &node, const std::string &path) const {
  if (!node.IsScalar()) {
    fail("config.invalid_value", node, path,
         "'" + path + "' must be a single value, not " + kind_name(node));
  }
  Expansion e = expand_variables(node.Scalar(), getenv_);
  if (!e.code.empty()) fail(e.code, node, path, e.problem + " (in '" + path + "')");
  return std::move(e.text);
}

std::string YamlReader::secret(const YAML::Node &node, const std::string &path) const {
  std::string value = text(node, path);
  register_secret(value);
  return value;
}

std::string YamlReader::one_of(const YAML::Node &node, const std::string &path,
                               std::initializer_list<std::string_view> allowed) const {
  std::string value = text(node, path);
  std::string names;
  for (std::string_view a : allowed) {
    if (a == value) return value;
    names += (names.empty() ? "" : " | ") + std::string(a);
  }
  fail("config.invalid_value", node, path,
       "'" + path + "' must be " + names + ", not '" + value + "'");
}

std::string YamlReader::http_url(const YAML::Node &node, const std::string &path) const {
  std::string value = text(node, path);
  if (!is_http_url(value)) {
    fail("config.invalid_value", node, path,
         "'" + path + "' must be an absolute http:// or https:// URL");
  }
  return value;
}

int64_t YamlReader::integer(const YAML::Node &node, const std::string &path, int64_t min,
                            int64_t max) const {
  const std::string value = text(node, path);
  const std::optional<int64_t> n = parse_int(value);
  if (!n || *n < min || *n > max) {
    fail("config.invalid_value", node, path,
         "'" + path + "' must be a whole number from " + std::to_string(min) + " to " +
             std::to_string(max) + ", not '" + value + "'");
  }
  return *n;
}

bool YamlReader::boolean(const YAML::Node &node, const std::string &path) const {
  const std::string value = text(node, path);
  const std::optional<bool> b = parse_bool(value);
  if (!b)
    fail("config.invalid_value", node, path,
         "'" + path + "' must be true or false, not '" + value + "'");
  return *b;
}

std::vector<std::string> YamlReader::text_list(const YAML::Node &node, const std::string &path) {
  std::vector<std::string> out;
  for_each_item(node, path, [&](const YAML::Node &item, const std::string &item_path) {
    out.push_back(text(item, item_path));
  });
  return out;
}

boost::json::value YamlReader::json(const YAML::Node &node, const std::string &path) {
  if (node.IsNull()) return nullptr;
  if (node.IsMap()) {
    boost::json::object o;
    for_each_entry(node, path,
                   [&](const std::string &key, const YAML::Node &, const YAML::Node &value,
                       const std::string &key_path) { o[key] = json(value, key_path); });
    return o;
  }
  if (node.IsSequence()) {
    boost::json::array a;
    for_each_item(node, path, [&](const YAML::Node &item, const std::string &item_path) {
      a.push_back(json(item, item_path));
    });
    return a;
  }
  std::string value = text(node, path);
  // "?" marks a plain (unquoted, untagged) scalar: only those are typed by their look.
  if (node.Tag() == "?") {
    if (auto b = parse_bool(value)) return *b;
    if (auto i = parse_int(value)) return *i;
    if (auto d = parse_float(value)) return *d;
  }
  return boost::json::string(value);
}

bool YamlReader::seen(const std::string &path) const {
  return locations_.count(path) > 0;
}

}  // namespace lmp
