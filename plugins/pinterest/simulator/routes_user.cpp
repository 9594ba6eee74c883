// GET /v5/user_account: the token user's account.
#include "plugins/pinterest/simulator/routes.hpp"

namespace lmp::sim {

namespace {

httpd::Response user_account(Call &call) {
  const User &u = *call.user;
  std::lock_guard lock(call.sim.state.mutex);
  std::size_t pins = 0;
  for (const auto &[id, p] : call.sim.state.pins) pins += p.user_id == u.id;
  return httpd::Response::json(200, {{"id", u.id},
                                     {"username", u.username},
                                     {"account_type", u.account_type},
                                     {"business_name", nullptr},
                                     {"profile_image", call.sim.base_url + "/media/demo.jpg"},
                                     {"website_url", ""},
                                     {"about", ""},
                                     {"board_count", call.sim.state.boards_of(u.id).size()},
                                     {"pin_count", pins},
                                     {"follower_count", 0},
                                     {"following_count", 0},
                                     {"monthly_views", 0}});
}

}  // namespace

void add_user_routes(Router &router) {
  router.add(
      {"GET", "/v5/user_account", Category::kOrgRead, true, {"user_accounts:read"}, user_account});
}

}  // namespace lmp::sim
