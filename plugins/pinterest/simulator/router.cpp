#include "plugins/pinterest/simulator/router.hpp"

namespace lmp::sim {

const char *category_name(Category c) {
  switch (c) {
    case Category::kOrgRead:
      return "org_read";
    case Category::kOrgWrite:
      return "org_write";
    case Category::kNone:
      break;
  }
  return "";
}

void Router::add(Route route) {
  routes_.push_back(std::move(route));
}

Router::Match Router::match(std::string_view method, std::string_view path) const {
  Match result;
  const Route *get_for_head = nullptr;
  std::map<std::string, std::string> get_params;
  for (const Route &r : routes_) {
    std::map<std::string, std::string> params;
    if (!match_pattern(r.pattern, path, &params)) continue;
    result.path_known = true;
    if (r.method == method) {
      result.route = &r;
      result.params = std::move(params);
      return result;
    }
    if (method == "HEAD" && r.method == "GET" && !get_for_head) {
      get_for_head = &r;
      get_params = std::move(params);
    }
  }
  if (get_for_head) {
    result.route = get_for_head;
    result.params = std::move(get_params);
  }
  return result;
}

}  // namespace lmp::sim
