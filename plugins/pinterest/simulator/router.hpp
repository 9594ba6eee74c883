// Routes: a method and a path pattern ("/v5/boards/{board_id}") mapped to a handler, with what
// the dispatcher must do around it (bearer check, rate-limit category).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/httpd/message.hpp"
#include "core/httpd/path_pattern.hpp"

namespace lmp::sim {

struct Call;
using RouteFn = std::function<httpd::Response(Call &)>;

// Pinterest's rate-limit categories (x-ratelimit-category in the spec).
enum class Category { kNone, kOrgRead, kOrgWrite };

// "org_read", "org_write" or "".
const char *category_name(Category c);

struct Route {
  std::string method;   // a GET route also answers HEAD unless a HEAD route exists
  std::string pattern;  // "/v5/boards/{board_id}": {name} matches one non-empty segment
  Category category = Category::kNone;
  bool needs_user = false;          // a valid bearer token is required
  std::vector<std::string> scopes;  // OAuth scopes the token must have (needs_user routes)
  RouteFn fn;
};

using httpd::match_pattern;

class Router {
 public:
  // Adds a route; later routes never shadow earlier ones with the same method and pattern.
  void add(Route route);

  struct Match {
    const Route *route = nullptr;  // nullptr when nothing matched
    std::map<std::string, std::string> params;
    bool path_known = false;  // some route has this path (for 405 rather than 404)
  };
  // The route for `method` and `path`.
  Match match(std::string_view method, std::string_view path) const;

 private:
  std::vector<Route> routes_;
};

}  // namespace lmp::sim
