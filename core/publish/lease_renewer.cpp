#include "core/publish/lease_renewer.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <exception>
#include <utility>
#include <vector>

#include "core/services/clock.hpp"

namespace lmp {

LeaseRenewer::LeaseRenewer(PostStore &posts, std::string owner, int64_t lease_ms)
    : posts_(posts), owner_(std::move(owner)), lease_ms_(lease_ms) {}

LeaseRenewer::~LeaseRenewer() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

LeaseRenewer::Hold LeaseRenewer::hold(const std::string &post_id) {
  std::lock_guard lock(mu_);
  ++held_[post_id];
  if (!thread_.joinable()) thread_ = std::thread([this] { loop(); });
  return Hold(this, post_id);
}

void LeaseRenewer::release(const std::string &post_id) {
  std::lock_guard lock(mu_);
  auto it = held_.find(post_id);
  if (it != held_.end() && --it->second == 0) held_.erase(it);
}

void LeaseRenewer::loop() {
  std::unique_lock lock(mu_);
  while (!cv_.wait_for(lock, std::chrono::milliseconds(std::max<int64_t>(1, lease_ms_ / 3)),
                       [this] { return stopping_; })) {
    std::vector<std::string> ids;
    for (const auto &kv : held_) ids.push_back(kv.first);
    lock.unlock();
    for (const std::string &id : ids) {
      try {
        posts_.renew_lease(id, owner_, host_clock().now_unix_ms() + lease_ms_);
      } catch (const std::exception &e) {
        // The lease may run out; the next renewal tries again.
        spdlog::warn("renewing the lease of {}: {}", id, e.what());
      }
    }
    lock.lock();
  }
}

LeaseRenewer::Hold::Hold(LeaseRenewer *renewer, std::string post_id)
    : renewer_(renewer), post_id_(std::move(post_id)) {}

LeaseRenewer::Hold::Hold(Hold &&other) noexcept
    : renewer_(std::exchange(other.renewer_, nullptr)), post_id_(std::move(other.post_id_)) {}

LeaseRenewer::Hold &LeaseRenewer::Hold::operator=(Hold &&other) noexcept {
  if (this != &other) {
    if (renewer_) renewer_->release(post_id_);
    renewer_ = std::exchange(other.renewer_, nullptr);
    post_id_ = std::move(other.post_id_);
  }
  return *this;
}

LeaseRenewer::Hold::~Hold() {
  if (renewer_) renewer_->release(post_id_);
}

}  // namespace lmp
