// A post's options as one platform sees them, and the way back from an adapter's field names to
// the place the user wrote the value (interfaces.md: "field always names where the user wrote").
#pragma once

#include <boost/json.hpp>
#include <map>
#include <string>
#include <string_view>

#include "core/model/post.hpp"

namespace lmp {

// The options for one platform: flat options overlaid with that platform's keyed options.
struct MergedOptions {
  boost::json::object values;  // what the adapter receives as `options`
  // For each key of `values`, where the user wrote it: "options.boardId" (flat) or
  // "options.pinterest.boardId" (platform-keyed).
  std::map<std::string, std::string> sources;
};

// Whether `key` of the post's options is a platform key: it names the platform of some target
// and its value is an object. Other keys are flat options that apply to every target.
bool is_platform_key(const Post &post, std::string_view key);

// The options for `platform`: every flat option, then the keys of options.<platform> (when that
// is a platform key), which win over flat keys of the same name. Platform keys of other
// platforms are left out.
MergedOptions merge_options(const Post &post, std::string_view platform);

// Maps a field named by an adapter (on the request it received for post.targets[target_index])
// back to where the user wrote it:
//   options.X...              -> where X came from (options.X... or options.<platform>.X...);
//                                unchanged when X was not written
//   accountId, credentials*,
//   account*, target.accountId -> "targets[i].accountId" or "accountId", wherever it was written
//   platform, target.platform -> "targets[i].platform"
//   anything else (media[i]..., text, ...) -> unchanged
std::string map_field_to_user(const std::string &adapter_field, const MergedOptions &merged,
                              const Post &post, size_t target_index);

}  // namespace lmp
