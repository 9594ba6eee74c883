#include <catch2/catch.hpp>

#include "core/model/ids.hpp"
#include "core/store/sqlite_store.hpp"
#include "store_test_util.hpp"

namespace json = boost::json;
using lmp::PostRecord;
using lmp::TargetRecord;

using lmp::store_test::make_post;

namespace {

lmp::PostQuery query(std::optional<std::string> status, int limit,
                     std::optional<std::string> cursor) {
  lmp::PostQuery q;
  q.status = std::move(status);
  q.limit = limit;
  q.cursor = std::move(cursor);
  return q;
}

}  // namespace

TEST_CASE("a failed post is recorded with its errors and read back", "[store]") {
  lmp::store_test::TempDir dir;
  const std::string path = dir.path("state.db");
  const std::string id = lmp::new_id("post");
  {
    lmp::SqliteStore store(path);
    store.posts().insert(make_post(id, "queued", 1000));

    TargetRecord published = store.posts().get(id)->targets[0];
    published.status = published.step = "published";
    published.platform_post_id = "987";
    published.url = "https://www.pinterest.com/pin/987/";
    published.rate_limit = lmp::RateLimit{100, 97, "2026-11-28T12:00:00Z"};
    REQUIRE(store.posts().update_target(id, published, 2000));

    TargetRecord failed = store.posts().get(id)->targets[1];
    failed.status = failed.step = "failed";
    failed.attempts = 2;
    failed.error =
        lmp::make_error("pinterest.board.not_found", "No board 1234567890.", "options.boardId");
    failed.errors = {*failed.error, lmp::make_error("pinterest.text.too_long",
                                                    "Text is 501 code points.", "text")};
    REQUIRE(store.posts().update_target(id, failed, 3000));

    lmp::PostResult result = store.posts().get(id)->to_result();
    result.status = lmp::overall_status(result.targets);
    result.errors = {lmp::make_error("validation.example", "A post-level problem.")};
    REQUIRE(store.posts().set_result(result, 4000));
  }

  lmp::SqliteStore reopened(path);  // what `posts show` sees in a later run
  auto post = reopened.posts().get(id);
  REQUIRE(post);
  CHECK(post->status == "partial");
  CHECK(post->created_at_ms == 1000);
  CHECK(post->updated_at_ms == 4000);
  CHECK(post->body.at("text") == "Built with letmepost.");
  REQUIRE(post->errors.size() == 1);
  CHECK(post->errors[0].code == "validation.example");
  REQUIRE(post->targets.size() == 2);

  const TargetRecord &a = post->targets[0];
  CHECK(a.status == "published");
  CHECK(a.platform_post_id == "987");
  CHECK(a.url == "https://www.pinterest.com/pin/987/");
  REQUIRE(a.rate_limit);
  CHECK(a.rate_limit->remaining == 97);
  CHECK_FALSE(a.error);
  CHECK(a.updated_at_ms == 2000);

  const TargetRecord &b = post->targets[1];
  CHECK(b.account_id == "acc_b");
  CHECK(b.status == "failed");
  CHECK(b.step == "failed");
  CHECK(b.attempts == 2);
  REQUIRE(b.error);
  CHECK(b.error->code == "pinterest.board.not_found");
  CHECK(b.error->field == "options.boardId");
  REQUIRE(b.errors.size() == 2);
  CHECK(b.errors[1].code == "pinterest.text.too_long");
  CHECK(b.errors[1].field == "text");

  // The stored result document is the one that was printed.
  CHECK(post->result.at("status") == "partial");
  CHECK(post->result.at("targets").as_array()[1].at("error").at("code") ==
        "pinterest.board.not_found");
  CHECK(json::value(post->to_result().to_json()) == post->result);
}

TEST_CASE("a post id is recorded once; unknown posts and targets are reported", "[store]") {
  lmp::store_test::TempDir dir;
  lmp::SqliteStore store(dir.path("state.db"));
  store.posts().insert(make_post("post_1", "queued", 1));
  CHECK_THROWS_AS(store.posts().insert(make_post("post_1", "queued", 2)), lmp::StoreError);
  CHECK(store.posts().get("post_1")->targets.size() == 2);  // the failed insert left nothing

  TargetRecord t;
  t.index = 7;
  CHECK_FALSE(store.posts().update_target("post_1", t, 5));
  CHECK_FALSE(store.posts().update_target("post_2", TargetRecord{}, 5));
  CHECK_FALSE(store.posts().cancel("post_2", 5));
  CHECK_FALSE(store.posts().get("post_2"));
  CHECK_FALSE(store.posts().cancel("post_1", 6));  // queued, not scheduled
  CHECK(store.posts().get("post_1")->status == "queued");
}

