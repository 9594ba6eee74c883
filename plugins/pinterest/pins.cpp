#include "plugins/pinterest/pins.hpp"

#include "plugins/pinterest/errors.hpp"
#include "plugins/pinterest/image_sniff.hpp"
#include "plugins/pinterest/rules.hpp"
#include "plugins/pinterest/session.hpp"
#include "plugins/pinterest/time_text.hpp"

namespace pinterest {

namespace json = boost::json;

namespace {

void put_if(json::object &o, const char *key, const std::optional<std::string> &v) {
  if (v && !v->empty()) o[key] = *v;
}

json::object base64_data(const std::string &path) {
  return json::object{{"$base64File", path}};
}

// The media id upload_media reported for the item at index (the request's `uploads`).
std::string uploaded_media_id(const TargetRequest &r, size_t index) {
  const json::value *uploads = r.doc.if_contains("uploads");
  if (uploads && uploads->is_array()) {
    for (const json::value &u : uploads->get_array()) {
      const json::object *o = u.if_object();
      const json::value *i = o ? o->if_contains("mediaIndex") : nullptr;
      const json::value *id = o ? o->if_contains("platformMediaId") : nullptr;
      if (i && i->is_number() && i->to_number<int64_t>() == int64_t(index) && id &&
          id->is_string()) {
        return std::string(id->get_string());
      }
    }
  }
  invalid_request("publish of a video pin needs upload_media's result in uploads (media index " +
                      std::to_string(index) + ").",
                  "uploads");
}

// A video pin's source: the uploaded media id and one cover (the host's file embedded, a URL, or
// Pinterest's own frame at 1 s when the host sent none).
json::object video_source(const TargetRequest &r) {
  const MediaItem &m = r.media.front();
  json::object source{{"source_type", "video_id"}, {"media_id", uploaded_media_id(r, 0)}};
  if (m.cover && m.cover->url) {
    source["cover_image_url"] = *m.cover->url;
  } else if (m.cover && m.cover->path) {
    source["cover_image_content_type"] = m.cover->content_type.value_or("image/jpeg");
    source["cover_image_data"] = base64_data(*m.cover->path);
  } else {
    source["cover_image_key_frame_time"] = 1;
  }
  return source;
}

json::object media_source(const TargetRequest &r) {
  const std::vector<MediaItem> &media = r.media;
  if (pin_kind(media) == PinKind::kVideo) return video_source(r);
  if (media.size() == 1) {
    const MediaItem &m = media.front();
    if (m.url) return json::object{{"source_type", "image_url"}, {"url", *m.url}};
    return json::object{{"source_type", "image_base64"},
                        {"content_type", base64_content_type(m.content_type.value_or(""))},
                        {"data", base64_data(*m.path)}};
  }
  const bool by_url = media.front().url.has_value();
  json::array items;
  for (const MediaItem &m : media) {
    json::object item;
    if (by_url) {
      item["url"] = *m.url;
    } else {
      item["content_type"] = base64_content_type(m.content_type.value_or(""));
      item["data"] = base64_data(*m.path);
    }
    put_if(item, "title", m.title);
    put_if(item, "link", m.link);
    items.push_back(std::move(item));
  }
  return json::object{{"source_type", by_url ? "multiple_image_urls" : "multiple_image_base64"},
                      {"items", std::move(items)}};
}

std::string id_of(const json::value &v) {
  const json::object *o = v.if_object();
  const json::value *id = o ? o->if_contains("id") : nullptr;
  if (!id) return "";
  if (id->is_string()) return std::string(id->get_string());
  if (id->is_uint64()) return std::to_string(id->get_uint64());
  if (id->is_int64()) return std::to_string(id->get_int64());
  return "";
}

// The board a publish goes to: boardId as given (Pinterest checks it), else boardName looked up.
std::string board_for(Session &session, Services &services, const TargetRequest &r, bool refresh) {
  if (r.options.board_id && !r.options.board_id->empty()) {
    if (!is_pinterest_id(*r.options.board_id)) {
      fail("pinterest.board.invalid_id",
           "Board id \"" + *r.options.board_id + "\" is not a Pinterest id (digits).",
           "options.boardId");
    }
    return *r.options.board_id;
  }
  json::array problems;
  auto board =
      resolve_board(services.boards.boards(session, refresh), r.options, r.account.id, problems);
  if (!board) fail(problems.front().as_object());
  return board->id;
}

bool is_code(const json::object &e, std::string_view code) {
  return code_of(e) == code;
}

}  // namespace

std::string pin_url(const std::string &pin_id) {
  return "https://www.pinterest.com/pin/" + pin_id + "/";
}

json::object pin_body(const TargetRequest &r, const std::string &board_id) {
  json::object body{{"board_id", board_id}};
  put_if(body, "board_section_id", r.options.section_id);
  put_if(body, "title", r.options.title);
  put_if(body, "description", r.text);
  put_if(body, "link", r.options.destination_url);
  std::optional<std::string> alt = r.options.alt_text;
  for (const MediaItem &m : r.media) {
    if (!alt || alt->empty()) alt = m.alt_text;
  }
  put_if(body, "alt_text", alt);
  body["media_source"] = media_source(r);
  return body;
}

json::object publish_pin(letmepost::Call &call, Services &services, const TargetRequest &r) {
  json::array problems = check_locally(r);
  if (!problems.empty()) fail(problems.front().as_object());
  Session session(call, services.settings, services.tokens, r);
  session.authorize();
  std::string board_id = board_for(session, services, r, false);
  Reply reply = session.api("POST", "/pins", {}, json::value(pin_body(r, board_id)));
  if (!reply.ok()) {
    json::object err = session.client().error_for(reply, Subject::kPinCreate);
    const bool named = !r.options.board_id || r.options.board_id->empty();
    if (is_code(err, "pinterest.board.not_found")) {
      services.boards.forget(session);
      // A named board may have been replaced by a new one with the same name.
      if (named) {
        const std::string again = board_for(session, services, r, true);
        if (again != board_id) {
          board_id = again;
          reply = session.api("POST", "/pins", {}, json::value(pin_body(r, board_id)));
          if (!reply.ok()) err = session.client().error_for(reply, Subject::kPinCreate);
        }
      }
    }
    if (!reply.ok()) {
      if (is_code(err, "pinterest.board.not_found")) {
        err["message"] =
            named ? "Board \"" + *r.options.board_name + "\" (" + board_id +
                        ") no longer exists or does not belong to the account."
                  : "Board " + board_id + " does not exist or does not belong to the account.";
        err["field"] = named ? "options.boardName" : "options.boardId";
      }
      fail(err);
    }
  }
  json::error_code ec;
  json::value pin = json::parse(reply.body, ec);
  const std::string id = ec ? "" : id_of(pin);
  if (id.empty()) {
    json::object err = make_error("pinterest.pin.outcome_unknown",
                                  "Pinterest answered HTTP " + std::to_string(reply.status) +
                                      " to the pin request without a pin id: the pin may exist. "
                                      "Reconcile before retrying.");
    err["platform"] = session.client().error_for(reply, Subject::kGeneral).at("platform");
    fail(err);
  }
  json::object result{{"id", id}, {"url", pin_url(id)}, {"boardId", board_id}, {"raw", pin}};
  if (const auto &rl = session.client().rate_limit()) result["rateLimit"] = rate_limit_json(*rl);
  return result;
}

json::object delete_pin(letmepost::Call &call, Services &services, const TargetRequest &r) {
  const std::string id = required_string(r.doc, "id", "id");
  if (!is_pinterest_id(id)) {
    fail("pinterest.pin.invalid_id", "Pin id \"" + id + "\" is not a Pinterest id (digits).", "id");
  }
  Session session(call, services.settings, services.tokens, r);
  Reply reply = session.api("DELETE", "/pins/" + id);
  if (!reply.ok()) session.fail_with(reply, Subject::kPin);
  json::object result{{"deleted", true}, {"id", id}};
  if (const auto &rl = session.client().rate_limit()) result["rateLimit"] = rate_limit_json(*rl);
  return result;
}

json::object find_pin(letmepost::Call &call, Services &services, const TargetRequest &r) {
  const std::string after_text = required_string(r.doc, "after", "after");
  const auto after = parse_time(after_text);
  if (!after) invalid_request("after must be an RFC 3339 time.", "after");
  const int64_t since = *after - services.settings.find_post_slack_s * 1000;
  Session session(call, services.settings, services.tokens, r);
  session.authorize();
  const std::string board_id = board_for(session, services, r, false);
  auto same = [](const json::object &pin, const char *key, const std::optional<std::string> &want) {
    const json::value *v = pin.if_contains(key);
    const std::string have = v && v->is_string() ? std::string(v->get_string()) : "";
    return have == want.value_or("");
  };
  std::string bookmark;
  for (int64_t page = 0; page < services.settings.find_post_max_pages; ++page) {
    json::object query{{"page_size", "25"}};
    if (!bookmark.empty()) query["bookmark"] = bookmark;
    Reply reply = session.api("GET", "/boards/" + board_id + "/pins", query);
    if (!reply.ok()) session.fail_with(reply, Subject::kBoard);
    json::value body = session.parse_body(reply);
    const json::value *items = body.is_object() ? body.get_object().if_contains("items") : nullptr;
    if (!items || !items->is_array()) break;
    bool older_seen = false;
    for (const json::value &item : items->get_array()) {
      const json::object *pin = item.if_object();
      if (!pin) continue;
      const json::value *created = pin->if_contains("created_at");
      const auto at =
          created && created->is_string() ? parse_time(created->get_string()) : std::nullopt;
      if (at && *at < since) {
        older_seen = true;
        continue;
      }
      if (same(*pin, "title", r.options.title) && same(*pin, "description", r.text) &&
          same(*pin, "link", r.options.destination_url) && !id_of(item).empty()) {
        return json::object{
            {"found", true}, {"id", id_of(item)}, {"url", pin_url(id_of(item))}, {"raw", item}};
      }
    }
    const json::value *next = body.get_object().if_contains("bookmark");
    bookmark = next && next->is_string() ? std::string(next->get_string()) : "";
    if (older_seen || bookmark.empty()) break;
  }
  return json::object{{"found", false}};
}

}  // namespace pinterest
