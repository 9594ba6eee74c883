// The pipeline of one post: plan each target, preflight it through its adapter, upload its
// media, publish it, and record every step in the journal before the next side effect.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/config/config.hpp"
#include "core/model/post.hpp"
#include "core/model/result.hpp"
#include "core/plugins/registry.hpp"
#include "core/publish/journal.hpp"
#include "core/publish/lease_renewer.hpp"
#include "core/publish/planner.hpp"
#include "core/store/records.hpp"
#include "core/store/store.hpp"

namespace lmp {

// What the publisher works with; every member must outlive it.
struct PublisherDeps {
  const Config *config = nullptr;
  Registry *registry = nullptr;
  const HostServices *services = nullptr;
  CredentialAccess credentials;
  PublishJournal *journal = nullptr;  // may be null (nothing recorded)
  QuotaStore *quota = nullptr;        // may be null (monthly_quota not counted)
  LeaseRenewer *leases = nullptr;     // may be null (leases not renewed while publishing)
  MediaSources media;                 // the media library and the folder for derived files
  // Hears the bytes adapters report while uploading media (done, total); may be empty.
  std::function<void(uint64_t done, uint64_t total)> upload_progress;
};

// How one target is run this time.
struct TargetRun {
  bool late = false;  // flag it late (a scheduled post published after its time)
  // Park a retryable failure for a later scheduler pass (status "retrying") while fewer than
  // scheduler.max_attempts attempts were made, rather than failing it.
  bool defer_retryable = false;
  int64_t attempts = 0;  // earlier scheduler attempts that ended retryable
  // Set when an earlier run's create has an unknown outcome: it happened after this time
  // (RFC 3339), and is looked for before creating again.
  std::optional<std::string> unknown_since;
  // The earlier run counted this publish against monthly_quota and crashed before it could
  // take the count back: the count is reused, not taken again.
  bool quota_counted = false;
};

class Publisher {
 public:
  explicit Publisher(PublisherDeps deps);

  // Every check, nothing published: the host's shape checks, then each target's plan and its
  // adapter's preflight. All problems, not just the first.
  PreflightReport preflight(const ParseResult &parsed);

  // Preflight, upload and publish each target of a parsed post (or record the parse errors as a
  // failed post). A post with a future scheduledAt is recorded as scheduled and not published.
  // The result's status follows interfaces.md.
  // `api_key` names the API key that sent it ("" from the CLI).
  PostResult publish(const ParseResult &parsed, const std::string &body_json,
                     const std::string &api_key = "");

  // Takes a recorded post up where it stands (a scheduled post now due, or one a crashed run
  // left unfinished): its published and failed targets stay as they are, the others are
  // published from their recorded step. A target recorded as publishing, whose create may or
  // may not have happened, is first looked for on the platform (find_post) and published only
  // when it is not there. A target awaiting a retry whose time has not come stays as it is.
  // `late` flags the targets it publishes; with `defer_retryable` (the scheduler), a retryable
  // failure waits for a later pass as TargetRun says.
  PostResult resume(const PostRecord &post, bool late, bool defer_retryable);

 private:
  using Todo = std::vector<std::pair<PlannedTarget *, TargetRun>>;
  // The targets of `todo` (their results go to result.targets), accounts in parallel.
  void run_targets(const Post &post, const Todo &todo, PostResult &result);
  TargetResult publish_target(const Post &post, PlannedTarget &pt, const std::string &post_id,
                              const TargetRun &run);
  void record(const std::string &post_id, size_t index, const std::string &step,
              const TargetResult &r);
  // Keeps the post's lease alive while this process publishes it.
  LeaseRenewer::Hold hold_lease(const std::string &post_id);

  PublisherDeps deps_;
};

}  // namespace lmp
