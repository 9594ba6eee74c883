// The request log read back by GET /_sim/log: what each API request asked for and got, with
// every credential redacted (tokens never appear in it).
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "core/httpd/message.hpp"
#include "plugins/pinterest/simulator/clock.hpp"

namespace lmp::sim {

struct LogEntry {
  std::uint64_t seq = 0;  // assigned by RequestLog::add, from 1
  TimePoint time;
  std::string method;
  std::string path;
  boost::json::object query;  // decoded query parameters, secrets redacted
  boost::json::value body;    // see loggable_body()
  int status = 0;
  std::string rid;    // the x-pinterest-rid of the reply
  std::string user;   // username of the token's user; "" when none
  std::string route;  // "POST /v5/pins"; "" when no route matched
  std::string fault;  // the injected fault's kind; "" when none
};

// Which entries GET /_sim/log returns.
struct LogFilter {
  std::string method;       // "" = any
  std::string path;         // exact path; "" = any
  std::string path_prefix;  // "" = any
  std::uint64_t since = 0;  // only entries with seq > since
};

// Thread-safe; keeps the newest `capacity` entries.
class RequestLog {
 public:
  explicit RequestLog(std::size_t capacity) : capacity_(capacity) {}
  // Appends `entry`, giving it the next sequence number.
  void add(LogEntry entry);
  // The matching entries, oldest first, as JSON objects (keys: seq, time, method, path, query,
  // body, status, rid, user, route, fault).
  boost::json::array to_json(const LogFilter &filter) const;
  // Forgets every entry (sequence numbers keep increasing).
  void clear();

 private:
  mutable std::mutex mutex_;
  std::size_t capacity_;
  std::uint64_t next_seq_ = 1;
  std::deque<LogEntry> entries_;
};

// The body as logged: parsed JSON for a JSON body (null if it does not parse), the fields of
// a form body, otherwise null. Credentials are replaced by "[redacted]" and strings longer than
// 512 characters are shortened (their length is kept in the text).
boost::json::value loggable_body(const httpd::Request &request);
// The decoded query parameters, credentials redacted.
boost::json::object loggable_query(const httpd::Request &request);
// Redacts credentials (by key name) and, when `shorten`, long strings, recursively.
boost::json::value redact(boost::json::value value, bool shorten = true);
// True for a parameter or key name whose value is a credential.
bool is_secret_name(std::string_view name);

}  // namespace lmp::sim
