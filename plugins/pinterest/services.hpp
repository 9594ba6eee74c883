// The parts of the adapter instance an operation works with. Owned by the instance; shared by
// its concurrent calls (each part is thread-safe or read-only).
#pragma once

#include "plugins/pinterest/auth.hpp"
#include "plugins/pinterest/boards.hpp"
#include "plugins/pinterest/settings.hpp"

namespace pinterest {

struct Services {
  const Settings &settings;
  TokenKeeper &tokens;
  BoardDirectory &boards;
};

}  // namespace pinterest
