#include "core/store/migrations.hpp"

#include <spdlog/spdlog.h>

#include <stdexcept>
#include <string>

namespace lmp {

namespace {

// v1: what the first image pin needs (posts and their targets, the adapters' cache, tokens)
// and the media library's index.
void apply_v1(Database &db) {
  db.exec(R"sql(
CREATE TABLE posts (
  id              TEXT PRIMARY KEY,      -- "post_<ULID>": string order is creation order
  created_at_ms   INTEGER NOT NULL,
  updated_at_ms   INTEGER NOT NULL,
  status          TEXT NOT NULL,         -- published | scheduled | partial | failed | ...
  scheduled_at_ms INTEGER,
  body_json       TEXT NOT NULL,         -- the post as submitted
  result_json     TEXT,                  -- the last result document
  errors_json     TEXT                   -- post-level errors: a JSON array of error objects
);
CREATE INDEX posts_by_status ON posts(status, id);
CREATE INDEX posts_due ON posts(scheduled_at_ms) WHERE status = 'scheduled';

CREATE TABLE targets (
  post_id            TEXT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  idx                INTEGER NOT NULL,   -- position in the post's targets
  platform           TEXT NOT NULL,
  account_id         TEXT NOT NULL,
  status             TEXT NOT NULL,      -- the user-facing status of the result
  step               TEXT NOT NULL,      -- queued | preflighted | uploading | publishing | published | failed
  platform_post_id   TEXT,
  url                TEXT,
  error_json         TEXT,
  errors_json        TEXT,
  late               INTEGER NOT NULL DEFAULT 0,
  rate_limit_json    TEXT,
  attempts           INTEGER NOT NULL DEFAULT 0,
  next_attempt_at_ms INTEGER,
  updated_at_ms      INTEGER NOT NULL,
  PRIMARY KEY (post_id, idx)
);
CREATE INDEX targets_by_account ON targets(account_id);

CREATE TABLE cache (
  namespace     TEXT NOT NULL,
  key           TEXT NOT NULL,
  value         BLOB NOT NULL,
  expires_at_ms INTEGER NOT NULL,
  PRIMARY KEY (namespace, key)
) WITHOUT ROWID;
CREATE INDEX cache_by_expiry ON cache(expires_at_ms);

CREATE TABLE credentials (
  account_id       TEXT PRIMARY KEY,
  platform         TEXT NOT NULL,
  credentials_json TEXT NOT NULL,
  seed_hash        TEXT,                 -- SHA-256 per key of the YAML values last seeded
  updated_at_ms    INTEGER NOT NULL
);

CREATE TABLE media (
  id            TEXT PRIMARY KEY,        -- media_id_for_sha256(sha256)
  sha256        TEXT NOT NULL UNIQUE,
  path          TEXT NOT NULL,
  size          INTEGER NOT NULL,
  mtime_ns      INTEGER NOT NULL,
  kind          TEXT NOT NULL,
  probe_json    TEXT,
  created_at_ms INTEGER NOT NULL,
  in_library    INTEGER NOT NULL DEFAULT 0 CHECK (in_library IN (0, 1))
);
CREATE INDEX media_by_path ON media(path);

CREATE TABLE platform_media (
  media_id          TEXT NOT NULL REFERENCES media(id) ON DELETE CASCADE,
  account_id        TEXT NOT NULL,
  platform_media_id TEXT NOT NULL,
  state             TEXT NOT NULL,
  updated_at_ms     INTEGER NOT NULL,
  PRIMARY KEY (media_id, account_id)
) WITHOUT ROWID;
)sql");
}

// v2: what `serve` needs (issue 7): idempotency keys, the webhook outbox, monthly quota counts,
// a lease on posts so two processes never publish one post at once, and an index over the
// targets a restart must resume.
void apply_v2(Database &db) {
  db.exec(R"sql(
CREATE TABLE idempotency_keys (
  scope          TEXT NOT NULL,          -- the API key's name
  key            TEXT NOT NULL,          -- the Idempotency-Key header
  request_sha256 TEXT NOT NULL,          -- of the request body: another body is a conflict
  status_code    INTEGER,                -- NULL while the first request is in flight
  response_json  TEXT,
  resource_id    TEXT,                   -- the post or media the request created
  created_at_ms  INTEGER NOT NULL,
  expires_at_ms  INTEGER NOT NULL,
  PRIMARY KEY (scope, key)
) WITHOUT ROWID;
CREATE INDEX idempotency_by_expiry ON idempotency_keys(expires_at_ms);

CREATE TABLE webhook_outbox (
  id                 INTEGER PRIMARY KEY,  -- one delivery: an event to one endpoint
  event_id           TEXT NOT NULL,        -- stable "evt_<ULID>" for receivers' de-duplication
  event_type         TEXT NOT NULL,
  endpoint_url       TEXT NOT NULL,
  payload_json       TEXT NOT NULL,
  state              TEXT NOT NULL DEFAULT 'pending'
                     CHECK (state IN ('pending', 'delivered', 'dead')),
  attempts           INTEGER NOT NULL DEFAULT 0,
  next_attempt_at_ms INTEGER NOT NULL,
  last_error         TEXT,
  created_at_ms      INTEGER NOT NULL,
  updated_at_ms      INTEGER NOT NULL,
  UNIQUE (event_id, endpoint_url)
);
CREATE INDEX webhook_outbox_due ON webhook_outbox(next_attempt_at_ms) WHERE state = 'pending';

CREATE TABLE quota_usage (
  account_id TEXT NOT NULL,
  period     TEXT NOT NULL,              -- "YYYY-MM", UTC
  used       INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (account_id, period)
) WITHOUT ROWID;

ALTER TABLE posts ADD COLUMN lease_owner TEXT;
ALTER TABLE posts ADD COLUMN lease_until_ms INTEGER;
CREATE INDEX targets_unfinished ON targets(next_attempt_at_ms)
  WHERE step NOT IN ('published', 'failed');
)sql");
}

// v3: the API key that created each post (`serve`), so a key sees only its own posts. NULL for
// posts made by the CLI, which no API key sees.
void apply_v3(Database &db) {
  db.exec(R"sql(
ALTER TABLE posts ADD COLUMN api_key TEXT;
CREATE INDEX posts_by_api_key ON posts(api_key, id);
)sql");
}

// v4: which API keys uploaded each media entry (`POST /v1/media`), so a key reads only media it
// uploaded. Entries the CLI added have no row, and no API key sees them.
void apply_v4(Database &db) {
  db.exec(R"sql(
CREATE TABLE media_uploaders (
  media_id TEXT NOT NULL REFERENCES media(id) ON DELETE CASCADE,
  api_key  TEXT NOT NULL,
  PRIMARY KEY (media_id, api_key)
) WITHOUT ROWID;
)sql");
}

void refuse_newer(Database &db, int version) {
  if (version <= latest_schema_version()) return;
  throw StoreError(make_error(std::string(kStorageVersionError),
                              "State database " + db.path() + " has schema version " +
                                  std::to_string(version) + ", newer than this letmepost knows (" +
                                  std::to_string(latest_schema_version()) +
                                  "); use a newer letmepost or another state.path."));
}

}  // namespace

const std::vector<Migration> &migrations() {
  static const std::vector<Migration> steps = {
      {1, "posts, targets, cache, credentials, media, platform_media", apply_v1},
      {2, "idempotency_keys, webhook_outbox, quota_usage, post leases", apply_v2},
      {3, "posts.api_key", apply_v3},
      {4, "media_uploaders", apply_v4},
  };
  return steps;
}

int latest_schema_version() {
  return migrations().back().version;
}

int schema_version(Database &db) {
  auto held = db.lock();
  Statement st(db, "PRAGMA user_version");
  st.step();
  return static_cast<int>(st.column_int64(0));
}

void migrate(Database &db, int target) {
  if (target < 0 || target > latest_schema_version())
    throw std::invalid_argument("schema version " + std::to_string(target) + " is unknown");
  int version = schema_version(db);
  refuse_newer(db, version);
  const bool fresh = version == 0;
  for (const Migration &step : migrations()) {
    if (step.version > target) break;
    if (step.version <= version) continue;
    Transaction tx(db);
    // Another process may have migrated since the version was read.
    version = schema_version(db);
    refuse_newer(db, version);
    if (step.version <= version) continue;
    step.apply(db);
    db.exec("PRAGMA user_version = " + std::to_string(step.version));
    tx.commit();
    // Upgrading a file in use is worth telling; creating a new one is not.
    spdlog::log(fresh ? spdlog::level::debug : spdlog::level::info,
                "State database {}: schema v{} ({})", db.path(), step.version, step.summary);
    version = step.version;
  }
}

}  // namespace lmp
