#include "plugins/pinterest/simulator/state.hpp"

#include <algorithm>

namespace lmp::sim {

State::State(const Fixtures &fixtures, TimePoint now, std::chrono::seconds token_ttl,
             std::chrono::seconds refresh_ttl)
    : id_counter_(0) {
  for (const auto &a : fixtures.apps)
    apps.push_back({a.client_id, a.client_secret, a.redirect_uris});
  for (const auto &u : fixtures.users) {
    users[u.id] = User{u.id,           u.username,        u.access == "trial",
                       u.account_type, u.rate_limit_read, u.rate_limit_write};
    for (const auto &t : u.tokens) {
      access_tokens[t.access_token] = Token{u.id, "", t.scope, now + token_ttl};
      if (!t.refresh_token.empty()) {
        refresh_tokens[t.refresh_token] = Token{u.id, "", t.scope, now + refresh_ttl};
      }
    }
    for (const auto &b : u.boards) {
      boards.push_back(Board{b.id, u.id, b.name, b.description, b.privacy, now});
      for (const auto &s : b.sections) sections.push_back(Section{s.id, b.id, s.name});
    }
  }
  for (const auto &u : fixtures.users) {
    for (int i = 1; i <= u.generated_boards; ++i) {
      boards.push_back(Board{next_id(), u.id, "Board " + std::to_string(i), "", "PUBLIC", now});
    }
  }
  if (!fixtures.consent_user.empty()) {
    if (const User *u = user_by_name(fixtures.consent_user)) consent_user_id = u->id;
  } else if (!fixtures.users.empty()) {
    consent_user_id = fixtures.users.front().id;
  }
}

std::string State::next_id() {
  // 18 digits starting with 9: never collides with the shorter ids fixtures tend to use, and
  // still a numeric string, as Pinterest's ids are.
  return std::to_string(900000000000000000ull + ++id_counter_);
}

const User *State::user(const std::string &id) const {
  const auto it = users.find(id);
  return it == users.end() ? nullptr : &it->second;
}

const User *State::user_by_name(const std::string &username) const {
  for (const auto &[id, u] : users) {
    if (u.username == username) return &u;
  }
  return nullptr;
}

const App *State::app(const std::string &client_id) const {
  for (const auto &a : apps) {
    if (a.client_id == client_id) return &a;
  }
  return nullptr;
}

Board *State::board(const std::string &id) {
  for (auto &b : boards) {
    if (b.id == id) return &b;
  }
  return nullptr;
}

Section *State::section(const std::string &id) {
  for (auto &s : sections) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

std::vector<const Board *> State::boards_of(const std::string &user_id) const {
  std::vector<const Board *> out;
  for (const auto &b : boards) {
    if (b.user_id == user_id) out.push_back(&b);
  }
  return out;
}

std::vector<const Section *> State::sections_of(const std::string &board_id) const {
  std::vector<const Section *> out;
  for (const auto &s : sections) {
    if (s.board_id == board_id) out.push_back(&s);
  }
  return out;
}

std::vector<const Pin *> State::pins_of_board(const std::string &board_id) const {
  std::vector<const Pin *> out;
  for (const auto &[id, p] : pins) {
    if (p.board_id == board_id) out.push_back(&p);
  }
  std::sort(out.begin(), out.end(), [](const Pin *a, const Pin *b) { return a->seq > b->seq; });
  return out;
}

}  // namespace lmp::sim
