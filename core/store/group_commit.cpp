#include "core/store/group_commit.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <condition_variable>
#include <exception>

namespace lmp {

struct GroupCommit::Writer {
  const std::function<void()> *write = nullptr;
  std::exception_ptr error;
  bool done = false;
  std::condition_variable cv;
};

void GroupCommit::run(const std::function<void()> &write) {
  // Inside a transaction (this thread's, or a leader's we would wait for anyway) the write runs
  // on its own: waiting in the queue while holding the connection could deadlock the leader.
  if (!sqlite3_get_autocommit(db_.handle())) {
    Transaction own(db_);
    write();
    own.commit();
    return;
  }
  Writer self;
  self.write = &write;
  std::unique_lock lock(mu_);
  queue_.push_back(&self);
  self.cv.wait(lock, [&] { return self.done || queue_.front() == &self; });
  if (!self.done) {
    // This writer leads: it commits itself and whoever queued behind it, up to max_batch_.
    const size_t n = std::min(queue_.size(), max_batch_);
    std::deque<Writer *> batch(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(n));
    lock.unlock();
    commit_batch(batch);
    lock.lock();
    for (Writer *w : batch) {
      queue_.pop_front();
      w->done = true;
      if (w != &self) w->cv.notify_one();
    }
    if (!queue_.empty()) queue_.front()->cv.notify_one();
  }
  if (self.error) std::rethrow_exception(self.error);
}

void GroupCommit::commit_batch(const std::deque<Writer *> &batch) {
  try {
    Transaction tx(db_);
    for (Writer *w : batch) {
      try {
        Transaction own(db_);  // a savepoint: one failed write does not undo the others
        (*w->write)();
        own.commit();
      } catch (...) {
        w->error = std::current_exception();
      }
    }
    tx.commit();
  } catch (...) {
    for (Writer *w : batch) {
      if (!w->error) w->error = std::current_exception();
    }
  }
}

}  // namespace lmp
