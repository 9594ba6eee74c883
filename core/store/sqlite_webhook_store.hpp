// WebhookStore over a SQLite state database.
#pragma once

#include "core/store/sqlite.hpp"
#include "core/store/store.hpp"

namespace lmp {

// Deliveries in the webhook_outbox table (schema v2 and later).
// REQUIRES: `db` is migrated and outlives this object.
class SqliteWebhookStore : public WebhookStore {
 public:
  explicit SqliteWebhookStore(Database &db) : db_(db) {}

  void enqueue(const std::string &event_id, const std::string &event_type,
               const std::string &payload_json, const std::vector<std::string> &endpoints,
               int64_t now_ms) override;
  std::vector<WebhookDelivery> due(int64_t now_ms, int limit) override;
  void mark_delivered(int64_t id, int64_t now_ms) override;
  void mark_failed(int64_t id, const std::string &error, bool dead, int64_t next_attempt_at_ms,
                   int64_t now_ms) override;
  std::vector<WebhookDelivery> list(const std::optional<std::string> &state) override;
  int64_t revive(const std::optional<std::string> &event_id, int64_t now_ms) override;

 private:
  Database &db_;
};

}  // namespace lmp
