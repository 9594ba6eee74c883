// /v1/plugins, /healthz and /metrics.
#include "core/plugins/describe.hpp"
#include "core/server/api.hpp"

namespace lmp::server {

namespace json = boost::json;
using httpd::Response;

void add_meta_routes(std::vector<ApiRoute> &routes, ApiState &s) {
  routes.push_back({"GET", "/v1/plugins", true, [&s](ApiCall &) {
                      json::array adapters;
                      for (const auto &a : s.deps.registry->adapters()) {
                        adapters.push_back(describe_adapter(*a));
                      }
                      return Response::json(
                          200, json::object{{"adapters", std::move(adapters)},
                                            {"refused", refused_plugins(*s.deps.registry)}});
                    }});
  // Unauthenticated, for load balancers and process supervisors.
  routes.push_back({"GET", "/healthz", false, [&s](ApiCall &) {
                      s.deps.store->posts().count_by_status();  // the database answers
                      return Response::json(200, json::object{{"status", "ok"}});
                    }});
  // Unauthenticated, as Prometheus scrapes; it shows counts, never ids or accounts' data.
  routes.push_back({"GET", "/metrics", false, [&s](ApiCall &) {
                      return Response::text(200, s.metrics.render(s.deps.store->posts()),
                                            "text/plain; version=0.0.4; charset=utf-8");
                    }});
}

}  // namespace lmp::server
