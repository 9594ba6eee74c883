// The simulator's in-memory world: users, tokens, boards, sections, pins, media uploads.
// Every field is guarded by State::mutex; route handlers hold it while they read or write.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "plugins/pinterest/simulator/clock.hpp"
#include "plugins/pinterest/simulator/fixtures.hpp"

namespace lmp::sim {

struct User {
  std::string id;
  std::string username;
  bool trial = false;
  std::string account_type;
  std::optional<int> rate_limit_read;
  std::optional<int> rate_limit_write;
};

// An access or refresh token.
struct Token {
  std::string user_id;
  std::string client_id;  // "" for fixture tokens
  std::string scope;
  TimePoint expires_at;
};

struct AuthCode {
  std::string user_id;
  std::string client_id;
  std::string redirect_uri;
  std::string scope;
  TimePoint expires_at;
  bool used = false;
};

struct Board {
  std::string id;
  std::string user_id;
  std::string name;
  std::string description;
  std::string privacy;
  TimePoint created_at;
};

struct Section {
  std::string id;
  std::string board_id;
  std::string name;
};

struct Pin {
  std::string id;
  std::string user_id;
  std::string board_id;
  std::uint64_t seq = 0;     // creation order, for newest-first listings
  boost::json::object json;  // the Pin object as GET /v5/pins/{id} returns it
};

// A media upload registered with POST /v5/media.
struct Media {
  std::string id;
  std::string user_id;
  std::string key;  // the S3 object key in its upload parameters
  TimePoint registered_at;
  TimePoint policy_expires_at;
  bool uploaded = false;
  TimePoint uploaded_at;
  bool is_video = false;  // what the uploaded bytes looked like
  std::uint64_t size = 0;
  std::string sha256;
  std::string stored_path;  // "" unless --keep-uploads
};

struct App {
  std::string client_id;
  std::string client_secret;
  std::vector<std::string> redirect_uris;
};

class State {
 public:
  // Seeds the world from `fixtures`; tokens expire `token_ttl` / `refresh_ttl` after `now`.
  State(const Fixtures &fixtures, TimePoint now, std::chrono::seconds token_ttl,
        std::chrono::seconds refresh_ttl);

  // A fresh id: a string of 18 digits, unique in this process.
  std::string next_id();

  // Lookups; nullptr when absent. REQUIRE: mutex held.
  const User *user(const std::string &id) const;
  const User *user_by_name(const std::string &username) const;
  const App *app(const std::string &client_id) const;
  Board *board(const std::string &id);
  Section *section(const std::string &id);
  std::vector<const Board *> boards_of(const std::string &user_id) const;
  std::vector<const Section *> sections_of(const std::string &board_id) const;
  // The board's pins, newest first.
  std::vector<const Pin *> pins_of_board(const std::string &board_id) const;

  std::mutex mutex;
  std::map<std::string, User> users;
  std::map<std::string, Token> access_tokens;   // by token value
  std::map<std::string, Token> refresh_tokens;  // by token value
  std::map<std::string, AuthCode> codes;        // by code value
  std::vector<App> apps;
  std::string consent_user_id;
  std::vector<Board> boards;  // in creation order
  std::vector<Section> sections;
  std::map<std::string, Pin> pins;
  std::map<std::string, Media> media;
  std::uint64_t pin_seq = 0;

 private:
  std::uint64_t id_counter_;
};

}  // namespace lmp::sim
