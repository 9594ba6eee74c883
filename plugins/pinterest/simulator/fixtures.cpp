#include "plugins/pinterest/simulator/fixtures.hpp"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <set>
#include <sstream>

#include "plugins/pinterest/simulator/embedded.hpp"

namespace lmp::sim {

namespace {

class Reader {
 public:
  explicit Reader(std::string origin) : origin_(std::move(origin)) {}

  [[noreturn]] void fail(const YAML::Node &node, const std::string &what) const {
    const auto mark = node.Mark();
    std::string where = origin_;
    if (mark.line >= 0)
      where += ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1);
    throw FixtureError(where + ": " + what);
  }

  void keys(const YAML::Node &map, const std::string &what, const std::set<std::string> &known) {
    if (!map.IsMap()) fail(map, what + " must be a mapping");
    for (const auto &item : map) {
      const auto key = item.first.as<std::string>();
      if (!known.count(key)) {
        std::string list;
        for (const auto &k : known) list += (list.empty() ? "" : ", ") + k;
        fail(item.first, "unknown key '" + key + "' in " + what + " (known: " + list + ")");
      }
    }
  }

  std::string text(const YAML::Node &map, const std::string &key, bool required,
                   const std::string &fallback = {}) {
    const YAML::Node node = map[key];
    if (!node) {
      if (required) fail(map, "missing required key '" + key + "'");
      return fallback;
    }
    if (!node.IsScalar()) fail(node, "'" + key + "' must be a string");
    return node.as<std::string>();
  }

  std::string numeric_id(const YAML::Node &map, const std::string &key) {
    std::string id = text(map, key, true);
    if (id.empty() || id.find_first_not_of("0123456789") != std::string::npos) {
      fail(map[key], "'" + key + "' must be a string of digits, got '" + id + "'");
    }
    return id;
  }

  int integer(const YAML::Node &node, const std::string &key, int min) {
    try {
      const int value = node.as<int>();
      if (value >= min) return value;
    } catch (const YAML::Exception &) {
    }
    fail(node, "'" + key + "' must be a whole number >= " + std::to_string(min));
  }

  template <class F>
  void each(const YAML::Node &map, const std::string &key, F f) {
    const YAML::Node list = map[key];
    if (!list) return;
    if (!list.IsSequence()) fail(list, "'" + key + "' must be a list");
    for (const auto &item : list) f(item);
  }

  void unique(std::set<std::string> &seen, const std::string &value, const YAML::Node &node,
              const std::string &what) {
    if (!seen.insert(value).second) fail(node, "duplicate " + what + " '" + value + "'");
  }

  std::set<std::string> ids, tokens, usernames;

 private:
  std::string origin_;
};

FixtureBoard read_board(Reader &r, const YAML::Node &node) {
  r.keys(node, "a board", {"id", "name", "description", "privacy", "sections"});
  FixtureBoard board;
  board.id = r.numeric_id(node, "id");
  r.unique(r.ids, board.id, node, "id");
  board.name = r.text(node, "name", true);
  board.description = r.text(node, "description", false);
  board.privacy = r.text(node, "privacy", false, "PUBLIC");
  if (board.privacy != "PUBLIC" && board.privacy != "PROTECTED" && board.privacy != "SECRET") {
    r.fail(node["privacy"], "'privacy' must be PUBLIC, PROTECTED or SECRET");
  }
  r.each(node, "sections", [&](const YAML::Node &s) {
    r.keys(s, "a section", {"id", "name"});
    FixtureSection section{r.numeric_id(s, "id"), r.text(s, "name", true)};
    r.unique(r.ids, section.id, s, "id");
    board.sections.push_back(std::move(section));
  });
  return board;
}

FixtureUser read_user(Reader &r, const YAML::Node &node) {
  r.keys(node, "a user",
         {"id", "username", "access", "account_type", "tokens", "boards", "generated_boards",
          "rate_limits"});
  FixtureUser user;
  user.id = r.numeric_id(node, "id");
  r.unique(r.ids, user.id, node, "id");
  user.username = r.text(node, "username", true);
  r.unique(r.usernames, user.username, node, "username");
  user.access = r.text(node, "access", false, "standard");
  if (user.access != "standard" && user.access != "trial") {
    r.fail(node["access"], "'access' must be standard or trial");
  }
  user.account_type = r.text(node, "account_type", false, "BUSINESS");
  r.each(node, "tokens", [&](const YAML::Node &t) {
    r.keys(t, "a token", {"access_token", "refresh_token", "scope"});
    FixtureToken token;
    token.access_token = r.text(t, "access_token", true);
    r.unique(r.tokens, token.access_token, t, "token");
    token.refresh_token = r.text(t, "refresh_token", false);
    if (!token.refresh_token.empty()) r.unique(r.tokens, token.refresh_token, t, "token");
    token.scope = r.text(t, "scope", false, token.scope);
    user.tokens.push_back(std::move(token));
  });
  r.each(node, "boards", [&](const YAML::Node &b) { user.boards.push_back(read_board(r, b)); });
  if (node["generated_boards"]) {
    user.generated_boards = r.integer(node["generated_boards"], "generated_boards", 0);
  }
  if (const YAML::Node limits = node["rate_limits"]) {
    r.keys(limits, "rate_limits", {"org_read", "org_write"});
    if (limits["org_read"]) user.rate_limit_read = r.integer(limits["org_read"], "org_read", 0);
    if (limits["org_write"]) {
      user.rate_limit_write = r.integer(limits["org_write"], "org_write", 0);
    }
  }
  return user;
}

}  // namespace

Fixtures parse_fixtures(const std::string &yaml, const std::string &origin) {
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::ParserException &e) {
    throw FixtureError(origin + ":" + std::to_string(e.mark.line + 1) + ":" +
                       std::to_string(e.mark.column + 1) + ": " + e.msg);
  }
  Reader r(origin);
  Fixtures fixtures;
  if (!root || root.IsNull()) return fixtures;
  r.keys(root, "the fixtures", {"apps", "users", "consent_user"});
  r.each(root, "apps", [&](const YAML::Node &a) {
    r.keys(a, "an app", {"client_id", "client_secret", "redirect_uris"});
    FixtureApp app{r.text(a, "client_id", true), r.text(a, "client_secret", true), {}};
    r.each(a, "redirect_uris",
           [&](const YAML::Node &u) { app.redirect_uris.push_back(u.as<std::string>()); });
    fixtures.apps.push_back(std::move(app));
  });
  r.each(root, "users", [&](const YAML::Node &u) { fixtures.users.push_back(read_user(r, u)); });
  fixtures.consent_user = r.text(root, "consent_user", false);
  if (!fixtures.consent_user.empty() && !r.usernames.count(fixtures.consent_user)) {
    r.fail(root["consent_user"], "consent_user '" + fixtures.consent_user + "' is not a user");
  }
  return fixtures;
}

Fixtures load_fixtures(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw FixtureError(path + ": cannot open the fixture file");
  std::ostringstream text;
  text << in.rdbuf();
  return parse_fixtures(text.str(), path);
}

Fixtures builtin_fixtures() {
  return parse_fixtures(std::string(embedded_fixtures_yaml()), "built-in fixtures");
}

}  // namespace lmp::sim
