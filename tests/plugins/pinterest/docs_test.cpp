// docs/errors.md lists exactly the adapter's catalog.
#include <catch2/catch.hpp>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "plugins/pinterest/errors.hpp"

TEST_CASE("docs/errors.md documents every pinterest code and no other", "[pinterest][docs]") {
  std::ifstream in(std::string(LMP_SOURCE_DIR) + "/docs/errors.md");
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  const std::string doc = text.str();
  std::set<std::string> documented;
  const std::regex row(R"(\n\| `(pinterest\.[a-z_.]+)` \|)");
  for (auto it = std::sregex_iterator(doc.begin(), doc.end(), row); it != std::sregex_iterator();
       ++it) {
    documented.insert((*it)[1]);
  }
  std::set<std::string> catalog;
  for (const auto &e : pinterest::catalog()) catalog.insert(e.code);
  CHECK(documented == catalog);
}
