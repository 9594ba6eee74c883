// The simulator's routes, registered by concern (one routes_*.cpp file each).
#pragma once

#include <memory>

#include "plugins/pinterest/simulator/router.hpp"
#include "plugins/pinterest/simulator/sim.hpp"

namespace lmp::sim {

// /oauth/ (consent page) and POST /v5/oauth/token.
void add_oauth_routes(Router &router);
// GET /v5/user_account.
void add_user_routes(Router &router);
// /v5/boards, /v5/boards/{id}, sections and board pins.
void add_board_routes(Router &router);
// POST /v5/pins, GET and DELETE /v5/pins/{id}.
void add_pin_routes(Router &router);
// POST /v5/media, GET /v5/media and /v5/media/{id}.
void add_media_routes(Router &router);
// Images the simulator serves: /media/demo.jpg and the pins' image URLs.
void add_asset_routes(Router &router);
// True when GET `path` (no query) answers with an image from add_asset_routes.
bool serves_image(std::string_view path);
// Destination pages for link checks under /dest/.
void add_destination_routes(Router &router);
// The control API under /_sim/ (no auth, not logged, never faulted).
void add_control_routes(Router &router);

// The S3-style upload endpoint (POST Sim::kUploadPath), which streams its body.
std::unique_ptr<LoggedBodyStream> make_s3_upload(Call &call);

}  // namespace lmp::sim
