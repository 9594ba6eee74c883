// letmepost-pinterest-sim as an object: the routes, the dispatcher (faults, auth, rate limits,
// request log, x-pinterest-rid) and the HTTP server. main.cpp runs one; tests may too.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "core/httpd/server.hpp"
#include "plugins/pinterest/simulator/fixtures.hpp"
#include "plugins/pinterest/simulator/options.hpp"
#include "plugins/pinterest/simulator/router.hpp"
#include "plugins/pinterest/simulator/sim.hpp"

namespace lmp::sim {

class Simulator {
 public:
  // Binds 127.0.0.1:options.port and arms the --scenario faults. Throws std::runtime_error
  // (bind failure) or FaultError (bad scenario).
  Simulator(SimOptions options, const Fixtures &fixtures);
  Simulator(const Simulator &) = delete;
  Simulator &operator=(const Simulator &) = delete;
  ~Simulator();

  std::uint16_t port() const;
  // "http://127.0.0.1:PORT".
  const std::string &base_url() const;
  // Starts serving on background threads.
  void start();
  // Stops serving (idempotent).
  void stop();
  // The state and services, for in-process inspection.
  Sim &sim() { return *sim_; }

 private:
  friend class DispatchStream;
  httpd::Response handle(const httpd::Request &request);
  std::unique_ptr<httpd::BodyStream> stream_for(const httpd::Request &head);
  httpd::Response run_route(const Router::Match &match, Call &call, LogEntry &entry);
  // Adds the rid header, records `entry` with the reply's status.
  httpd::Response finish(httpd::Response response, LogEntry entry, const std::string &rid);

  std::unique_ptr<Sim> sim_;
  Router api_;
  Router control_;
  std::unique_ptr<httpd::Server> server_;
};

}  // namespace lmp::sim
