// The pipeline of one post: plan each target, preflight it through its adapter, upload its
// media, publish it, and record every step in the journal before the next side effect.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "core/config/config.hpp"
#include "core/model/post.hpp"
#include "core/model/result.hpp"
#include "core/plugins/registry.hpp"
#include "core/publish/journal.hpp"
#include "core/publish/planner.hpp"
#include "core/store/records.hpp"

namespace lmp {

// What the publisher works with; every member must outlive it.
struct PublisherDeps {
  const Config *config = nullptr;
  Registry *registry = nullptr;
  const HostServices *services = nullptr;
  CredentialAccess credentials;
  PublishJournal *journal = nullptr;  // may be null (nothing recorded)
  MediaSources media;                 // the media library and the folder for derived files
  // Hears the bytes adapters report while uploading media (done, total); may be empty.
  std::function<void(uint64_t done, uint64_t total)> upload_progress;
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
  // when it is not there. `late` flags the targets it publishes.
  PostResult resume(const PostRecord &post, bool late);

 private:
  // The targets of `todo` (their results go to result.targets), accounts in parallel.
  // `unknown_since` gives, by target index, the time after which a create of unknown outcome
  // happened.
  void run_targets(const Post &post, const std::vector<PlannedTarget *> &todo, PostResult &result,
                   bool late, const std::map<size_t, std::string> &unknown_since);
  TargetResult publish_target(const Post &post, PlannedTarget &pt, const std::string &post_id,
                              const std::optional<std::string> &unknown_since, bool late);
  void record(const std::string &post_id, size_t index, const std::string &step,
              const TargetResult &r);

  PublisherDeps deps_;
};

}  // namespace lmp
