#include "plugins/pinterest/simulator/router.hpp"

namespace lmp::sim {

namespace {

std::vector<std::string_view> split(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (;;) {
    const auto slash = path.find('/', start);
    out.push_back(path.substr(start, slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return out;
}

}  // namespace

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

bool match_pattern(std::string_view pattern, std::string_view path,
                   std::map<std::string, std::string> *params) {
  if (!pattern.empty() && pattern.back() == '*') {
    return path.substr(0, pattern.size() - 1) == pattern.substr(0, pattern.size() - 1);
  }
  const auto want = split(pattern);
  const auto got = split(path);
  if (want.size() != got.size()) return false;
  std::map<std::string, std::string> found;
  for (std::size_t i = 0; i < want.size(); ++i) {
    const auto w = want[i];
    if (w.size() > 2 && w.front() == '{' && w.back() == '}') {
      if (got[i].empty()) return false;
      found[std::string(w.substr(1, w.size() - 2))] = std::string(got[i]);
    } else if (w != got[i]) {
      return false;
    }
  }
  if (params) *params = std::move(found);
  return true;
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