TEST_CASE("a post inserted with its API key is that key's at once", "[store]") {
  lmp::store_test::TempDir dir;
  lmp::SqliteStore store(dir.path("state.db"));
  PostRecord post = make_post("post_k", "scheduled", 1);
  post.api_key = "ci";
  store.posts().insert(post);
  store.posts().insert(make_post("post_cli", "scheduled", 2));
  CHECK(store.posts().get("post_k")->api_key == "ci");
  CHECK_FALSE(store.posts().get("post_cli")->api_key);
  lmp::PostQuery q;
  q.api_key = "ci";
  auto page = store.posts().list(q);
  REQUIRE(page.posts.size() == 1);
  CHECK(page.posts[0].id == "post_k");
}

TEST_CASE("posts are listed newest first, filtered by status, paged by cursor", "[store]") {
  lmp::store_test::TempDir dir;
  lmp::SqliteStore store(dir.path("state.db"));
  std::vector<std::string> ids;
  for (int i = 0; i < 5; ++i) {
    ids.push_back(lmp::new_id("post"));
    store.posts().insert(make_post(ids.back(), i % 2 ? "failed" : "published", i));
  }

  lmp::PostPage first = store.posts().list(query({}, 2, {}));
  REQUIRE(first.posts.size() == 2);
  CHECK(first.posts[0].id == ids[4]);
  CHECK(first.posts[1].id == ids[3]);
  CHECK(first.posts[0].targets.size() == 2);
  REQUIRE(first.next_cursor);
  lmp::PostPage second = store.posts().list(query({}, 2, first.next_cursor));
  REQUIRE(second.posts.size() == 2);
  CHECK(second.posts[0].id == ids[2]);
  lmp::PostPage last = store.posts().list(query({}, 2, second.next_cursor));
  REQUIRE(last.posts.size() == 1);
  CHECK(last.posts[0].id == ids[0]);
  CHECK_FALSE(last.next_cursor);

  lmp::PostPage failed = store.posts().list(query("failed", 50, {}));
  REQUIRE(failed.posts.size() == 2);
  CHECK(failed.posts[0].id == ids[3]);
  CHECK(failed.posts[1].id == ids[1]);
  CHECK_FALSE(failed.next_cursor);
}

TEST_CASE("due scheduled posts are claimed earliest first, each by one owner", "[store]") {
  lmp::store_test::TempDir dir;
  lmp::SqliteStore store(dir.path("state.db"));
  auto scheduled = [&](const std::string &id, int64_t at) {
    PostRecord p = make_post(id, "scheduled", 0);
    p.scheduled_at_ms = at;
    store.posts().insert(p);
  };
  scheduled("post_late", 3000);
  scheduled("post_early", 1000);
  scheduled("post_future", 9000);
  PostRecord published = make_post("post_done", "published", 0);
  published.scheduled_at_ms = 500;
  store.posts().insert(published);
  const auto alive = [](const std::string &) { return false; };

  CHECK_FALSE(store.posts().claim_next(999, "a", 5000, alive));
  auto first = store.posts().claim_next(3000, "a", 5000, alive);
  REQUIRE(first);
  CHECK(first->id == "post_early");
  CHECK(first->status == "queued");
  CHECK(first->targets[0].step == "queued");
  CHECK(first->lease_owner == "a");
  CHECK(first->lease_until_ms == 5000);
  auto second = store.posts().claim_next(3000, "b", 5000, alive);
  REQUIRE(second);
  CHECK(second->id == "post_late");
  // Both are held now: nothing else is due.
  CHECK_FALSE(store.posts().claim_next(3000, "b", 5000, alive));
}

TEST_CASE("an unfinished post is taken over only when its holder's lease ended or it is gone",
          "[store]") {
  lmp::store_test::TempDir dir;
  lmp::SqliteStore store(dir.path("state.db"));
  PostRecord running = make_post("post_running", "queued", 0);
  running.targets[0].step = "published";
  running.targets[0].status = "published";
  running.targets[1].step = "publishing";
  running.lease_owner = "host:1";
  running.lease_until_ms = 5000;
  store.posts().insert(running);
  store.posts().insert(make_post("post_failed", "failed", 0));

  const auto alive = [](const std::string &) { return false; };
  CHECK_FALSE(store.posts().claim_next(4000, "host:2", 9000, alive));
  // The holder crashed: its lease is void at once.
  const auto gone = [](const std::string &owner) { return owner == "host:1"; };
  auto taken = store.posts().claim_next(4000, "host:2", 9000, gone);
  REQUIRE(taken);
  CHECK(taken->id == "post_running");
  CHECK(taken->lease_owner == "host:2");
  CHECK(taken->targets[1].step == "publishing");  // where it stood; resuming is the caller's
  CHECK_FALSE(store.posts().claim_next(4000, "host:3", 9000, alive));
  // An expired lease ends too.
  CHECK(store.posts().claim_next(9001, "host:3", 12000, alive)->lease_owner == "host:3");
  // A recorded result ends the lease.
  lmp::PostResult done = taken->to_result();
  done.status = "published";
  store.posts().set_result(done, 9500);
  CHECK_FALSE(store.posts().get("post_running")->lease_owner);
}
