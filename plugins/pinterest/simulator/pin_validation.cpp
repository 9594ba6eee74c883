#include "plugins/pinterest/simulator/pin_validation.hpp"

#include <set>

#include "plugins/pinterest/simulator/crypto.hpp"
#include "plugins/pinterest/simulator/errors.hpp"
#include "plugins/pinterest/simulator/media_status.hpp"
#include "plugins/pinterest/simulator/routes.hpp"
#include "plugins/pinterest/simulator/sniff.hpp"

namespace lmp::sim {

namespace {

[[noreturn]] void invalid(const std::string &field, const std::string &problem) {
  throw ApiError(400, 1, "Invalid parameter: '" + field + "' " + problem + ".");
}

bool all_digits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

bool is_web_url(std::string_view url) {
  std::string_view rest;
  if (url.rfind("https://", 0) == 0) {
    rest = url.substr(8);
  } else if (url.rfind("http://", 0) == 0) {
    rest = url.substr(7);
  } else {
    return false;
  }
  const auto host_end = rest.find_first_of("/?#");
  const std::string_view host = rest.substr(0, host_end);
  if (host.empty() || host.front() == ':' || host.front() == '@') return false;
  for (char c : url) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == '"' || c == '<' || c == '>' || c == '\\') {
      return false;
    }
  }
  return true;
}

// Reads the fields of one JSON object, refusing unknown keys and wrong types.
class Fields {
 public:
  Fields(const boost::json::object &o, std::string prefix, std::set<std::string> known)
      : o_(o), prefix_(std::move(prefix)) {
    for (const auto &item : o) {
      if (!known.count(std::string(item.key()))) {
        invalid(prefix_ + std::string(item.key()), "is not a known field");
      }
    }
  }

  std::string name(const std::string &key) const { return prefix_ + key; }

  const boost::json::value *get(const std::string &key) const {
    const auto it = o_.find(key);
    return it == o_.end() || it->value().is_null() ? nullptr : &it->value();
  }

  // A string field; "" when absent or null. `max` = 0: no length limit.
  std::string text(const std::string &key, std::size_t max = 0, bool required = false) const {
    const auto *v = get(key);
    if (!v) {
      if (required) invalid(name(key), "is required");
      return {};
    }
    if (!v->is_string()) invalid(name(key), "must be a string");
    std::string s(v->as_string());
    if (max && code_points(s) > max) {
      invalid(name(key), "is too long (" + std::to_string(code_points(s)) +
                             " characters; the limit is " + std::to_string(max) + ")");
    }
    if (required && s.empty()) invalid(name(key), "must not be empty");
    return s;
  }

  std::string digits(const std::string &key, bool required) const {
    std::string s = text(key, 0, required);
    if (!s.empty() && !all_digits(s)) invalid(name(key), "must be a string of digits");
    return s;
  }

  std::string url(const std::string &key, std::size_t max, bool required) const {
    std::string s = text(key, max, required);
    if (!s.empty() && !is_web_url(s)) invalid(name(key), "must be a valid http or https URL");
    return s;
  }

  void boolean(const std::string &key) const {
    if (const auto *v = get(key); v && !v->is_bool()) invalid(name(key), "must be true or false");
  }

  std::optional<std::int64_t> integer(const std::string &key, std::int64_t min) const {
    const auto *v = get(key);
    if (!v) return std::nullopt;
    if (!v->is_int64() && !v->is_uint64()) invalid(name(key), "must be an integer");
    const auto n = v->is_int64() ? v->as_int64() : static_cast<std::int64_t>(v->as_uint64());
    if (n < min) invalid(name(key), "must be at least " + std::to_string(min));
    return n;
  }

 private:
  const boost::json::object &o_;
  std::string prefix_;
};

