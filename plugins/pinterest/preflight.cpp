#include "plugins/pinterest/preflight.hpp"

#include <map>
#include <set>

#include "plugins/pinterest/destination.hpp"
#include "plugins/pinterest/errors.hpp"
#include "plugins/pinterest/limits.hpp"
#include "plugins/pinterest/rules.hpp"
#include "plugins/pinterest/session.hpp"

namespace pinterest {

namespace json = boost::json;

namespace {

bool has_code(const json::array &problems, std::string_view prefix) {
  for (const json::value &p : problems) {
    if (code_of(p.as_object()).rfind(prefix, 0) == 0) return true;
  }
  return false;
}

// Problems about the account rather than the checks: listed, not thrown.
bool is_account_problem(const json::object &e) {
  const std::string_view code = code_of(e);
  return code.rfind("pinterest.auth.", 0) == 0 || code.rfind("pinterest.access.", 0) == 0;
}

// Runs f; an account problem it throws is appended to problems (returns false), anything else
// propagates.
template <class F>
bool listing_account_problems(json::array &problems, F f) {
  try {
    f();
    return true;
  } catch (const letmepost::Error &e) {
    json::object err = error_object(e);
    if (!is_account_problem(err)) throw;
    problems.push_back(std::move(err));
    return false;
  }
}

void check_board(Session &session, Services &services, const TargetRequest &r,
                 json::array &problems, json::object &resolved) {
  if (has_code(problems, "pinterest.board.") || (!r.options.board_id && !r.options.board_name)) {
    return;  // no board, or a malformed id: nothing to look up
  }
  std::vector<Board> boards;
  if (!listing_account_problems(problems,
                                [&] { boards = services.boards.boards(session, false); })) {
    return;
  }
  auto board = resolve_board(boards, r.options, r.account.id, problems);
  if (!board) return;
  resolved["boardId"] = board->id;
  if (!r.options.section_id || r.options.section_id->empty() ||
      has_code(problems, "pinterest.section.")) {
    return;
  }
  std::vector<Section> sections;
  if (listing_account_problems(
          problems, [&] { sections = services.boards.sections(session, board->id, false); })) {
    check_section(sections, *board, *r.options.section_id, problems);
  }
}

const std::set<std::string> &pin_image_formats() {
  static const std::set<std::string> f = {"jpeg", "png", "webp"};
  return f;
}

// Type, size and dimensions of each image given by URL; dims collects every image's size.
void check_remote_images(letmepost::Call &call, const Settings &settings, const TargetRequest &r,
                         json::array &problems,
                         std::vector<std::optional<std::pair<int64_t, int64_t>>> &dims) {
  for (size_t i = 0; i < r.media.size(); ++i) {
    const MediaItem &m = r.media[i];
    if (m.type != "image") continue;
    if (m.path) {
      if (m.width && m.height) dims[i] = std::make_pair(*m.width, *m.height);
      continue;
    }
    if (!m.url || !settings.check_media) continue;
    const std::string field = "media[" + std::to_string(i) + "].url";
    RemoteImage img = probe_remote_image(call, settings, *m.url);
    if (!img.reachable) {
      problems.push_back(make_error("pinterest.media.unreachable",
                                    "Image URL " + *m.url + " " + img.reason + ".", field));
      continue;
    }
    const std::string &format = img.sniffed.format;
    if (!pin_image_formats().count(format)) {
      const std::string what = format.empty()     ? "not an image letmepost recognizes"
                               : format == "html" ? "an HTML page, not an image"
                                                  : "a " + format + " file";
      problems.push_back(make_error(
          "pinterest.media.unsupported_format",
          "Image URL " + *m.url + " serves " + what +
              (img.content_type.empty() ? "" : " (Content-Type " + img.content_type + ")") +
              "; Pinterest takes JPEG, PNG or WebP.",
          field));
    }
    if (img.size_bytes && *img.size_bytes > limits::kImageBytes) {
      problems.push_back(make_error("pinterest.media.too_large",
                                    "Image URL " + *m.url + " is " +
                                        std::to_string(*img.size_bytes) +
                                        " bytes; Pinterest takes images up to 10 MB.",
                                    field));
    }
    if (img.sniffed.width && img.sniffed.height) {
      dims[i] = std::make_pair(*img.sniffed.width, *img.sniffed.height);
    }
  }
}

void check_carousel_dimensions(const std::vector<std::optional<std::pair<int64_t, int64_t>>> &dims,
                               json::array &problems) {
  if (dims.size() < 2) return;
  std::string sizes;
  bool differ = false;
  for (const auto &d : dims) {
    if (!d) return;  // unknown somewhere: Pinterest will judge
    differ = differ || *d != *dims.front();
    sizes +=
        (sizes.empty() ? "" : ", ") + std::to_string(d->first) + "x" + std::to_string(d->second);
  }
  if (differ) {
    problems.push_back(
        make_error("pinterest.media.carousel_dimensions",
                   "A carousel's images must share one size; these are " + sizes + ".", "media"));
  }
}

// Every link of the pin (destination and carousel items), each checked once.
void check_links(letmepost::Call &call, const Settings &settings, const TargetRequest &r,
                 const json::array &local_problems, json::array &problems) {
  if (!settings.check_destination) return;
  std::vector<std::pair<std::string, std::string>> links;  // url, field
  if (r.options.destination_url)
    links.emplace_back(*r.options.destination_url, "options.destinationUrl");
  for (size_t i = 0; i < r.media.size(); ++i) {
    if (r.media[i].link) {
      links.emplace_back(*r.media[i].link, "media[" + std::to_string(i) + "].link");
    }
  }
  std::map<std::string, UrlCheck> seen;
  for (const auto &[url, field] : links) {
    bool malformed = false;
    for (const json::value &p : local_problems) {
      const json::value &f = p.at("field");
      malformed = malformed || (f.is_string() && f.get_string() == field);
    }
    if (malformed) continue;
    auto it = seen.find(url);
    if (it == seen.end()) it = seen.emplace(url, check_destination(call, settings, url)).first;
    if (!it->second.ok) {
      problems.push_back(make_error("pinterest.url.destination_unreachable",
                                    "Destination URL " + url + " " + it->second.reason + ".",
                                    field));
    }
  }
}

}  // namespace

json::object run_preflight(letmepost::Call &call, Services &services, const TargetRequest &r) {
  json::array problems = check_locally(r);
  const json::array local = problems;
  json::object resolved;
  Session session(call, services.settings, services.tokens, r);
  if (listing_account_problems(problems, [&] { session.authorize(); })) {
    check_board(session, services, r, problems, resolved);
  }
  std::vector<std::optional<std::pair<int64_t, int64_t>>> dims(r.media.size());
  if (pin_kind(r.media) != PinKind::kNone) {
    check_remote_images(call, services.settings, r, problems, dims);
    if (pin_kind(r.media) == PinKind::kCarousel) check_carousel_dimensions(dims, problems);
  }
  check_links(call, services.settings, r, local, problems);
  json::object result{{"errors", std::move(problems)}, {"resolved", std::move(resolved)}};
  if (const auto &rl = session.client().rate_limit()) result["rateLimit"] = rate_limit_json(*rl);
  return result;
}

}  // namespace pinterest
