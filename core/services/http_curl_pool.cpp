#include "core/services/http_curl_pool.hpp"

#include <new>

namespace lmp {
namespace {

void init_libcurl_once() {
  static const CURLcode rc = curl_global_init(CURL_GLOBAL_DEFAULT);
  if (rc != CURLE_OK) throw std::bad_alloc();
}

}  // namespace

CurlEntry::CurlEntry() : multi(curl_multi_init()), easy(curl_easy_init()) {
  if (!multi || !easy) {
    if (easy) curl_easy_cleanup(easy);
    if (multi) curl_multi_cleanup(multi);
    throw std::bad_alloc();
  }
}

CurlEntry::~CurlEntry() {
  curl_easy_cleanup(easy);
  curl_multi_cleanup(multi);
}

CurlPool::CurlPool(size_t max_idle) : max_idle_(max_idle) {
  init_libcurl_once();
}

CurlPool::Loan::Loan(CurlPool *pool, std::unique_ptr<CurlEntry> entry)
    : pool_(pool), entry_(std::move(entry)) {}

CurlPool::Loan::~Loan() {
  if (entry_) pool_->release(std::move(entry_));
}

CurlPool::Loan CurlPool::acquire() {
  std::unique_ptr<CurlEntry> entry;
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      entry = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (!entry) entry = std::make_unique<CurlEntry>();
  // Options go back to their defaults; live connections stay in the multi handle's cache.
  curl_easy_reset(entry->easy);
  return Loan(this, std::move(entry));
}

void CurlPool::release(std::unique_ptr<CurlEntry> entry) {
  std::lock_guard lock(mutex_);
  if (idle_.size() < max_idle_) idle_.push_back(std::move(entry));
}

}  // namespace lmp
