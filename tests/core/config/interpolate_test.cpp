// expand_variables: ${VAR}, $${, and its errors.
#include <catch2/catch.hpp>

#include "core/config/interpolate.hpp"
#include "tests/core/config/temp_files.hpp"

using lmp::expand_variables;
using lmp::test::fake_env;

TEST_CASE("${VAR} is replaced anywhere in a scalar", "[config]") {
  const auto env = fake_env({{"A", "1"}, {"B_2", "two"}, {"EMPTY", ""}});
  CHECK(expand_variables("${A}", env).text == "1");
  CHECK(expand_variables("x-${A}-${B_2}-y", env).text == "x-1-two-y");
  CHECK(expand_variables("${EMPTY}", env).text.empty());
  CHECK(expand_variables("no vars $5 $A {A}", env).text == "no vars $5 $A {A}");
  CHECK(expand_variables("trailing $", env).text == "trailing $");
  CHECK(expand_variables("$${A} is literal, ${A} is not", env).text == "${A} is literal, 1 is not");
  CHECK(expand_variables("$$${A}", env).text == "$${A}");
}

TEST_CASE("expansion errors name the variable", "[config]") {
  const auto env = fake_env({});
  const lmp::Expansion missing = expand_variables("pre-${NOPE}", env);
  CHECK(missing.code == "config.missing_variable");
  CHECK(missing.problem == "environment variable NOPE is not set");
  CHECK(expand_variables("${A", env).code == "config.invalid_value");
  CHECK(expand_variables("${}", env).code == "config.invalid_value");
  CHECK(expand_variables("${1A}", env).code == "config.invalid_value");
  CHECK(expand_variables("${A-B}", env).code == "config.invalid_value");
}
