// The life of a media upload: registered -> processing -> succeeded | failed.
#pragma once

#include <chrono>
#include <string>

#include "plugins/pinterest/simulator/state.hpp"

namespace lmp::sim {

// "registered" until the bytes arrive, "processing" for `processing` after that, then
// "succeeded" for a video and "failed" for anything else. Computed from the clock, so moving
// the simulator's clock moves uploads along.
std::string media_status(const Media &media, TimePoint now, std::chrono::milliseconds processing);

}  // namespace lmp::sim
