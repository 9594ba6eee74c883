// Shared commits for concurrent writers of one Database: while one transaction commits, the
// writes that arrive meanwhile wait and then go into the next transaction together, so N writers
// at once pay for about one commit (the WAL frames of the pages they share are written once).
// LevelDB's writer queue does the same for its log.
#pragma once

#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>

#include "core/store/sqlite.hpp"

namespace lmp {

class GroupCommit {
 public:
  // REQUIRES: `db` outlives this object. At most `max_batch` writes share one transaction.
  explicit GroupCommit(Database &db, size_t max_batch = 64) : db_(db), max_batch_(max_batch) {}
  GroupCommit(const GroupCommit &) = delete;
  GroupCommit &operator=(const GroupCommit &) = delete;

  // Runs `write` inside a transaction, maybe shared with other threads' writes, and returns once
  // that transaction has committed. Each write is all or nothing on its own: when it throws, its
  // changes are rolled back, the others' are kept, and run() rethrows what it threw. When the
  // commit fails, every write in it fails with the commit's StoreError. Called inside a
  // Transaction, the write simply joins it.
  void run(const std::function<void()> &write);

 private:
  struct Writer;

  // Runs the first writers of the queue (the leader's batch) in one transaction.
  void commit_batch(const std::deque<Writer *> &batch);

  Database &db_;
  const size_t max_batch_;
  std::mutex mu_;
  std::deque<Writer *> queue_;  // waiting writers; the front one leads the next batch
};

}  // namespace lmp