// Checks base64 image data and the bytes it decodes to.
void check_base64_image(const Fields &f, const std::string &type_key, const std::string &data_key) {
  const std::string type = f.text(type_key, 0, true);
  if (type != "image/jpeg" && type != "image/png") {
    invalid(f.name(type_key), "must be image/jpeg or image/png");
  }
  const std::string data = f.text(data_key, 0, true);
  if (data.rfind("data:", 0) == 0) {
    invalid(f.name(data_key), "must be plain base64 without a \"data:\" URL prefix");
  }
  if (data.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=") !=
      std::string::npos) {
    invalid(f.name(data_key), "must match ^[a-zA-Z0-9+/=]+$ (standard base64, no line breaks)");
  }
  const auto bytes = base64_decode(data);
  if (!bytes) invalid(f.name(data_key), "is not valid base64 (length or padding)");
  const auto image = sniff_image(*bytes);
  if (!image) {
    throw ApiError(403, 235,
                   "Sorry! We couldn't process the image in '" + f.name(data_key) +
                       "': it is broken or not a JPEG or PNG.");
  }
  if (image->content_type != type) {
    invalid(f.name(type_key), "says " + type + " but the data is " + image->content_type);
  }
  if ((image->width && image->width < 10) || (image->height && image->height < 10)) {
    throw ApiError(403, 233, "Sorry! The image in '" + f.name(data_key) + "' is too small.");
  }
}

void parse_carousel(const Fields &source, const boost::json::object &ms, bool base64,
                    PinRequest &out) {
  const auto *items = source.get("items");
  if (!items) invalid("media_source.items", "is required");
  if (!items->is_array()) invalid("media_source.items", "must be an array");
  const auto &array = items->as_array();
  if (array.size() < 2 || array.size() > 5) {
    invalid("media_source.items", "must hold 2 to 5 images, not " + std::to_string(array.size()));
  }
  if (const auto index = source.integer("index", 0);
      index && *index >= std::int64_t(array.size())) {
    invalid("media_source.index", "must be less than the number of items");
  }
  for (std::size_t i = 0; i < array.size(); ++i) {
    const std::string prefix = "media_source.items[" + std::to_string(i) + "].";
    if (!array[i].is_object()) invalid(prefix.substr(0, prefix.size() - 1), "must be an object");
    const Fields item(
        array[i].as_object(), prefix,
        base64 ? std::set<std::string>{"content_type", "data", "title", "description", "link"}
               : std::set<std::string>{"url", "title", "description", "link"});
    PinImage image;
    if (base64) {
      check_base64_image(item, "content_type", "data");
    } else {
      image.url = item.url("url", 2048, true);
    }
    image.title = item.text("title", 100);
    image.description = item.text("description", 800);
    image.link = item.url("link", 2048, false);
    out.images.push_back(std::move(image));
  }
  (void)ms;
}

void parse_media_source(const boost::json::value *value, PinRequest &out) {
  if (!value) invalid("media_source", "is required");
  if (!value->is_object()) invalid("media_source", "must be an object");
  const auto &ms = value->as_object();
  const auto type_it = ms.find("source_type");
  if (type_it == ms.end() || !type_it->value().is_string()) {
    invalid("media_source.source_type", "is required");
  }
  out.source_type = std::string(type_it->value().as_string());
  const std::string p = "media_source.";
  if (out.source_type == "image_url") {
    const Fields f(ms, p, {"source_type", "url", "is_standard"});
    f.boolean("is_standard");
    out.images.push_back({f.url("url", 2048, true), "", "", ""});
  } else if (out.source_type == "image_base64") {
    const Fields f(ms, p, {"source_type", "content_type", "data", "is_standard"});
    f.boolean("is_standard");
    check_base64_image(f, "content_type", "data");
    out.images.push_back({});
  } else if (out.source_type == "multiple_image_urls" ||
             out.source_type == "multiple_image_base64") {
    const Fields f(ms, p, {"source_type", "items", "index"});
    parse_carousel(f, ms, out.source_type == "multiple_image_base64", out);
  } else if (out.source_type == "video_id") {
    const Fields f(ms, p,
                   {"source_type", "media_id", "cover_image_url", "cover_image_content_type",
                    "cover_image_data", "cover_image_key_frame_time", "is_standard"});
    f.boolean("is_standard");
    out.media_id = f.digits("media_id", true);
    const bool url = f.get("cover_image_url") != nullptr;
    const bool data = f.get("cover_image_data") || f.get("cover_image_content_type");
    const bool frame = f.get("cover_image_key_frame_time") != nullptr;
    if (int(url) + int(data) + int(frame) != 1) {
      invalid("media_source",
              "needs exactly one cover: cover_image_url, cover_image_content_type with "
              "cover_image_data, or cover_image_key_frame_time");
    }
    if (url) out.cover_image_url = f.url("cover_image_url", 2048, true);
    if (data) check_base64_image(f, "cover_image_content_type", "cover_image_data");
    if (frame) f.integer("cover_image_key_frame_time", 0);
  } else if (out.source_type == "pin_url") {
    throw ApiError(403, 29, "media_source.source_type pin_url is only available to beta users.");
  } else {
    invalid("media_source.source_type",
            "must be one of image_url, image_base64, multiple_image_urls, "
            "multiple_image_base64, video_id, pin_url");
  }
}

}  // namespace

