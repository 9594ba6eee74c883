// What the state database stores, as plain values: no SQLite type appears here, so another
// backend can keep the same records.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/error.hpp"
#include "core/model/result.hpp"

namespace lmp {

// One target of a post: its place in the durable publishing state machine and its outcome.
struct TargetRecord {
  int index = 0;  // position in the post's targets, from 0
  std::string platform;
  std::string account_id;
  std::string status = "queued";  // the result's status: queued, scheduled, published, failed...
  std::string step = "queued";    // queued, preflighted, uploading, publishing, published, failed
  std::optional<std::string> platform_post_id;  // e.g. the pin id
  std::optional<std::string> url;
  std::optional<Error> error;  // what stopped it
  std::vector<Error> errors;   // every preflight problem
  bool late = false;
  std::optional<RateLimit> rate_limit;
  int64_t attempts = 0;
  std::optional<int64_t> next_attempt_at_ms;  // when a retry is due
  int64_t updated_at_ms = 0;                  // set by the store

  // The target as the result document shows it.
  TargetResult to_result() const;
};

// A post as recorded: what was submitted, where it stands, and its targets.
struct PostRecord {
  std::string id;  // "post_<ULID>"
  int64_t created_at_ms = 0;
  int64_t updated_at_ms = 0;
  std::string status;
  std::optional<int64_t> scheduled_at_ms;
  boost::json::value body;             // the post as submitted
  boost::json::value result;           // the last result document; null when none yet
  std::vector<Error> errors;           // post-level problems
  std::vector<TargetRecord> targets;   // ordered by index
  std::optional<std::string> api_key;  // name of the API key that created it; none from the CLI
  // The process working on it ("host:pid") and until when (Unix ms); none when nobody is.
  std::optional<std::string> lease_owner;
  std::optional<int64_t> lease_until_ms;

  // The result document built from the record: id, status, targets and post-level errors.
  PostResult to_result() const;
};

// A page request over posts, newest first.
struct PostQuery {
  std::optional<std::string> status;   // only posts with this status
  int limit = 50;                      // clamped to 1..500
  std::optional<std::string> cursor;   // a previous page's next_cursor
  std::optional<std::string> api_key;  // only posts created with this API key (by name)
};

// One page of posts.
struct PostPage {
  std::vector<PostRecord> posts;
  std::optional<std::string> next_cursor;  // absent on the last page
};

// A request recorded under an Idempotency-Key, so that a repeat gets the first answer.
struct IdempotencyRecord {
  std::string request_sha256;              // of what was asked: another request is a conflict
  std::optional<int> status_code;          // nullopt while the first request is in flight
  std::string response_json;               // the first answer's body
  std::optional<std::string> resource_id;  // the post or media the request created
  int64_t expires_at_ms = 0;
};

// How seed_from_config treated the YAML credentials.
enum class CredentialSeed {
  inserted,  // first time the account was seen: the YAML values are now the stored ones
  updated,   // some YAML values changed since the last seed: those replaced the stored ones
  kept,      // the YAML is as last seeded: the stored (maybe rotated) values stay
};

// One file in the media index: identified by its content.
struct MediaEntry {
  std::string id;      // media_id_for_sha256(sha256)
  std::string sha256;  // lowercase hex of the bytes
  std::string path;    // where the bytes are read from
  int64_t size = 0;
  int64_t mtime_ns = 0;
  std::string kind;          // image | video
  boost::json::value probe;  // what probing found; null when not probed
  int64_t created_at_ms = 0;
  bool in_library = false;  // a copy under state.media_dir, rather than a file referenced in place
};

// A media file as uploaded to one account of a platform (so it is never uploaded twice).
struct PlatformMedia {
  std::string media_id;
  std::string account_id;
  std::string platform_media_id;  // e.g. Pinterest's media_id
  std::string state;              // e.g. registered, uploaded, succeeded, failed
  int64_t updated_at_ms = 0;
};

// The media id for content with this SHA-256 (lowercase hex): "med_" and its first 32 hex
// digits (128 bits), so the same bytes always get the same id.
std::string media_id_for_sha256(std::string_view sha256_hex);

}  // namespace lmp
