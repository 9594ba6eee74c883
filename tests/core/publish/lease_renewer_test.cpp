// The lease of a post being published is renewed while it is held, and only then, so a publish
// longer than scheduler.lease_s is never taken over by another host (real SQLite; the renewal
// period is turned down to milliseconds).
#include <catch2/catch.hpp>

#include <optional>
#include <thread>

#include "core/publish/lease_renewer.hpp"
#include "core/services/clock.hpp"
#include "core/store/sqlite_store.hpp"
#include "support/scratch.hpp"

namespace {

lmp::PostRecord leased_post(const std::string &id, const std::string &owner, int64_t until) {
  lmp::PostRecord p;
  p.id = id;
  p.status = "queued";
  p.body = boost::json::object{};
  p.lease_owner = owner;
  p.lease_until_ms = until;
  return p;
}

// Waits until the post's lease ends later than `than` (the renewer's thread moved it).
int64_t await_renewal(lmp::PostStore &posts, const std::string &id, int64_t than) {
  for (;;) {
    const int64_t until = posts.get(id)->lease_until_ms.value_or(0);
    if (until > than) return until;
    std::this_thread::yield();
  }
}

}  // namespace

TEST_CASE("a held post's lease is renewed until the hold ends", "[publish][schedule]") {
  lmp::test::Scratch s;
  lmp::SqliteStore store(s.path("state.db"));
  const int64_t start = lmp::host_clock().now_unix_ms();
  store.posts().insert(leased_post("post_long", "host:1", start + 30));
  store.posts().insert(leased_post("post_other", "host:2", start + 30));
  lmp::LeaseRenewer renewer(store.posts(), "host:1", 30);
  {
    std::optional<lmp::LeaseRenewer::Hold> hold = renewer.hold("post_long");
    const int64_t first = await_renewal(store.posts(), "post_long", start + 30);
    // Another owner's post is never touched, even when asked to hold it: after two more
    // renewals of post_long (so a whole round ran with both held), post_other is as it was.
    lmp::LeaseRenewer::Hold foreign = renewer.hold("post_other");
    const int64_t second = await_renewal(store.posts(), "post_long", first);
    await_renewal(store.posts(), "post_long", second);
    CHECK(store.posts().get("post_other")->lease_until_ms == start + 30);
    CHECK_FALSE(store.posts().renew_lease("post_other", "host:1", start + 99'999));
    hold.reset();
  }
  // Finished: set_result ends the lease and a renewal no longer applies.
  lmp::PostResult done;
  done.id = "post_long";
  done.status = "published";
  store.posts().set_result(done, start);
  CHECK_FALSE(store.posts().renew_lease("post_long", "host:1", start + 99'999));
  CHECK_FALSE(store.posts().get("post_long")->lease_owner);
}
