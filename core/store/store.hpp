// The state database as the rest of the host sees it: small repositories over plain records,
// free of SQLite types so that another backend (PostgreSQL, for several hosts sharing one queue)
// can implement them. Every method is thread-safe and throws StoreError (host.storage) when the
// database fails. Times are passed in by the caller's clock; no method reads the time itself.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/model/result.hpp"
#include "core/store/records.hpp"

namespace lmp {

// Posts and their targets.
class PostStore {
 public:
  virtual ~PostStore() = default;
  // Records a new post with its targets (and its api_key and lease, when set), all or nothing; each
  // target's updated_at_ms is set to the post's updated_at_ms. Durable on return. Throws
  // StoreError when a post with that id exists.
  virtual void insert(const PostRecord &post) = 0;
  // Overwrites target `target.index` of the post (status, step, platform ids, url, errors,
  // late, rate limit, attempts, next attempt; not its platform or account) and stamps it and
  // the post with now_ms. False when there is no such target.
  virtual bool update_target(const std::string &post_id, const TargetRecord &target,
                             int64_t now_ms) = 0;
  // Cancels a scheduled post: it and its targets become "cancelled". False (nothing changed)
  // when there is no such post or it is no longer "scheduled" (a scheduler claimed it first).
  virtual bool cancel(const std::string &post_id, int64_t now_ms) = 0;
  // Records the result of post `result.id`: its status, the document, and its post-level
  // errors; its lease ends. False when there is no such post.
  virtual bool set_result(const PostResult &result, int64_t now_ms) = 0;
  // The post with its targets, or nullopt.
  virtual std::optional<PostRecord> get(const std::string &id) = 0;
  // Posts newest first (by id), paged by keyset: pass next_cursor back to get the next page.
  virtual PostPage list(const PostQuery &query) = 0;
  // Replaces a scheduled post's submitted body and time. False (nothing changed) when there is
  // no such post or its status is no longer "scheduled".
  virtual bool reschedule(const std::string &post_id, const boost::json::value &body,
                          int64_t scheduled_at_ms, int64_t now_ms) = 0;
  // How many posts have each status.
  virtual std::vector<std::pair<std::string, int64_t>> count_by_status() = 0;
  // Takes the next post to work on for `owner` until lease_until_ms: the earliest scheduled post
  // whose time is at or before now_ms (it and its targets become "queued"), else the oldest
  // unfinished post (a target still queued, preflighted, uploading or publishing, and due when it
  // awaits a retry) nobody holds:
  // no lease, an expired one, or one whose owner `is_gone` says is dead. nullopt when there is
  // none. Two callers never get the same post while its lease runs.
  virtual std::optional<PostRecord> claim_next(
      int64_t now_ms, const std::string &owner, int64_t lease_until_ms,
      const std::function<bool(const std::string &owner)> &is_gone) = 0;
  // Extends the lease `owner` holds on the post to lease_until_ms. False (nothing changed) when
  // there is no such post or `owner` does not hold it (it finished, or another took it over).
  virtual bool renew_lease(const std::string &post_id, const std::string &owner,
                           int64_t lease_until_ms) = 0;
  // Takes a post back to publish its failed targets again (`posts retry`), for `owner` until
  // lease_until_ms: its failed targets, and those awaiting a retry, become "queued" with their
  // errors and attempts cleared, and the post "queued". A failed target's step becomes
  // "publishing" (its updated_at_ms kept), so that a create which may have happened is looked
  // for before another is made. nullopt (nothing changed) when there is
  // no such post, it has no such target, or a holder its lease and `is_gone` say is alive has it.
  virtual std::optional<PostRecord> requeue_failed(
      const std::string &post_id, int64_t now_ms, const std::string &owner, int64_t lease_until_ms,
      const std::function<bool(const std::string &owner)> &is_gone) = 0;
};

// The host cache that adapters use (the board lists), shared by every process using the
// database. An entry is present while now_ms < its put time + ttl_ms.
class CacheStore {
 public:
  virtual ~CacheStore() = default;
  // The value, or nullopt when absent or expired.
  virtual std::optional<std::string> get(const std::string &ns, const std::string &key,
                                         int64_t now_ms) = 0;
  // Stores (or replaces) a value of any bytes for ttl_ms from now_ms.
  virtual void put(const std::string &ns, const std::string &key, std::string_view value,
                   int64_t ttl_ms, int64_t now_ms) = 0;
  // Removes a value; an absent key is not an error.
  virtual void remove(const std::string &ns, const std::string &key) = 0;
  // Deletes every expired entry; returns how many.
  virtual int64_t purge_expired(int64_t now_ms) = 0;
};

// Account credentials (tokens, client id and secret) as a JSON object with camelCase keys.
class CredentialStore {
 public:
  virtual ~CredentialStore() = default;
  // The stored credentials, or nullopt for an account never seeded nor updated.
  virtual std::optional<boost::json::object> get(const std::string &account_id) = 0;
  // Applies the config's credentials for an account (interfaces.md: YAML seeds the database the
  // first time an account is seen, or when a YAML value changes; otherwise the database wins,
  // since platforms rotate tokens). Each YAML key whose value differs from the one last seeded
  // (kept as a SHA-256 per key, never in clear) replaces the stored value; keys the YAML does
  // not change keep their stored, maybe rotated, values. An account moved to another platform
  // is reseeded whole.
  virtual CredentialSeed seed_from_config(const std::string &account_id,
                                          const std::string &platform,
                                          const boost::json::object &yaml_credentials,
                                          int64_t now_ms) = 0;
  // Merges rotated credentials into the stored ones (an account not stored yet is created):
  // each key of `changes` replaces the stored one, a null value removes it, other keys stay
  // (a refresh that returns only accessToken keeps the refreshToken). Durable on return.
  virtual void update(const std::string &account_id, const std::string &platform,
                      const boost::json::object &changes, int64_t now_ms) = 0;
};

// The media index: library files and files referenced in place, and their platform uploads.
class MediaStore {
 public:
  virtual ~MediaStore() = default;
  // Inserts the entry, or replaces the one with its id (keeping its created_at_ms). A library
  // entry stays one: an in-place reference to the same bytes does not move it out of the
  // library. Throws StoreError when another id has the same sha256.
  virtual void upsert(const MediaEntry &entry) = 0;
  // The entry with this id, or nullopt.
  virtual std::optional<MediaEntry> find(const std::string &id) = 0;
  // The entry for these bytes, or nullopt.
  virtual std::optional<MediaEntry> find_by_sha256(const std::string &sha256) = 0;
  // The entry recorded for this path, when the file still has this size and mtime; nullopt when
  // the path is unknown or the file changed (probe and hash it again).
  virtual std::optional<MediaEntry> find_by_path(const std::string &path, int64_t size,
                                                 int64_t mtime_ns) = 0;
  // Entries, oldest first; only library entries when library_only.
  virtual std::vector<MediaEntry> list(bool library_only) = 0;
  // Deletes the entry and its platform uploads. False when there is none. The file is the
  // caller's to delete.
  virtual bool remove(const std::string &id) = 0;
  // The upload of this media for this account, or nullopt.
  virtual std::optional<PlatformMedia> platform_media(const std::string &media_id,
                                                      const std::string &account_id) = 0;
  // Records (or replaces) an upload. Throws StoreError when the media id is unknown.
  virtual void put_platform_media(const PlatformMedia &upload) = 0;
  // Records that the API key named `api_key` uploaded media `id`; true when it had not before.
  // Throws StoreError when the media id is unknown.
  virtual bool add_uploader(const std::string &id, const std::string &api_key) = 0;
  // True when the API key named `api_key` uploaded media `id`.
  virtual bool uploaded_by(const std::string &id, const std::string &api_key) = 0;
};

// Requests recorded under an Idempotency-Key, per scope (an API key's name).
class IdempotencyStore {
 public:
  virtual ~IdempotencyStore() = default;
  // Claims (scope, key) for a new request, dropping an expired record first. Returns nullopt
  // when the claim succeeded (the caller must then complete() or release() it), else the
  // unexpired record that holds the key.
  virtual std::optional<IdempotencyRecord> claim(const std::string &scope, const std::string &key,
                                                 const std::string &request_sha256, int64_t now_ms,
                                                 int64_t expires_at_ms) = 0;
  // Stores the answer of a claimed request, for its repeats.
  virtual void complete(const std::string &scope, const std::string &key, int status_code,
                        const std::string &response_json,
                        const std::optional<std::string> &resource_id) = 0;
  // Gives up a claim whose request produced nothing worth replaying (a host fault).
  virtual void release(const std::string &scope, const std::string &key) = 0;
};

// Pins published per account and calendar month, against the account's monthly_quota.
// Periods are "YYYY-MM" (UTC).
class QuotaStore {
 public:
  virtual ~QuotaStore() = default;
  // Counts one publish for the account in `period` when fewer than `limit` are counted; false
  // (nothing changed) when the limit is reached. Two callers never both take the last unit.
  virtual bool reserve(const std::string &account_id, const std::string &period, int64_t limit) = 0;
  // Takes back one count of a publish that did not happen (never below zero).
  virtual void release(const std::string &account_id, const std::string &period) = 0;
  // How many publishes are counted for the account in `period`.
  virtual int64_t used(const std::string &account_id, const std::string &period) = 0;
};

// One delivery of a webhook event to one endpoint (a row of webhook_outbox).
struct WebhookDelivery {
  int64_t id = 0;
  std::string event_id;  // "evt_<ULID>", the same for every endpoint and every attempt
  std::string event_type;
  std::string endpoint_url;
  std::string payload_json;  // the exact body sent (and signed)
  std::string state;         // "pending", "delivered" or "dead"
  int64_t attempts = 0;
  int64_t next_attempt_at_ms = 0;
  std::optional<std::string> last_error;
  int64_t created_at_ms = 0;
  int64_t updated_at_ms = 0;
};

// The webhook outbox: events are written here before any send, so none is lost to a crash.
class WebhookStore {
 public:
  virtual ~WebhookStore() = default;
  // Records a pending delivery (due at once) of the event to each endpoint, all or nothing.
  // An (event id, endpoint) already recorded is left as it is. Durable on return.
  virtual void enqueue(const std::string &event_id, const std::string &event_type,
                       const std::string &payload_json, const std::vector<std::string> &endpoints,
                       int64_t now_ms) = 0;
  // Up to `limit` pending deliveries due at or before now_ms, the earliest first.
  virtual std::vector<WebhookDelivery> due(int64_t now_ms, int limit) = 0;
  // Marks a delivery delivered, counting the attempt.
  virtual void mark_delivered(int64_t id, int64_t now_ms) = 0;
  // Records a failed attempt: the delivery stays pending until next_attempt_at_ms, or becomes
  // "dead" when `dead` is true.
  virtual void mark_failed(int64_t id, const std::string &error, bool dead,
                           int64_t next_attempt_at_ms, int64_t now_ms) = 0;
  // Deliveries, newest first; only those in `state` when set.
  virtual std::vector<WebhookDelivery> list(const std::optional<std::string> &state) = 0;
  // Makes dead deliveries pending and due now with their attempts reset: those of `event_id`
  // when set (in any state but pending), else every dead one. Returns how many.
  virtual int64_t revive(const std::optional<std::string> &event_id, int64_t now_ms) = 0;
};

// One state database: its repositories, valid as long as the Store lives.
class Store {
 public:
  virtual ~Store() = default;
  virtual PostStore &posts() = 0;
  virtual CacheStore &cache() = 0;
  virtual CredentialStore &credentials() = 0;
  virtual MediaStore &media() = 0;
  virtual IdempotencyStore &idempotency() = 0;
  virtual WebhookStore &webhooks() = 0;
  virtual QuotaStore &quota() = 0;
};

}  // namespace lmp
