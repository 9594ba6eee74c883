// Injected faults: "the next N replies of this route are X". Armed by POST /_sim/faults or a
// --scenario file; each matching reply uses one up.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <boost/json/array.hpp>
#include <boost/json/value.hpp>

#include "core/httpd/message.hpp"

namespace lmp::sim {

struct Fault {
  std::uint64_t id = 0;             // assigned when armed
  std::string method;               // "" = any method
  std::string path;                 // a route pattern ("/v5/boards/{id}"), exact path, or "prefix*"
  int remaining = 1;                // replies still to affect
  int status = 0;                   // 0 = keep the real reply's status and body
  std::optional<std::string> body;  // with status: the body (default: a Pinterest envelope)
  httpd::HeaderList headers;        // added to (or replacing in) the reply
  std::chrono::milliseconds delay{0};
  bool drop = false;                    // close the connection, send nothing
  std::optional<std::size_t> truncate;  // send only this many body bytes, then close
  bool malformed_json = false;          // replace the body with broken JSON
  bool after_handler = false;           // run the real handler first (its effects happen)

  // True when the real handler must run (its reply is needed, or after_handler).
  bool runs_handler() const { return after_handler || (status == 0 && !drop); }
  // A short name of what the fault does, for the request log ("status 503", "drop", ...).
  std::string kind() const;
};

// A fault description that cannot be used; what() names the field.
class FaultError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Reads one fault from its JSON form (docs/simulator.md, "Faults"). Throws FaultError.
Fault parse_fault(const boost::json::value &json);
// Reads a scenario file (YAML: `faults: [...]`, each item as in parse_fault). Throws FaultError
// naming the file.
std::vector<Fault> load_scenario(const std::string &path);
// The fault's JSON form, with its id and remaining count.
boost::json::object fault_to_json(const Fault &fault);

// Applies `fault` to `real` (the handler's reply; ignored unless runs_handler()).
httpd::Response apply_fault(const Fault &fault, httpd::Response real);

// Thread-safe list of armed faults.
class Faults {
 public:
  // Arms `fault`; returns its id.
  std::uint64_t add(Fault fault);
  // Uses up one reply of the first armed fault matching `method` and `path`.
  std::optional<Fault> take(const std::string &method, const std::string &path);
  boost::json::array to_json() const;
  void clear();

 private:
  mutable std::mutex mutex_;
  std::uint64_t next_id_ = 1;
  std::vector<Fault> faults_;
};

}  // namespace lmp::sim
