// A thin RAII layer over the SQLite C API for the state database: a connection opened the way
// letmepost needs it, prepared statements, and transactions. Every failure throws StoreError.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "core/store/store_error.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace lmp {

// How a Database is opened.
struct DatabaseOptions {
  // How long a statement waits for another connection's lock (another CLI run, the server)
  // before failing with a retryable host.storage error.
  int busy_timeout_ms = 10'000;
};

// One connection to a state-database file. Calls on one Database are serialized by its mutex:
// the repositories and Transaction take it, so a Database may be shared between threads.
class Database {
 public:
  // Opens the database at `path`, creating the file with mode 0600 when it does not exist and
  // narrowing an existing file's mode to 0600 when it is wider (it holds tokens; a file the
  // process does not own is left as is, with a warning). The connection runs in WAL mode with
  // synchronous=NORMAL, foreign keys enforced and the busy timeout of `options`. ":memory:"
  // opens a private in-memory database. The schema is not touched (see migrate()).
  // Throws StoreError (host.storage) naming the file when it cannot be opened or is not a
  // regular file.
  static std::unique_ptr<Database> open(const std::string &path,
                                        const DatabaseOptions &options = {});
  ~Database();
  Database(const Database &) = delete;
  Database &operator=(const Database &) = delete;

  // The path given to open().
  const std::string &path() const { return path_; }

  // Runs one or more SQL statements that take no parameters; rows they return are dropped.
  void exec(std::string_view sql);

  // Rows changed by the last INSERT, UPDATE or DELETE on this connection.
  int64_t changes();

  // Writes a consistent copy of the whole database to a new file at `dest_path` (mode 0600),
  // with SQLite's online backup: other connections and processes may go on reading and writing
  // meanwhile, and the copy is the database as of one moment. An existing file at `dest_path`
  // is overwritten. Throws StoreError (host.storage) naming `dest_path` when it fails; a
  // half-written copy is removed.
  void backup_to(const std::string &dest_path);

  // Holds this connection's mutex (recursive) while the returned lock lives.
  std::unique_lock<std::recursive_mutex> lock() { return std::unique_lock(mu_); }

  // Throws the StoreError for SQLite result code `rc`, with SQLite's message and `what` (the
  // operation) in it. Busy and locked results are retryable.
  [[noreturn]] void fail(int rc, std::string_view what);

  // The raw handle, for the few SQLite calls this layer does not wrap.
  sqlite3 *handle() { return db_; }

 private:
  friend class Transaction;
  friend class Statement;
  Database(std::string path, sqlite3 *db) : path_(std::move(path)), db_(db) {}

  std::string path_;
  sqlite3 *db_;
  std::recursive_mutex mu_;
  int transaction_depth_ = 0;
  // Prepared statements not in use, by SQL text: the repositories run the same few statements
  // over and over, and preparing one costs more than running it (bench/api).
  std::unordered_multimap<std::string, sqlite3_stmt *> idle_statements_;
};

// A prepared statement. Parameters are numbered from 1 (as in SQL's ?1), result columns from 0.
// It starts with no parameters bound and no row read, whether freshly prepared or reused.
// REQUIRES: the caller holds the Database's lock (or a Transaction) while stepping.
class Statement {
 public:
  // Prepares one SQL statement (or reuses an idle one of the same text). Throws StoreError on a
  // syntax or schema error.
  Statement(Database &db, std::string_view sql);
  ~Statement();
  Statement(const Statement &) = delete;
  Statement &operator=(const Statement &) = delete;

  // Binders; each returns *this so calls chain.
  Statement &bind_null(int index);
  Statement &bind_int64(int index, int64_t value);
  Statement &bind_text(int index, std::string_view value);
  Statement &bind_blob(int index, std::string_view bytes);
  // NULL when the value is absent.
  Statement &bind_optional_text(int index, const std::optional<std::string> &value);
  Statement &bind_optional_int64(int index, std::optional<int64_t> value);

  // Advances: true when a result row is ready to read, false when the statement is done.
  bool step();
  // Steps to the end, ignoring any rows.
  void run();
  // Makes the statement ready to step again from the start; bindings are kept.
  void reset();

  // Readers of the current row.
  bool is_null(int column);
  int64_t column_int64(int column);
  std::string column_text(int column);  // "" for NULL
  std::string column_blob(int column);  // the bytes; "" for NULL
  std::optional<std::string> column_optional_text(int column);
  std::optional<int64_t> column_optional_int64(int column);

 private:
  void check_bind(int rc, int index);

  Database &db_;
  std::string sql_;
  sqlite3_stmt *stmt_ = nullptr;
};

// A write transaction that holds the Database's lock for its whole life. The outermost one is
// BEGIN IMMEDIATE (it takes the file's write lock at once, so concurrent processes wait on the
// busy timeout instead of failing mid-way); nested ones are savepoints. Rolled back on
// destruction unless commit() was called.
class Transaction {
 public:
  explicit Transaction(Database &db);
  ~Transaction();
  Transaction(const Transaction &) = delete;
  Transaction &operator=(const Transaction &) = delete;

  // Makes the changes durable (or, nested, part of the enclosing transaction). Throws
  // StoreError on failure, after which the destructor rolls back.
  void commit();

 private:
  Database &db_;
  std::unique_lock<std::recursive_mutex> lock_;
  int depth_;
  bool done_ = false;
};

}  // namespace lmp
