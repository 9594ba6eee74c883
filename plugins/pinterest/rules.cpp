#include "plugins/pinterest/rules.hpp"

#include <algorithm>
#include <cctype>

#include "plugins/pinterest/errors.hpp"
#include "plugins/pinterest/image_sniff.hpp"
#include "plugins/pinterest/limits.hpp"
#include "plugins/pinterest/text.hpp"
#include "plugins/pinterest/video_rules.hpp"

namespace pinterest {

namespace json = boost::json;

namespace {

void check_length(const std::optional<std::string> &text, size_t max, const char *code,
                  const std::string &what, const std::string &field, json::array &problems) {
  if (!text) return;
  const size_t n = count_code_points(*text);
  if (n <= max) return;
  problems.push_back(make_error(code,
                                what + " has " + std::to_string(n) +
                                    " characters; Pinterest allows " + std::to_string(max) + ".",
                                field));
}

std::string item_path(size_t i) {
  return "media[" + std::to_string(i) + "]";
}

void check_media(const std::vector<MediaItem> &media, json::array &problems) {
  size_t images = 0, videos = 0, urls = 0, paths = 0;
  for (size_t i = 0; i < media.size(); ++i) {
    const MediaItem &m = media[i];
    if (m.type == "video") ++videos;
    if (m.type == "image") ++images;
    if (m.type == "image" && m.url) ++urls;
    if (m.type == "image" && m.path) ++paths;
    if (!m.url && !m.path) {
      problems.push_back(make_error("pinterest.media.required",
                                    item_path(i) + " has neither a url nor a path.", item_path(i)));
    }
  }
  if (media.empty()) {
    problems.push_back(make_error("pinterest.media.required",
                                  "A pin needs one image, 2 to 5 images, or one video.", "media"));
  } else if (videos > 0 && images > 0) {
    problems.push_back(make_error("pinterest.media.unsupported_mix",
                                  "A pin holds images or one video, not both.", "media"));
  } else if (videos > 1) {
    problems.push_back(make_error("pinterest.media.unsupported_mix",
                                  "A pin holds one video, not several.", "media"));
  } else if (videos == 1) {
    if (media[0].url || media[0].path) check_video(media[0], 0, problems);
  } else if (images > limits::kCarouselMax) {
    problems.push_back(make_error(
        "pinterest.media.carousel_size",
        "A carousel takes 2 to 5 images; this post has " + std::to_string(images) + ".", "media"));
  } else if (images > 1 && urls > 0 && paths > 0) {
    problems.push_back(make_error("pinterest.media.unsupported_mix",
                                  "A carousel's images must be all URLs or all local files: "
                                  "Pinterest has no carousel that mixes them.",
                                  "media"));
  }
  for (size_t i = 0; i < media.size(); ++i) {
    const MediaItem &m = media[i];
    const std::string p = item_path(i);
    check_length(m.title, limits::kTitleChars, "pinterest.title.too_long", p + ".title",
                 p + ".title", problems);
    check_length(m.alt_text, limits::kAltTextChars, "pinterest.alt_text.too_long", p + ".altText",
                 p + ".altText", problems);
    if (m.link) check_link(*m.link, p + ".link", problems);
    if (m.type != "image" || !m.path) continue;
    const std::string type = m.content_type.value_or("");
    if (base64_content_type(type).empty()) {
      problems.push_back(make_error(
          "pinterest.media.unsupported_format",
          p + " is " + (type.empty() ? "of unknown type" : type) +
              "; Pinterest takes JPEG or PNG for an uploaded image (letmepost converts WebP).",
          p + ".path"));
    }
    if (m.size_bytes && *m.size_bytes > limits::kImageBytes) {
      problems.push_back(make_error("pinterest.media.too_large",
                                    p + " is " + std::to_string(*m.size_bytes) +
                                        " bytes; Pinterest takes images up to 10 MB (" +
                                        std::to_string(limits::kImageBytes) + " bytes).",
                                    p + ".path"));
    }
  }
}

void check_board(const PinOptions &o, json::array &problems) {
  const bool has_id = o.board_id && !o.board_id->empty();
  const bool has_name = o.board_name && !o.board_name->empty();
  if (!has_id && !has_name) {
    problems.push_back(make_error("pinterest.board.required",
                                  "Pinterest needs a board: set options.boardId or "
                                  "options.boardName.",
                                  "options.boardId"));
  }
  if (has_id && !is_pinterest_id(*o.board_id)) {
    problems.push_back(make_error(
        "pinterest.board.invalid_id",
        "Board id \"" + *o.board_id + "\" is not a Pinterest id (digits).", "options.boardId"));
  }
  if (o.section_id && !o.section_id->empty() && !is_pinterest_id(*o.section_id)) {
    problems.push_back(
        make_error("pinterest.section.invalid_id",
                   "Section id \"" + *o.section_id + "\" is not a Pinterest id (digits).",
                   "options.boardSectionId"));
  }
}

}  // namespace

PinKind pin_kind(const std::vector<MediaItem> &media) {
  size_t images = 0, videos = 0, urls = 0;
  for (const MediaItem &m : media) {
    if (!m.url && !m.path) return PinKind::kNone;
    if (m.type == "image") {
      ++images;
      if (m.url) ++urls;
    }
    if (m.type == "video") ++videos;
  }
  if (videos == 1 && images == 0) return PinKind::kVideo;
  if (videos > 0 || images == 0 || images > limits::kCarouselMax) return PinKind::kNone;
  if (images == 1) return PinKind::kImage;
  return urls == 0 || urls == images ? PinKind::kCarousel : PinKind::kNone;
}

void check_link(const std::string &link, const std::string &field, json::array &problems) {
  const size_t n = count_code_points(link);
  if (n > limits::kLinkChars) {
    problems.push_back(make_error(
        "pinterest.link.too_long",
        field + " has " + std::to_string(n) + " characters; Pinterest allows 2048.", field));
  } else if (!is_http_url(link)) {
    problems.push_back(make_error("pinterest.link.invalid",
                                  field + " must be an absolute http:// or https:// URL.", field));
  }
}

bool is_pinterest_id(const std::string &id) {
  return !id.empty() && id.size() <= 32 &&
         std::all_of(id.begin(), id.end(), [](unsigned char c) { return std::isdigit(c); });
}

json::array check_locally(const TargetRequest &r) {
  json::array problems;
  check_length(r.text, limits::kDescriptionChars, "pinterest.text.too_long",
               "The description (the post's text)", "text", problems);
  check_length(r.options.title, limits::kTitleChars, "pinterest.title.too_long", "The title",
               "options.title", problems);
  check_length(r.options.alt_text, limits::kAltTextChars, "pinterest.alt_text.too_long",
               "The alt text", "options.altText", problems);
  if (r.options.destination_url) {
    check_link(*r.options.destination_url, "options.destinationUrl", problems);
  }
  check_media(r.media, problems);
  check_board(r.options, problems);
  return problems;
}

}  // namespace pinterest
