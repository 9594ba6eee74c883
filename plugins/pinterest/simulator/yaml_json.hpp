// YAML to JSON, for scenario files written in YAML but read like the control API's JSON.
#pragma once

#include <yaml-cpp/yaml.h>

#include <boost/json/value.hpp>

namespace lmp::sim {

// Maps and sequences become objects and arrays; an unquoted scalar that reads as a whole
// number, true/false or null becomes that, anything else a string.
boost::json::value yaml_to_json(const YAML::Node &node);

}  // namespace lmp::sim
