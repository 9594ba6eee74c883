// Reusable libcurl handles: each pooled entry is an easy handle with its own multi handle, whose
// connection cache keeps connections alive between exchanges. One thread uses an entry at a time.
#pragma once

#include <curl/curl.h>

#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

namespace lmp {

// A pair of libcurl handles lent by a CurlPool; the easy handle is reset before each loan.
struct CurlEntry {
  CURLM *multi = nullptr;
  CURL *easy = nullptr;
  CurlEntry();
  ~CurlEntry();
  CurlEntry(const CurlEntry &) = delete;
  CurlEntry &operator=(const CurlEntry &) = delete;
};

// A thread-safe pool of CurlEntry. Initializes libcurl globally on first construction.
class CurlPool {
 public:
  // Keeps at most `max_idle` entries (and their open connections) between loans.
  explicit CurlPool(size_t max_idle = 8);

  // Returns an entry to the pool when destroyed.
  class Loan {
   public:
    Loan(CurlPool *pool, std::unique_ptr<CurlEntry> entry);
    ~Loan();
    Loan(Loan &&) = default;
    Loan &operator=(Loan &&) = delete;
    CurlEntry &operator*() const { return *entry_; }
    CurlEntry *operator->() const { return entry_.get(); }

   private:
    CurlPool *pool_;
    std::unique_ptr<CurlEntry> entry_;
  };

  // Lends an idle entry, or a new one; its easy handle has default options.
  Loan acquire();

 private:
  void release(std::unique_ptr<CurlEntry> entry);

  size_t max_idle_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<CurlEntry>> idle_;
};

}  // namespace lmp
