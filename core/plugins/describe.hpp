// How the loaded adapters and refused plugin files are shown (the `plugins` command and
// GET /v1/plugins print the same documents).
#pragma once

#include <boost/json.hpp>

#include "core/plugins/registry.hpp"

namespace lmp {

// {"name", "version", "platforms", "abi", "capabilities", "file"} of one loaded adapter.
boost::json::object describe_adapter(const LoadedAdapter &a);

// [{"file", "error"}] for every refused plugin file; each refusal is also logged as a warning.
boost::json::array refused_plugins(const Registry &r);

}  // namespace lmp
