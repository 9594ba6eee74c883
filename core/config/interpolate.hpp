// `${VAR}` substitution in config scalars.
#pragma once

#include <string>
#include <string_view>

#include "core/config/config.hpp"

namespace lmp {

// The result of expanding one scalar: the text, or why it could not be expanded.
struct Expansion {
  std::string text;     // the expanded text, when code is empty
  std::string code;     // "", "config.missing_variable" or "config.invalid_value"
  std::string problem;  // what went wrong, naming the variable; never holds a value
};

// Replaces each `${NAME}` in `text` (NAME: a letter or "_", then letters, digits or "_") with
// getenv(NAME); `$${` stands for a literal `${`; any other `$` is kept. An unset variable gives
// config.missing_variable; an unclosed `${` or a bad name gives config.invalid_value.
Expansion expand_variables(std::string_view text, const EnvLookup &getenv);

}  // namespace lmp
