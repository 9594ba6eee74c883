// `letmepost backup FILE [--force]`: a consistent copy of the state database, safe to take while
// `serve` or another command uses it (SQLite's online backup).
#include <filesystem>

#include "core/cli/command.hpp"
#include "core/cli/context.hpp"
#include "core/cli/output.hpp"
#include "core/store/migrations.hpp"
#include "core/store/sqlite.hpp"

namespace lmp::cli {

namespace fs = std::filesystem;
namespace json = boost::json;

int run_backup(Context &ctx, const std::vector<std::string> &args) {
  std::string file;
  bool force = false;
  for (const auto &a : args) {
    if (a == "--force") {
      force = true;
    } else if (file.empty() && !a.empty() && a.front() != '-') {
      file = a;
    } else {
      throw UsageError{"unexpected argument '" + a + "'"};
    }
  }
  if (file.empty()) throw UsageError{"expected the backup FILE"};
  const fs::path state = fs::absolute(ctx.config().state_path).lexically_normal();
  const fs::path dest = fs::absolute(file).lexically_normal();
  std::error_code ec;
  if (!fs::is_regular_file(state, ec)) {
    throw UsageError{"there is no state database at " + state.string() + " to back up"};
  }
  if (fs::equivalent(state, dest, ec)) {
    throw UsageError{dest.string() + " is the state database itself"};
  }
  if (fs::exists(dest, ec)) {
    if (!force) throw UsageError{dest.string() + " exists; give --force to overwrite it"};
    // A stale journal beside the old file would be replayed into the new copy.
    for (const char *suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(dest.string() + suffix);
  }
  // The file as it is: a backup neither migrates nor otherwise changes the database.
  auto db = Database::open(state.string());
  db->backup_to(dest.string());
  print_json(json::object{{"backup", dest.string()}, {"schemaVersion", schema_version(*db)}});
  return kExitOk;
}

}  // namespace lmp::cli
