// GET /v5/boards, /v5/boards/{board_id}, /v5/boards/{board_id}/sections and
// /v5/boards/{board_id}/pins: the token user's boards only.
#include "plugins/pinterest/simulator/errors.hpp"
#include "plugins/pinterest/simulator/paging.hpp"
#include "plugins/pinterest/simulator/routes.hpp"
#include "plugins/pinterest/simulator/views.hpp"

namespace lmp::sim {

namespace {

bool privacy_matches(const std::string &filter, const std::string &privacy) {
  if (filter == "ALL") return true;
  if (filter == "PUBLIC_AND_SECRET") return privacy == "PUBLIC" || privacy == "SECRET";
  return filter == privacy;
}

// The caller's board named by the path, or ApiError 404.
const Board &own_board(Call &call) {
  const Board *board = call.sim.state.board(call.param("board_id"));
  if (!board || board->user_id != call.user->id) throw ApiError(404, 404, "Board not found.");
  return *board;
}

httpd::Response list_boards(Call &call) {
  const PageRequest page = read_page(call.request);
  const auto params = call.request.query_params();
  std::string filter = "ALL";
  if (const auto it = params.find("privacy"); it != params.end()) {
    filter = it->second;
    static const char *known[] = {"ALL", "PUBLIC", "PROTECTED", "SECRET", "PUBLIC_AND_SECRET"};
    if (std::find(std::begin(known), std::end(known), filter) == std::end(known)) {
      throw ApiError(400, 1,
                     "Invalid parameter: privacy must be ALL, PUBLIC, PROTECTED, SECRET or "
                     "PUBLIC_AND_SECRET.");
    }
  }
  std::lock_guard lock(call.sim.state.mutex);
  boost::json::array items;
  for (const Board *b : call.sim.state.boards_of(call.user->id)) {
    if (privacy_matches(filter, b->privacy)) items.push_back(board_json(call.sim.state, *b));
  }
  return httpd::Response::json(200, page_of(items, page));
}

httpd::Response get_board(Call &call) {
  std::lock_guard lock(call.sim.state.mutex);
  return httpd::Response::json(200, board_json(call.sim.state, own_board(call)));
}

httpd::Response list_sections(Call &call) {
  const PageRequest page = read_page(call.request);
  std::lock_guard lock(call.sim.state.mutex);
  boost::json::array items;
  for (const Section *s : call.sim.state.sections_of(own_board(call).id)) {
    items.push_back(section_json(*s));
  }
  return httpd::Response::json(200, page_of(items, page));
}

httpd::Response list_board_pins(Call &call) {
  const PageRequest page = read_page(call.request);
  std::lock_guard lock(call.sim.state.mutex);
  boost::json::array items;
  for (const Pin *p : call.sim.state.pins_of_board(own_board(call).id)) items.push_back(p->json);
  return httpd::Response::json(200, page_of(items, page));
}

}  // namespace

void add_board_routes(Router &router) {
  router.add({"GET", "/v5/boards", Category::kOrgRead, true, {"boards:read"}, list_boards});
  router.add(
      {"GET", "/v5/boards/{board_id}", Category::kOrgRead, true, {"boards:read"}, get_board});
  router.add({"GET",
              "/v5/boards/{board_id}/sections",
              Category::kOrgRead,
              true,
              {"boards:read"},
              list_sections});
  router.add({"GET",
              "/v5/boards/{board_id}/pins",
              Category::kOrgRead,
              true,
              {"boards:read", "pins:read"},
              list_board_pins});
}

}  // namespace lmp::sim
