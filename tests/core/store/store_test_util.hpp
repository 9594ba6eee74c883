// Helpers for the state-database tests: a scratch directory for real SQLite files.
#pragma once

#include <boost/json.hpp>
#include <string>

#include "core/store/records.hpp"
#include "support/scratch.hpp"

namespace lmp::store_test {

// A fresh folder removed with everything in it (the shared test scratch folder).
using TempDir = lmp::test::Scratch;

// A post with two Pinterest targets (acc_a, acc_b), it and both targets at `status`.
inline PostRecord make_post(const std::string &id, const std::string &status, int64_t now_ms) {
  PostRecord post;
  post.id = id;
  post.created_at_ms = now_ms;
  post.updated_at_ms = now_ms;
  post.status = status;
  post.body = boost::json::parse(R"({"text": "Built with letmepost.", "targets": [
      {"platform": "pinterest", "accountId": "acc_a"},
      {"platform": "pinterest", "accountId": "acc_b"}]})");
  for (int i = 0; i < 2; ++i) {
    TargetRecord t;
    t.index = i;
    t.platform = "pinterest";
    t.account_id = i == 0 ? "acc_a" : "acc_b";
    t.status = t.step = status;
    post.targets.push_back(t);
  }
  return post;
}

}  // namespace lmp::store_test
