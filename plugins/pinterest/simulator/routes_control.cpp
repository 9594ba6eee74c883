// The control API (docs/simulator.md): /_sim/health, /_sim/log, /_sim/faults, /_sim/clock,
// /_sim/rate-limits. No auth; not logged; never faulted.
#include <charconv>

#include <boost/json/parse.hpp>

#include "plugins/pinterest/simulator/errors.hpp"
#include "plugins/pinterest/simulator/routes.hpp"

namespace lmp::sim {

namespace {

boost::json::value json_body(Call &call) {
  boost::system::error_code ec;
  auto value = boost::json::parse(call.request.body, ec);
  if (ec) throw ApiError(400, 1, "The body must be JSON: " + ec.message());
  return value;
}

httpd::Response no_content() {
  httpd::Response r;
  r.status = 204;
  return r;
}

httpd::Response read_log(Call &call) {
  const auto params = call.request.query_params();
  auto get = [&](const char *key) {
    const auto it = params.find(key);
    return it == params.end() ? std::string{} : it->second;
  };
  LogFilter filter{get("method"), get("path"), get("pathPrefix"), 0};
  if (const std::string since = get("since"); !since.empty()) {
    const auto [end, ec] = std::from_chars(since.data(), since.data() + since.size(), filter.since);
    if (ec != std::errc{} || end != since.data() + since.size()) {
      throw ApiError(400, 1, "since must be a whole number");
    }
  }
  return httpd::Response::json(200, call.sim.log.to_json(filter));
}

httpd::Response add_faults(Call &call) {
  const auto body = json_body(call);
  std::vector<Fault> faults;
  try {
    if (body.is_array()) {
      for (const auto &item : body.as_array()) faults.push_back(parse_fault(item));
    } else {
      faults.push_back(parse_fault(body));
    }
  } catch (const FaultError &e) {
    throw ApiError(400, 1, e.what());
  }
  boost::json::array armed;
  for (auto &f : faults) {
    f.id = call.sim.faults.add(f);
    armed.push_back(fault_to_json(f));
  }
  return httpd::Response::json(201, armed);
}

httpd::Response clock_json(Call &call) {
  return httpd::Response::json(200, {{"now", iso_time_ms(call.sim.clock.now())},
                                     {"offsetMs", call.sim.clock.offset().count()}});
}

httpd::Response advance_clock(Call &call) {
  const auto body = json_body(call);
  const auto *ms = body.is_object() ? body.as_object().if_contains("advanceMs") : nullptr;
  if (!ms || !ms->is_int64() || ms->as_int64() < 0) {
    throw ApiError(400, 1, "The body must be {\"advanceMs\": N} with N >= 0");
  }
  call.sim.clock.advance(std::chrono::milliseconds(ms->as_int64()));
  return clock_json(call);
}

}  // namespace

void add_control_routes(Router &router) {
  router.add({"GET", "/_sim/health", Category::kNone, false, {}, [](Call &) {
                return httpd::Response::json(200, {{"ok", true}});
              }});
  router.add({"GET", "/_sim/log", Category::kNone, false, {}, read_log});
  router.add({"DELETE", "/_sim/log", Category::kNone, false, {}, [](Call &call) {
                call.sim.log.clear();
                return no_content();
              }});
  router.add({"GET", "/_sim/faults", Category::kNone, false, {}, [](Call &call) {
                return httpd::Response::json(200, call.sim.faults.to_json());
              }});
  router.add({"POST", "/_sim/faults", Category::kNone, false, {}, add_faults});
  router.add({"DELETE", "/_sim/faults", Category::kNone, false, {}, [](Call &call) {
                call.sim.faults.clear();
                return no_content();
              }});
  router.add({"GET", "/_sim/clock", Category::kNone, false, {}, clock_json});
  router.add({"POST", "/_sim/clock", Category::kNone, false, {}, advance_clock});
  router.add({"DELETE", "/_sim/rate-limits", Category::kNone, false, {}, [](Call &call) {
                call.sim.rate_limits.reset();
                return no_content();
              }});
}

}  // namespace lmp::sim
