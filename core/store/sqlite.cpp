#include "core/store/sqlite.hpp"

#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace lmp {

namespace {

constexpr mode_t kFileMode = 0600;

// Makes sure the file exists with mode 0600 before SQLite opens it (SQLite would create it with
// 0644 under the usual umask, and its -wal and -shm files copy the database file's mode).
void prepare_file(const std::string &path) {
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, kFileMode);
  if (fd < 0) throw storage_error(path, std::string("cannot open: ") + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    int err = errno;
    ::close(fd);
    throw storage_error(path, std::string("cannot stat: ") + std::strerror(err));
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    throw storage_error(path, "not a regular file");
  }
  if ((st.st_mode & 0777) != kFileMode && ::fchmod(fd, kFileMode) != 0) {
    spdlog::warn("State database {} has mode {:o} and could not be narrowed to 0600: {}", path,
                 st.st_mode & 0777, std::strerror(errno));
  }
  ::close(fd);
}

}  // namespace

std::unique_ptr<Database> Database::open(const std::string &path, const DatabaseOptions &options) {
  if (path != ":memory:") prepare_file(path);
  sqlite3 *raw = nullptr;
  int rc = sqlite3_open_v2(
      path.c_str(), &raw,
      SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | (path == ":memory:" ? SQLITE_OPEN_CREATE : 0),
      nullptr);
  if (rc != SQLITE_OK) {
    std::string detail = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    sqlite3_close(raw);
    throw storage_error(path, detail);
  }
  std::unique_ptr<Database> db(new Database(path, raw));
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, options.busy_timeout_ms);
  db->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
  return db;
}

Database::~Database() {
  for (auto &kv : idle_statements_) sqlite3_finalize(kv.second);
  sqlite3_close_v2(db_);
}

void Database::exec(std::string_view sql) {
  auto held = lock();
  std::string text(sql);
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) fail(rc, "exec");
}

int64_t Database::changes() {
  auto held = lock();
  return sqlite3_changes64(db_);
}

void Database::backup_to(const std::string &dest_path) {
  prepare_file(dest_path);
  sqlite3 *dest = nullptr;
  int rc = sqlite3_open_v2(dest_path.c_str(), &dest, SQLITE_OPEN_READWRITE, nullptr);
  std::unique_ptr<sqlite3, decltype(&sqlite3_close)> dest_guard(dest, &sqlite3_close);
  std::string failure;
  if (rc != SQLITE_OK) {
    failure = dest ? sqlite3_errmsg(dest) : sqlite3_errstr(rc);
  } else if (sqlite3_backup *backup = sqlite3_backup_init(dest, "main", db_, "main")) {
    {
      // One step copies every page inside one read transaction: a consistent snapshot that, in
      // WAL mode, never blocks the writers of other connections.
      // A lock held by another connection is waited out for about 10 s, as statements do.
      auto held = lock();
      for (int tries = 0; tries < 1000; ++tries) {
        rc = sqlite3_backup_step(backup, -1);
        if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
        sqlite3_sleep(10);
      }
    }
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) failure = sqlite3_errstr(rc);
  } else {
    failure = sqlite3_errmsg(dest);
  }
  dest_guard.reset();
  if (failure.empty()) return;
  ::unlink(dest_path.c_str());
  throw storage_error(dest_path, "backup failed: " + failure);
}

void Database::fail(int rc, std::string_view what) {
  int primary = rc & 0xff;
  bool busy = primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
  const char *msg = sqlite3_errcode(db_) == rc ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
  throw storage_error(path_, std::string(msg) + " (" + std::string(what) + ")", busy);
}

namespace {

// Enough for every statement the repositories use; beyond it statements are finalized.
constexpr size_t kMaxIdleStatements = 128;

}  // namespace

