#include "core/model/options.hpp"

namespace lmp {

namespace json = boost::json;

namespace {

// Whether `field` is `name` itself or a path inside it ("name.x", "name[0]").
bool path_starts_with(std::string_view field, std::string_view name) {
  if (field.substr(0, name.size()) != name) return false;
  return field.size() == name.size() || field[name.size()] == '.' || field[name.size()] == '[';
}

}  // namespace

bool is_platform_key(const Post &post, std::string_view key) {
  const json::value *value = post.options.if_contains(key);
  if (!value || !value->is_object()) return false;
  for (const Target &target : post.targets) {
    if (target.platform == key) return true;
  }
  return false;
}

MergedOptions merge_options(const Post &post, std::string_view platform) {
  MergedOptions merged;
  for (const auto &entry : post.options) {
    if (is_platform_key(post, entry.key())) continue;
    merged.values[entry.key()] = entry.value();
    merged.sources[std::string(entry.key())] = "options." + std::string(entry.key());
  }
  if (is_platform_key(post, platform)) {
    const std::string prefix = "options." + std::string(platform) + ".";
    for (const auto &entry : post.options.at(platform).get_object()) {
      merged.values[entry.key()] = entry.value();
      merged.sources[std::string(entry.key())] = prefix + std::string(entry.key());
    }
  }
  return merged;
}

std::string map_field_to_user(const std::string &adapter_field, const MergedOptions &merged,
                              const Post &post, size_t target_index) {
  const std::string target_path = "targets[" + std::to_string(target_index) + "]";
  if (path_starts_with(adapter_field, "options") && adapter_field.size() > 8 &&
      adapter_field[7] == '.') {
    const std::string_view rest = std::string_view(adapter_field).substr(8);
    // The longest matching key wins, in case a key itself contains a dot.
    const std::pair<const std::string, std::string> *best = nullptr;
    for (const auto &entry : merged.sources) {
      if (path_starts_with(rest, entry.first) && (!best || entry.first.size() > best->first.size()))
        best = &entry;
    }
    if (!best) return adapter_field;
    return best->second + std::string(rest.substr(best->first.size()));
  }
  if (adapter_field == "accountId" || adapter_field == "target.accountId" ||
      path_starts_with(adapter_field, "credentials") ||
      path_starts_with(adapter_field, "account")) {
    const bool from_top =
        target_index < post.targets.size() && post.targets[target_index].account_from_top_level;
    return from_top ? "accountId" : target_path + ".accountId";
  }
  if (adapter_field == "platform" || adapter_field == "target.platform") {
    return target_path + ".platform";
  }
  return adapter_field;
}

}  // namespace lmp
