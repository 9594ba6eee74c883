// Media preparation, the host's half of every pin: URLs pass through; local files and media
// library entries are probed (once per file version, through the media index), converted into a
// format the adapter's capabilities accept, and videos get a cover frame. The adapter then
// receives paths, hashes and descriptions (abi-json.md, "The target request").
#pragma once

#include <boost/json.hpp>
#include <filesystem>
#include <vector>

#include "core/library/media_library.hpp"
#include "core/model/error.hpp"
#include "core/model/post.hpp"
#include "core/services/http_client.hpp"

namespace lmp {

// Where media preparation finds and keeps files; every member must outlive its use.
struct MediaSources {
  MediaLibrary *library = nullptr;    // the media index and library (required)
  std::filesystem::path derived_dir;  // converted images and extracted covers
  // Downloads video URLs into the library (null: video URLs pass through as they are).
  HttpClient *http = nullptr;
  bool allow_private_addresses = false;  // network.allow_private_addresses, for those downloads
};

// The prepared media of one target, or every problem found preparing it.
struct PreparedMedia {
  boost::json::array items;   // one per post.media item, in order
  std::vector<Error> errors;  // fields name the user's media[i]...
};

// Prepares post.media for an adapter whose describe_json is `description`. A video `url` is
// downloaded into the library first (when sources.http is set) and then is a local file. Each
// local file (a `path`, or the file of a `mediaId`) is recorded in the media index and described
// with its `sha256`; converted images and extracted covers are written under sources.derived_dir
// (created when needed); relative paths resolve against the current folder.
PreparedMedia prepare_media(const Post &post, const boost::json::object &description,
                            const MediaSources &sources);

}  // namespace lmp
