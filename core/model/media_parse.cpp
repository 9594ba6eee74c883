#include "core/model/media_parse.hpp"

#include "core/net/url.hpp"

namespace lmp {

namespace json = boost::json;

namespace {

// How many of `keys` are present (and not null) in `object`, and their names joined by "and".
struct Present {
  size_t count = 0;
  std::string names;
};

Present present_keys(const json::object &object, std::initializer_list<std::string_view> keys) {
  Present p;
  for (std::string_view key : keys) {
    if (!FieldChecker::find(object, key)) continue;
    if (p.count++ > 0) p.names += " and ";
    p.names += key;
  }
  return p;
}

void check_non_empty(const std::optional<std::string> &value, const std::string &field,
                     FieldChecker &checker) {
  if (value && value->empty()) {
    checker.add("validation.invalid_value", field + " must not be empty.", field);
  }
}

std::optional<MediaItem::Cover> parse_cover(const json::object &object, const std::string &prefix,
                                            FieldChecker &checker) {
  const size_t errors_before = checker.count();
  checker.reject_unknown(object, prefix, "a cover", {"url", "path", "atSeconds"});
  MediaItem::Cover cover;
  cover.url = checker.optional_string(object, "url", prefix);
  cover.path = checker.optional_string(object, "path", prefix);
  cover.at_seconds = checker.optional_number(object, "atSeconds", prefix);

  const Present sources = present_keys(object, {"url", "path", "atSeconds"});
  if (sources.count != 1) {
    checker.add("validation.invalid_value",
                sources.count == 0 ? "A cover needs one of url, path or atSeconds."
                                   : "A cover takes exactly one of url, path or atSeconds, not " +
                                         sources.names + ".",
                prefix);
  }
  if (cover.url) check_http_url(*cover.url, field_path(prefix, "url"), checker);
  check_non_empty(cover.path, field_path(prefix, "path"), checker);
  if (cover.at_seconds && *cover.at_seconds < 0) {
    const std::string field = field_path(prefix, "atSeconds");
    checker.add("validation.invalid_value", field + " must be zero or more seconds.", field);
  }
  if (checker.count() != errors_before) return std::nullopt;
  return cover;
}

}  // namespace

bool check_http_url(const std::string &text, const std::string &field, FieldChecker &checker) {
  std::string why;
  const auto url = parse_url(text, &why);
  if (!url) {
    checker.add("validation.invalid_value",
                field + " is not a valid absolute URL" + (why.empty() ? "." : ": " + why + "."),
                field);
    return false;
  }
  if (url->scheme != "http" && url->scheme != "https") {
    checker.add("validation.invalid_value",
                field + " must be an http or https URL, not " + url->scheme + ".", field);
    return false;
  }
  return true;
}

std::optional<MediaItem> parse_media_item(const json::value &value, size_t index,
                                          FieldChecker &checker) {
  const std::string prefix = index_path("media", index);
  const json::object *object = value.if_object();
  if (!object) {
    checker.wrong_type(value, prefix, "an object");
    return std::nullopt;
  }
  const size_t errors_before = checker.count();
  checker.reject_unknown(*object, prefix, "a media item",
                         {"type", "url", "path", "mediaId", "title", "link", "altText", "cover"});

  MediaItem item;
  item.type = checker.optional_string(*object, "type", prefix).value_or("");
  item.url = checker.optional_string(*object, "url", prefix);
  item.path = checker.optional_string(*object, "path", prefix);
  item.media_id = checker.optional_string(*object, "mediaId", prefix);
  item.title = checker.optional_string(*object, "title", prefix);
  item.link = checker.optional_string(*object, "link", prefix);
  item.alt_text = checker.optional_string(*object, "altText", prefix);

  const std::string type_field = field_path(prefix, "type");
  const bool has_type = FieldChecker::find(*object, "type") != nullptr;
  if (has_type && object->at("type").is_string() && item.type != "image" && item.type != "video") {
    checker.add("validation.invalid_value",
                type_field + " must be \"image\" or \"video\", not \"" + item.type + "\".",
                type_field);
  }

  const Present sources = present_keys(*object, {"url", "path", "mediaId"});
  if (sources.count == 0) {
    checker.add("validation.invalid_value", "A media item needs one of url, path or mediaId.",
                prefix);
  } else if (sources.count > 1) {
    checker.add(
        "validation.invalid_value",
        "A media item takes exactly one of url, path or mediaId, not " + sources.names + ".",
        prefix);
  }
  // A library item knows its own type; a URL or a file must say what it is.
  if (!has_type && !FieldChecker::find(*object, "mediaId")) {
    checker.add("validation.required", type_field + " is required: \"image\" or \"video\".",
                type_field);
  }

  if (item.url) check_http_url(*item.url, field_path(prefix, "url"), checker);
  check_non_empty(item.path, field_path(prefix, "path"), checker);
  check_non_empty(item.media_id, field_path(prefix, "mediaId"), checker);
  if (item.link) check_http_url(*item.link, field_path(prefix, "link"), checker);

  const std::string cover_field = field_path(prefix, "cover");
  if (const json::object *cover = checker.optional_object(*object, "cover", prefix)) {
    if (item.type == "image") {
      checker.add("validation.invalid_value",
                  "Only a video may have a cover; " + type_field + " is \"image\".", cover_field);
    }
    item.cover = parse_cover(*cover, cover_field, checker);
  }

  if (checker.count() != errors_before) return std::nullopt;
  return item;
}

}  // namespace lmp
