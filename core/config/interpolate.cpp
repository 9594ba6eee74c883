#include "core/config/interpolate.hpp"

#include <cctype>

namespace lmp {

namespace {

bool is_name(std::string_view name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) return false;
  for (char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  }
  return true;
}

Expansion failure(std::string code, std::string problem) {
  return Expansion{"", std::move(code), std::move(problem)};
}

}  // namespace

Expansion expand_variables(std::string_view text, const EnvLookup &getenv) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    const size_t dollar = text.find('$', i);
    if (dollar == std::string_view::npos) break;
    out.append(text.substr(i, dollar - i));
    if (text.substr(dollar, 3) == "$${") {
      out += "${";
      i = dollar + 3;
      continue;
    }
    if (text.substr(dollar, 2) != "${") {
      out += '$';
      i = dollar + 1;
      continue;
    }
    const size_t close = text.find('}', dollar + 2);
    if (close == std::string_view::npos) {
      return failure("config.invalid_value",
                     "'${' is not closed by '}' (write '$${' for a literal '${')");
    }
    const std::string name(text.substr(dollar + 2, close - dollar - 2));
    if (!is_name(name)) {
      return failure("config.invalid_value",
                     "'${" + name + "}' is not a variable name (letters, digits and '_')");
    }
    const std::optional<std::string> value = getenv(name);
    if (!value) {
      return failure("config.missing_variable", "environment variable " + name + " is not set");
    }
    out += *value;
    i = close + 1;
  }
  if (i < text.size()) out.append(text.substr(i));
  return Expansion{std::move(out), "", ""};
}

}  // namespace lmp