Statement::Statement(Database &db, std::string_view sql) : db_(db), sql_(sql) {
  auto held = db_.lock();
  if (auto it = db_.idle_statements_.find(sql_); it != db_.idle_statements_.end()) {
    stmt_ = it->second;
    db_.idle_statements_.erase(it);
    return;
  }
  int rc = sqlite3_prepare_v3(db_.handle(), sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
  if (rc != SQLITE_OK) db_.fail(rc, "prepare");
}

Statement::~Statement() {
  auto held = db_.lock();
  // Reset releases the statement's read snapshot, as finalizing would.
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  if (db_.idle_statements_.size() < kMaxIdleStatements) {
    db_.idle_statements_.emplace(std::move(sql_), stmt_);
  } else {
    sqlite3_finalize(stmt_);
  }
}

void Statement::check_bind(int rc, int index) {
  if (rc != SQLITE_OK) db_.fail(rc, "bind parameter " + std::to_string(index));
}

Statement &Statement::bind_null(int index) {
  check_bind(sqlite3_bind_null(stmt_, index), index);
  return *this;
}

Statement &Statement::bind_int64(int index, int64_t value) {
  check_bind(sqlite3_bind_int64(stmt_, index, value), index);
  return *this;
}

Statement &Statement::bind_text(int index, std::string_view value) {
  check_bind(
      sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
      index);
  return *this;
}

Statement &Statement::bind_blob(int index, std::string_view bytes) {
  // A zero-length blob, not NULL, for empty values: the column is NOT NULL.
  check_bind(sqlite3_bind_blob64(stmt_, index, bytes.empty() ? "" : bytes.data(), bytes.size(),
                                 SQLITE_TRANSIENT),
             index);
  return *this;
}

Statement &Statement::bind_optional_text(int index, const std::optional<std::string> &value) {
  return value ? bind_text(index, *value) : bind_null(index);
}

Statement &Statement::bind_optional_int64(int index, std::optional<int64_t> value) {
  return value ? bind_int64(index, *value) : bind_null(index);
}

bool Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  db_.fail(rc, "step");
}

void Statement::run() {
  while (step()) {
  }
}

void Statement::reset() {
  sqlite3_reset(stmt_);  // its code repeats the last step's, already reported
}

bool Statement::is_null(int column) {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

int64_t Statement::column_int64(int column) {
  return sqlite3_column_int64(stmt_, column);
}

std::string Statement::column_text(int column) {
  const unsigned char *text = sqlite3_column_text(stmt_, column);
  int size = sqlite3_column_bytes(stmt_, column);
  return text ? std::string(reinterpret_cast<const char *>(text), size) : std::string();
}

std::string Statement::column_blob(int column) {
  const void *data = sqlite3_column_blob(stmt_, column);
  int size = sqlite3_column_bytes(stmt_, column);
  return data ? std::string(static_cast<const char *>(data), size) : std::string();
}

std::optional<std::string> Statement::column_optional_text(int column) {
  if (is_null(column)) return std::nullopt;
  return column_text(column);
}

std::optional<int64_t> Statement::column_optional_int64(int column) {
  if (is_null(column)) return std::nullopt;
  return column_int64(column);
}

Transaction::Transaction(Database &db) : db_(db), lock_(db.lock()), depth_(db.transaction_depth_) {
  Statement(db_, depth_ == 0 ? std::string("BEGIN IMMEDIATE")
                             : "SAVEPOINT lmp_sp_" + std::to_string(depth_))
      .run();
  ++db_.transaction_depth_;
}

Transaction::~Transaction() {
  --db_.transaction_depth_;
  if (done_) return;
  // Failures here are ignored: SQLite may already have rolled back after an I/O or busy error,
  // and a destructor must not throw.
  if (depth_ == 0) {
    if (!sqlite3_get_autocommit(db_.handle()))
      sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
  } else {
    std::string name = "lmp_sp_" + std::to_string(depth_);
    std::string sql = "ROLLBACK TO " + name + "; RELEASE " + name;
    sqlite3_exec(db_.handle(), sql.c_str(), nullptr, nullptr, nullptr);
  }
}

void Transaction::commit() {
  Statement(db_, depth_ == 0 ? std::string("COMMIT") : "RELEASE lmp_sp_" + std::to_string(depth_))
      .run();
  done_ = true;
}

}  // namespace lmp
