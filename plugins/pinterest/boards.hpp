// The account's boards and sections: every page read (bookmark paging), kept in the host's
// cache per account for board_cache_ttl_s, and one lookup at a time per account in this process
// so concurrent publishes share it.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "plugins/pinterest/session.hpp"

namespace pinterest {

struct Section {
  std::string id;
  std::string name;
};

struct Board {
  std::string id;
  std::string name;
  std::string privacy;  // PUBLIC | PROTECTED | SECRET, or "" when Pinterest did not say
};

// What a board name resolved to.
struct BoardMatch {
  std::optional<Board> board;     // set when exactly one board matched
  std::vector<Board> candidates;  // every match when there were several
};

// The boards named name: the exact matches, else the matches ignoring ASCII case.
BoardMatch find_board_by_name(const std::vector<Board> &boards, const std::string &name);

// "Recipes" (1234567891, PUBLIC), ... for messages.
std::string describe_boards(const std::vector<Board> &boards);

// The board options name among boards (boardId wins over boardName): the board, or nothing
// with a pinterest.board.not_found or .ambiguous_name problem appended. account_id names the
// account in messages.
std::optional<Board> resolve_board(const std::vector<Board> &boards, const PinOptions &options,
                                   const std::string &account_id, boost::json::array &problems);

// Appends pinterest.section.not_found when section_id is not among board's sections.
void check_section(const std::vector<Section> &sections, const Board &board,
                   const std::string &section_id, boost::json::array &problems);

// Instance-wide board lookups. Thread-safe.
class BoardDirectory {
 public:
  // Every board of the session's account, from the cache unless refresh (or absent), then
  // cached. Throws the mapped error when Pinterest fails.
  std::vector<Board> boards(Session &session, bool refresh);

  // The sections of board_id, cached the same way. A 404 is pinterest.board.not_found.
  std::vector<Section> sections(Session &session, const std::string &board_id, bool refresh);

  // Drops the account's cached board list (a publish met "board not found").
  void forget(Session &session);

 private:
  std::shared_ptr<std::mutex> lock_for(const Session &session);

  std::mutex mu_;
  std::map<std::string, std::shared_ptr<std::mutex>> locks_;
};

}  // namespace pinterest
