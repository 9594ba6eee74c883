// One pass over the state database: every scheduled post whose time has come, and every post a
// crashed run left unfinished, is taken (leased) and published. `publish-due` runs one pass;
// `serve` runs one every scheduler.poll_ms.
#pragma once

#include <atomic>
#include <vector>

#include "core/config/config.hpp"
#include "core/model/result.hpp"
#include "core/publish/publisher.hpp"
#include "core/store/store.hpp"

namespace lmp {

// Publishes what is due now (host clock), one post after another, until nothing is left or
// `stop` becomes true; returns each post's result in that order. A scheduled post published
// more than scheduler.late_after_s after its time is flagged late. Throws StoreError when the
// database fails (a post it held stays leased until scheduler.lease_s ends, then is taken up).
std::vector<PostResult> run_due_pass(PostStore &posts, Publisher &publisher, const Config &config,
                                     const std::atomic<bool> *stop = nullptr);

}  // namespace lmp
