#include "core/store/sqlite_webhook_store.hpp"

namespace lmp {

namespace {

constexpr const char *kColumns =
    "SELECT id, event_id, event_type, endpoint_url, payload_json, state, attempts, "
    "next_attempt_at_ms, last_error, created_at_ms, updated_at_ms FROM webhook_outbox ";

WebhookDelivery read_row(Statement &st) {
  WebhookDelivery d;
  d.id = st.column_int64(0);
  d.event_id = st.column_text(1);
  d.event_type = st.column_text(2);
  d.endpoint_url = st.column_text(3);
  d.payload_json = st.column_text(4);
  d.state = st.column_text(5);
  d.attempts = st.column_int64(6);
  d.next_attempt_at_ms = st.column_int64(7);
  d.last_error = st.column_optional_text(8);
  d.created_at_ms = st.column_int64(9);
  d.updated_at_ms = st.column_int64(10);
  return d;
}

std::vector<WebhookDelivery> read_all(Statement &st) {
  std::vector<WebhookDelivery> out;
  while (st.step()) out.push_back(read_row(st));
  return out;
}

}  // namespace

void SqliteWebhookStore::enqueue(const std::string &event_id, const std::string &event_type,
                                 const std::string &payload_json,
                                 const std::vector<std::string> &endpoints, int64_t now_ms) {
  Transaction tx(db_);
  Statement st(db_,
               "INSERT OR IGNORE INTO webhook_outbox (event_id, event_type, endpoint_url, "
               "payload_json, next_attempt_at_ms, created_at_ms, updated_at_ms) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?5)");
  for (const std::string &url : endpoints) {
    st.reset();
    st.bind_text(1, event_id)
        .bind_text(2, event_type)
        .bind_text(3, url)
        .bind_text(4, payload_json)
        .bind_int64(5, now_ms)
        .run();
  }
  tx.commit();
}

std::vector<WebhookDelivery> SqliteWebhookStore::due(int64_t now_ms, int limit) {
  auto held = db_.lock();
  Statement st(db_, std::string(kColumns) +
                        "WHERE state = 'pending' AND next_attempt_at_ms <= ?1 "
                        "ORDER BY next_attempt_at_ms, id LIMIT ?2");
  st.bind_int64(1, now_ms).bind_int64(2, limit);
  return read_all(st);
}

void SqliteWebhookStore::mark_delivered(int64_t id, int64_t now_ms) {
  Transaction tx(db_);
  Statement st(db_,
               "UPDATE webhook_outbox SET state = 'delivered', attempts = attempts + 1, "
               "last_error = NULL, updated_at_ms = ?2 WHERE id = ?1");
  st.bind_int64(1, id).bind_int64(2, now_ms).run();
  tx.commit();
}

void SqliteWebhookStore::mark_failed(int64_t id, const std::string &error, bool dead,
                                     int64_t next_attempt_at_ms, int64_t now_ms) {
  Transaction tx(db_);
  Statement st(db_,
               "UPDATE webhook_outbox SET state = ?2, attempts = attempts + 1, last_error = ?3, "
               "next_attempt_at_ms = ?4, updated_at_ms = ?5 WHERE id = ?1");
  st.bind_int64(1, id)
      .bind_text(2, dead ? "dead" : "pending")
      .bind_text(3, error)
      .bind_int64(4, next_attempt_at_ms)
      .bind_int64(5, now_ms)
      .run();
  tx.commit();
}

std::vector<WebhookDelivery> SqliteWebhookStore::list(const std::optional<std::string> &state) {
  auto held = db_.lock();
  Statement st(db_, std::string(kColumns) + "WHERE ?1 IS NULL OR state = ?1 ORDER BY id DESC");
  st.bind_optional_text(1, state);
  return read_all(st);
}

int64_t SqliteWebhookStore::revive(const std::optional<std::string> &event_id, int64_t now_ms) {
  Transaction tx(db_);
  Statement st(db_,
               "UPDATE webhook_outbox SET state = 'pending', attempts = 0, "
               "next_attempt_at_ms = ?2, updated_at_ms = ?2 WHERE "
               "(?1 IS NULL AND state = 'dead') OR (event_id = ?1 AND state != 'pending')");
  st.bind_optional_text(1, event_id).bind_int64(2, now_ms).run();
  const int64_t n = db_.changes();
  tx.commit();
  return n;
}

}  // namespace lmp
