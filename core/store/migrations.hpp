// The state database's schema, versioned with PRAGMA user_version and migrated forward on
// start-up. Adding a version means appending one step to migrations(); released steps never
// change.
#pragma once

#include <vector>

#include "core/store/sqlite.hpp"

namespace lmp {

// One schema change: it takes the database from version - 1 to `version`.
struct Migration {
  int version;
  const char *summary;          // what the step adds, for logs
  void (*apply)(Database &db);  // runs inside the step's transaction
};

// Every step, in order: versions 1, 2, ... with no gaps.
const std::vector<Migration> &migrations();

// The newest schema version this build knows.
int latest_schema_version();

// The database's schema version (0 for a new, empty file).
int schema_version(Database &db);

// Brings the database to `target` (default: the newest), applying each missing step in its own
// write transaction that re-reads the version first, so processes starting together migrate once.
// A database already at or past `target` is left alone. Throws StoreError with code
// host.storage_version when the database's version is newer than this build knows (a newer
// letmepost wrote it), host.storage when a step fails (that step is rolled back; the ones before
// it stay), and std::invalid_argument when `target` is outside 0..latest_schema_version().
void migrate(Database &db, int target = latest_schema_version());

}  // namespace lmp
