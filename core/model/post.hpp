// The post a user writes (interfaces.md, "The post (input)"), and its parser, which reports every
// problem with the post's shape at once, each naming the field as the user wrote it.
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/error.hpp"
#include "core/model/time.hpp"

namespace lmp {

// One entry of `media[]`. Exactly one of url, path and media_id is set.
struct MediaItem {
  std::string type;  // "image" or "video"; empty only for a {mediaId} item that gave no type
  std::optional<std::string> url;       // an http(s) URL the host fetches or hands on
  std::optional<std::string> path;      // a local file, non-empty
  std::optional<std::string> media_id;  // an item of the media library, non-empty
  std::optional<std::string> title;     // per-item title (a carousel card's)
  std::optional<std::string> link;      // per-item destination, an http(s) URL
  std::optional<std::string> alt_text;  // per-item alternative text

  // A video's cover; exactly one member is set.
  struct Cover {
    std::optional<std::string> url;
    std::optional<std::string> path;
    std::optional<double> at_seconds;  // a frame of the video, >= 0
  };
  std::optional<Cover> cover;  // never set on an image
};

// Where to publish: one account of one platform.
struct Target {
  std::string platform;                 // e.g. "pinterest", non-empty
  std::string account_id;               // non-empty
  bool account_from_top_level = false;  // the accountId came from the post, not the target
};

// A post that passed the host's shape checks. Platform rules are the adapters' to check.
struct Post {
  std::vector<Target> targets;   // at least one; no platform+accountId pair twice
  std::string text;              // may be empty only when media is present
  std::vector<MediaItem> media;  // in the order written
  boost::json::object options;   // as written: flat keys and platform-keyed objects (options.hpp)
  std::optional<TimePoint> scheduled_at;  // absent: publish now
  boost::json::object raw;                // the whole document as received
};

// What parse_post found: a post, or every problem with it.
struct ParseResult {
  std::optional<Post> post;   // set exactly when `errors` is empty
  std::vector<Error> errors;  // validation.* errors, in a stable order

  // Whether the document is a valid post.
  bool ok() const { return errors.empty(); }
};

// Parses and checks a post document. Reports all problems at once, each as a validation.* error
// whose `field` is the path the user wrote (e.g. "targets[0].platform", "media[1].url",
// "media[0].cover.atSeconds", "scheduledAt", "accountId"). Malformed JSON yields exactly one
// validation.malformed_json error whose message gives the line and column.
ParseResult parse_post(std::string_view json_text);

// Checks an already-parsed document (e.g. an HTTP request body), as parse_post does after reading
// the JSON. Named apart from parse_post so a string literal never picks the wrong one.
ParseResult validate_post(const boost::json::value &document);

}  // namespace lmp
