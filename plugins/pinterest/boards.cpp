#include "plugins/pinterest/boards.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "plugins/pinterest/errors.hpp"

namespace pinterest {

namespace json = boost::json;

namespace {

// Pages read at most, so a server that keeps returning bookmarks cannot loop us forever.
constexpr int kMaxPages = 1000;

std::string boards_key(const Session &s) {
  return "boards|" + api_base_url(s.account());
}

std::string sections_key(const Session &s, const std::string &board_id) {
  return "sections|" + api_base_url(s.account()) + "|" + board_id;
}

std::string string_member(const json::object &o, std::string_view key) {
  const json::value *v = o.if_contains(key);
  if (!v) return "";
  if (v->is_string()) return std::string(v->get_string());
  if (v->is_int64()) return std::to_string(v->get_int64());
  if (v->is_uint64()) return std::to_string(v->get_uint64());
  return "";
}

// Every item of a paged listing at path (items + bookmark), in order.
std::vector<json::object> read_all_pages(Session &session, const std::string &path,
                                         Subject subject) {
  std::vector<json::object> items;
  std::set<std::string> seen_bookmarks;
  std::string bookmark;
  for (int page = 0; page < kMaxPages; ++page) {
    json::object query{{"page_size", std::to_string(session.settings().board_page_size)}};
    if (!bookmark.empty()) query["bookmark"] = bookmark;
    Reply r = session.api("GET", path, query);
    if (!r.ok()) session.fail_with(r, subject);
    json::value body = session.parse_body(r);
    const json::object *o = body.if_object();
    const json::value *list = o ? o->if_contains("items") : nullptr;
    if (!list || !list->is_array()) {
      fail("pinterest.unexpected_reply", "Pinterest's reply to GET " + path + " has no items.");
    }
    for (const json::value &item : list->get_array()) {
      if (item.is_object()) items.push_back(item.get_object());
    }
    bookmark = string_member(*o, "bookmark");
    if (bookmark.empty() || list->get_array().empty() || !seen_bookmarks.insert(bookmark).second) {
      break;
    }
  }
  return items;
}

json::array boards_to_json(const std::vector<Board> &boards) {
  json::array a;
  for (const Board &b : boards) {
    a.push_back(json::object{{"id", b.id}, {"name", b.name}, {"privacy", b.privacy}});
  }
  return a;
}

json::array sections_to_json(const std::vector<Section> &sections) {
  json::array a;
  for (const Section &s : sections) a.push_back(json::object{{"id", s.id}, {"name", s.name}});
  return a;
}

template <class T, class Read>
std::optional<std::vector<T>> from_cache(Session &session, const std::string &key, Read read) {
  auto cached = session.call().cache_get(key);
  if (!cached) return std::nullopt;
  json::error_code ec;
  json::value v = json::parse(*cached, ec);
  if (ec || !v.is_array()) return std::nullopt;
  std::vector<T> out;
  for (const json::value &item : v.get_array()) {
    if (item.is_object()) out.push_back(read(item.get_object()));
  }
  return out;
}

Board read_board(const json::object &o) {
  return {string_member(o, "id"), string_member(o, "name"), string_member(o, "privacy")};
}

Section read_section(const json::object &o) {
  return {string_member(o, "id"), string_member(o, "name")};
}

void store(Session &session, const std::string &key, const json::array &value) {
  const int64_t ttl_ms = session.settings().board_cache_ttl_s * 1000;
  if (ttl_ms <= 0) return;
  if (!session.call().cache_put(key, json::serialize(value), ttl_ms)) {
    session.call().log(LMP_LOG_WARN,
                       "could not cache the board list; the next call reads it again");
  }
}

bool same_ignoring_case(const std::string &a, const std::string &b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

BoardMatch find_board_by_name(const std::vector<Board> &boards, const std::string &name) {
  std::vector<Board> exact, loose;
  for (const Board &b : boards) {
    if (b.name == name) exact.push_back(b);
    if (same_ignoring_case(b.name, name)) loose.push_back(b);
  }
  std::vector<Board> &matches = exact.empty() ? loose : exact;
  BoardMatch m;
  if (matches.size() == 1) m.board = matches.front();
  if (matches.size() > 1) m.candidates = matches;
  return m;
}

std::string describe_boards(const std::vector<Board> &boards) {
  std::string out;
  for (const Board &b : boards) {
    if (!out.empty()) out += ", ";
    out += "\"" + b.name + "\" (" + b.id + (b.privacy.empty() ? "" : ", " + b.privacy) + ")";
  }
  return out;
}

std::optional<Board> resolve_board(const std::vector<Board> &boards, const PinOptions &options,
                                   const std::string &account_id, json::array &problems) {
  const std::string inventory = "account " + account_id + " has " + std::to_string(boards.size()) +
                                " boards; `letmepost boards " + account_id + "` lists them";
  if (options.board_id && !options.board_id->empty()) {
    for (const Board &b : boards) {
      if (b.id == *options.board_id) return b;
    }
    problems.push_back(make_error("pinterest.board.not_found",
                                  "Board " + *options.board_id +
                                      " does not exist or does not belong to the account (" +
                                      inventory + ").",
                                  "options.boardId"));
    return std::nullopt;
  }
  if (!options.board_name || options.board_name->empty()) return std::nullopt;
  BoardMatch m = find_board_by_name(boards, *options.board_name);
  if (m.board) return m.board;
  if (!m.candidates.empty()) {
    problems.push_back(make_error("pinterest.board.ambiguous_name",
                                  std::to_string(m.candidates.size()) + " boards are named \"" +
                                      *options.board_name + "\": " + describe_boards(m.candidates) +
                                      ". Set options.boardId to one of these ids.",
                                  "options.boardName"));
  } else {
    problems.push_back(
        make_error("pinterest.board.not_found",
                   "No board is named \"" + *options.board_name + "\" (" + inventory + ").",
                   "options.boardName"));
  }
  return std::nullopt;
}

void check_section(const std::vector<Section> &sections, const Board &board,
                   const std::string &section_id, json::array &problems) {
  std::string names;
  for (const Section &s : sections) {
    if (s.id == section_id) return;
    names += (names.empty() ? "" : ", ") + ("\"" + s.name + "\" (" + s.id + ")");
  }
  problems.push_back(make_error(
      "pinterest.section.not_found",
      "Section " + section_id + " is not in board \"" + board.name + "\" (" + board.id + "); " +
          (names.empty() ? "that board has no sections." : "its sections are " + names + "."),
      "options.boardSectionId"));
}

std::shared_ptr<std::mutex> BoardDirectory::lock_for(const Session &session) {
  std::lock_guard lock(mu_);
  auto &m = locks_[session.account().id + "|" + api_base_url(session.account())];
  if (!m) m = std::make_shared<std::mutex>();
  return m;
}

std::vector<Board> BoardDirectory::boards(Session &session, bool refresh) {
  const std::string key = boards_key(session);
  auto account_lock = lock_for(session);
  // Calls that wait here find the list the first one cached.
  std::lock_guard lock(*account_lock);
  if (!refresh) {
    if (auto cached = from_cache<Board>(session, key, read_board)) return *cached;
  }
  std::vector<Board> boards;
  for (const json::object &o : read_all_pages(session, "/boards", Subject::kGeneral)) {
    Board b = read_board(o);
    if (!b.id.empty()) boards.push_back(std::move(b));
  }
  store(session, key, boards_to_json(boards));
  return boards;
}

std::vector<Section> BoardDirectory::sections(Session &session, const std::string &board_id,
                                              bool refresh) {
  const std::string key = sections_key(session, board_id);
  auto account_lock = lock_for(session);
  std::lock_guard lock(*account_lock);
  if (!refresh) {
    if (auto cached = from_cache<Section>(session, key, read_section)) return *cached;
  }
  std::vector<Section> sections;
  for (const json::object &o :
       read_all_pages(session, "/boards/" + board_id + "/sections", Subject::kBoard)) {
    Section s = read_section(o);
    if (!s.id.empty()) sections.push_back(std::move(s));
  }
  store(session, key, sections_to_json(sections));
  return sections;
}

void BoardDirectory::forget(Session &session) {
  session.call().cache_remove(boards_key(session));
}

}  // namespace pinterest
