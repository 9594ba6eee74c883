// Where the publisher records each step before taking the next, so a failed post keeps its
// errors and a crash loses nothing (the state database in the CLI and the server).
#pragma once

#include <string>

#include "core/model/post.hpp"
#include "core/model/result.hpp"

namespace lmp {

class PublishJournal {
 public:
  virtual ~PublishJournal() = default;
  // The post was accepted (or rejected at once); `result` holds its targets' first status.
  // `api_key` names the API key that sent it ("" from the CLI), recorded with it at once so a
  // crash cannot leave the post without its owner.
  virtual void begin(const Post *post, const std::string &body_json, const PostResult &result,
                     const std::string &api_key) = 0;
  // A target reached `step` (preflighted, uploading, publishing, published, failed, ...).
  virtual void step(const std::string &post_id, size_t target, const std::string &step,
                    const TargetResult &result) = 0;
  // The post's final result.
  virtual void finish(const PostResult &result) = 0;
};

}  // namespace lmp
