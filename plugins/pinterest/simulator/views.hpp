// The JSON objects the API returns for the state's records (Board, BoardSection, media).
#pragma once

#include <string>

#include <boost/json/object.hpp>

#include "plugins/pinterest/simulator/sim.hpp"

namespace lmp::sim {

// A Board object. REQUIRES: state mutex held.
boost::json::object board_json(const State &state, const Board &board);
// A BoardSection object.
boost::json::object section_json(const Section &section);
// The ImageSize object of a pin's images, served by the simulator under /media/pins/.
boost::json::object image_sizes_json(const std::string &base_url, const std::string &pin_id,
                                     int item);

}  // namespace lmp::sim
