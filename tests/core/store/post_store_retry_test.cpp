// The store's side of cancelling, retrying and the scheduler's later attempts: each a single
// atomic step, so a scheduler claiming the same post at the same moment cannot interleave.
#include <catch2/catch.hpp>

#include "core/store/sqlite_store.hpp"
#include "store_test_util.hpp"

using lmp::PostRecord;
using lmp::store_test::make_post;

namespace {

const auto alive = [](const std::string &) { return false; };

}  // namespace

TEST_CASE("only a scheduled post nobody claimed can be cancelled", "[store][schedule]") {
  lmp::store_test::TempDir dir;
  lmp::SqliteStore store(dir.path("state.db"));
  PostRecord p = make_post("post_s", "scheduled", 0);
  p.scheduled_at_ms = 1000;
  store.posts().insert(p);
  PostRecord q = p;
  q.id = "post_t";
  store.posts().insert(q);

  CHECK(store.posts().cancel("post_s", 500));
  auto cancelled = store.posts().get("post_s");
  CHECK(cancelled->status == "cancelled");
  CHECK(cancelled->targets[1].status == "cancelled");
  CHECK(cancelled->targets[1].step == "cancelled");
  CHECK_FALSE(store.posts().cancel("post_s", 600));  // once only
  // A cancelled post is never claimed; the other one is, and then cannot be cancelled.
  auto claimed = store.posts().claim_next(2000, "host:1", 9000, alive);
  REQUIRE(claimed);
  CHECK(claimed->id == "post_t");
  CHECK_FALSE(store.posts().cancel("post_t", 2001));
  CHECK(store.posts().get("post_t")->status == "queued");
  CHECK_FALSE(store.posts().claim_next(2000, "host:2", 9000, alive));
}

TEST_CASE("a target awaiting a retry is claimed only once its next attempt is due",
          "[store][schedule]") {
  lmp::store_test::TempDir dir;
  lmp::SqliteStore store(dir.path("state.db"));
  PostRecord p = make_post("post_r", "retrying", 0);
  p.targets[0].status = p.targets[0].step = "published";
  p.targets[1].status = "retrying";
  p.targets[1].step = "publishing";
  p.targets[1].attempts = 1;
  p.targets[1].next_attempt_at_ms = 5000;
  store.posts().insert(p);

  CHECK_FALSE(store.posts().claim_next(4999, "host:1", 9000, alive));
  auto due = store.posts().claim_next(5000, "host:1", 9000, alive);
  REQUIRE(due);
  CHECK(due->targets[1].attempts == 1);
  CHECK(due->targets[1].step == "publishing");
}

TEST_CASE("retry takes back failed and waiting targets of a post nobody holds",
          "[store][schedule]") {
  lmp::store_test::TempDir dir;
  lmp::SqliteStore store(dir.path("state.db"));
  PostRecord p = make_post("post_p", "partial", 0);
  p.targets[0].status = p.targets[0].step = "published";
  p.targets[1].status = p.targets[1].step = "failed";
  p.targets[1].error = lmp::make_error("pinterest.server_error", "503", {}, true);
  p.targets[1].attempts = 4;
  p.lease_owner = "host:1";
  p.lease_until_ms = 5000;
  store.posts().insert(p);
  store.posts().insert(make_post("post_ok", "published", 0));

  CHECK_FALSE(store.posts().requeue_failed("post_none", 100, "host:2", 9000, alive));
  CHECK_FALSE(store.posts().requeue_failed("post_ok", 100, "host:2", 9000, alive));
  CHECK_FALSE(store.posts().requeue_failed("post_p", 100, "host:2", 9000, alive));  // held
  CHECK(store.posts().get("post_p")->targets[1].step == "failed");

  const auto gone = [](const std::string &owner) { return owner == "host:1"; };
  auto rec = store.posts().requeue_failed("post_p", 100, "host:2", 9000, gone);
  REQUIRE(rec);
  CHECK(rec->status == "queued");
  CHECK(rec->lease_owner == "host:2");
  CHECK(rec->targets[0].step == "published");
  CHECK(rec->targets[1].step == "publishing");  // looked for before another create
  CHECK(rec->targets[1].status == "queued");
  CHECK_FALSE(rec->targets[1].error);
  CHECK(rec->targets[1].attempts == 0);
}

TEST_CASE("the monthly quota counts up to its limit, per account and month", "[store][quota]") {
  lmp::store_test::TempDir dir;
  lmp::SqliteStore store(dir.path("state.db"));
  lmp::QuotaStore &quota = store.quota();
  CHECK(quota.used("acc_a", "2026-11") == 0);
  CHECK(quota.reserve("acc_a", "2026-11", 2));
  CHECK(quota.reserve("acc_a", "2026-11", 2));
  CHECK_FALSE(quota.reserve("acc_a", "2026-11", 2));
  CHECK(quota.used("acc_a", "2026-11") == 2);
  CHECK(quota.reserve("acc_a", "2026-12", 2));  // a new month
  CHECK(quota.reserve("acc_b", "2026-11", 2));  // another account
  CHECK_FALSE(quota.reserve("acc_c", "2026-11", 0));
  CHECK(quota.used("acc_c", "2026-11") == 0);

  quota.release("acc_a", "2026-11");
  CHECK(quota.used("acc_a", "2026-11") == 1);
  CHECK(quota.reserve("acc_a", "2026-11", 2));
  quota.release("acc_c", "2026-11");  // nothing to take back: stays at zero
  CHECK(quota.used("acc_c", "2026-11") == 0);
}
