// Media preparation, the host's half of every pin: URLs pass through; local files are probed,
// converted into a format the adapter's capabilities accept, and videos get a cover frame. The
// adapter then receives paths and descriptions (abi-json.md, "The target request").
#pragma once

#include <boost/json.hpp>
#include <filesystem>
#include <vector>

#include "core/model/error.hpp"
#include "core/model/post.hpp"

namespace lmp {

// The prepared media of one target, or every problem found preparing it.
struct PreparedMedia {
  boost::json::array items;   // one per post.media item, in order
  std::vector<Error> errors;  // fields name the user's media[i]...
};

// Prepares post.media for an adapter whose describe_json is `description`. Converted images and
// extracted covers are written under derived_dir (created when needed); relative paths resolve
// against the current folder.
PreparedMedia prepare_media(const Post &post, const boost::json::object &description,
                            const std::filesystem::path &derived_dir);

}  // namespace lmp