std::size_t code_points(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

PinRequest parse_pin_create(const boost::json::value &body) {
  if (!body.is_object()) throw ApiError(400, 1, "Invalid request body: a JSON object is required.");
  PinRequest out;
  out.body = body.as_object();
  const Fields f(out.body, "",
                 {"board_id", "board_section_id", "title", "description", "link", "alt_text",
                  "dominant_color", "media_source", "parent_pin_id", "sponsor_id", "note"});
  out.board_id = f.digits("board_id", true);
  if (std::string s = f.digits("board_section_id", false); !s.empty()) out.section_id = s;
  f.text("title", 100);
  f.text("description", 800);
  f.url("link", 2048, false);
  f.text("alt_text", 500);
  f.text("note");
  f.digits("parent_pin_id", false);
  f.digits("sponsor_id", false);
  const std::string color = f.text("dominant_color");
  if (!color.empty() &&
      (color.size() != 7 || color[0] != '#' ||
       color.find_first_not_of("0123456789abcdefABCDEF", 1) != std::string::npos)) {
    invalid("dominant_color", "must be a hex color like #6E7874");
  }
  parse_media_source(f.get("media_source"), out);
  return out;
}

void check_pin_references(Call &call, const PinRequest &request) {
  State &state = call.sim.state;
  const Board *board = state.board(request.board_id);
  if (!board) throw ApiError(404, 40, "Board not found.");
  if (board->user_id != call.user->id) {
    throw ApiError(403, 29, "You are not permitted to access that resource.");
  }
  if (request.section_id) {
    const Section *section = state.section(*request.section_id);
    if (!section || section->board_id != board->id) {
      throw ApiError(404, 2031, "Board section not found.");
    }
  }
  if (request.source_type == "video_id") {
    const auto it = state.media.find(request.media_id);
    if (it == state.media.end() || it->second.user_id != call.user->id) {
      throw ApiError(404, 404, "Media upload not found");
    }
    const std::string status =
        media_status(it->second, call.sim.clock.now(), call.sim.options.media_processing);
    if (status != "succeeded") {
      throw ApiError(400, 1,
                     "Invalid parameter: media_source.media_id " + request.media_id +
                         " cannot be used yet: its upload status is " + status + ".");
    }
  }
  const std::string own = call.sim.base_url + "/";
  for (std::size_t i = 0; i < request.images.size(); ++i) {
    const std::string &url = request.images[i].url;
    if (url.rfind(own, 0) != 0) continue;
    const auto end = url.find_first_of("?#");
    const std::string path = url.substr(
        own.size() - 1, end == std::string::npos ? std::string::npos : end - own.size() + 1);
    if (!serves_image(path)) {
      throw ApiError(400, 1, "Sorry, we could not fetch the image at " + url + ".");
    }
  }
}

}  // namespace lmp::sim
