#include "plugins/pinterest/simulator/sim.hpp"

#include "plugins/pinterest/simulator/crypto.hpp"

namespace lmp::sim {

Sim::Sim(SimOptions opts, const Fixtures &fixtures)
    : options(std::move(opts)),
      state(fixtures, clock.now(), options.token_ttl, options.refresh_token_ttl),
      log(options.log_capacity),
      rate_limits(options.rate_limit_window),
      signing_key(random_bytes(32)) {}

std::string Sim::new_request_id() {
  return hex(random_bytes(16));
}

std::string Call::param(const std::string &name) const {
  const auto it = params.find(name);
  return it == params.end() ? std::string{} : it->second;
}

}  // namespace lmp::sim
