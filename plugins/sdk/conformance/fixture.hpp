// Fixture cases of the conformance checker, read from a directory (README.md, "Fixtures").
#pragma once

#include <boost/json.hpp>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/plugins/adapter.hpp"

namespace lmp::conformance {

// One recorded HTTP exchange: the request it answers and the reply the fake host gives.
struct Exchange {
  std::string method;  // upper case, e.g. "POST"
  std::string url;     // an ECMAScript regex searched in the request's URL
  int status = 200;
  boost::json::object headers;  // reply headers, name -> string value
  std::string body;             // reply body as text
};

// One case: an operation, its request, the conversation it has, and what it must give.
struct Case {
  std::string name;  // the case directory's name
  Operation operation = Operation::kPreflight;
  boost::json::value request;
  std::vector<std::string> secrets;  // the credentials' secret values, never to be shown
  std::vector<Exchange> conversation;
  // {"result": {...}} members the result must contain, or {"error": "code"}.
  boost::json::object expected;
};

// The operation named `name` as adapter.h spells it ("list_destinations"), if any.
std::optional<Operation> operation_named(std::string_view name);

// Reads every case directory under dir, sorted by name. Throws std::runtime_error naming the
// file and the problem when a case is incomplete or malformed.
std::vector<Case> load_cases(const std::filesystem::path &dir);

// The adapter config to create instances with: dir/config.json when present, else {}.
boost::json::object load_config(const std::filesystem::path &dir);

}  // namespace lmp::conformance
