#include "plugins/pinterest/errors.hpp"

#include <algorithm>

#include "letmepost/adapter.hpp"

namespace pinterest {

namespace json = boost::json;

const std::vector<CatalogEntry> &catalog() {
  static const std::vector<CatalogEntry> entries = {
      {"pinterest.auth.missing_credentials", false,
       "The account has no access token. Run `letmepost connect pinterest --account ID`."},
      {"pinterest.auth.invalid_token", false,
       "Pinterest rejected the access token (401 code 2) and it could not be refreshed."},
      {"pinterest.auth.missing_scope", false,
       "The token lacks a scope the operation needs (401 code 3). Reconnect the account."},
      {"pinterest.auth.reconnect_required", false,
       "The refresh token is dead or missing. Reconnect the account."},
      {"pinterest.access.trial_production", false,
       "Apps with Trial access may not create pins in production (403 code 29). Use sandbox."},
      {"pinterest.access.forbidden", false, "Pinterest refused access to the resource (403)."},
      {"pinterest.board.required", false, "No boardId or boardName was given."},
      {"pinterest.board.not_found", false,
       "The board does not exist or does not belong to the account."},
      {"pinterest.board.ambiguous_name", false,
       "Several boards have this name; the message lists their ids. Use boardId."},
      {"pinterest.section.not_found", false, "The board section is not in that board."},
      {"pinterest.text.too_long", false, "The description is over 500 characters."},
      {"pinterest.title.too_long", false, "The title is over 100 characters."},
      {"pinterest.alt_text.too_long", false, "The alt text is over 500 characters."},
      {"pinterest.link.invalid", false, "The destination link is not an http(s) URL."},
      {"pinterest.link.too_long", false, "The destination link is over 2048 characters."},
      {"pinterest.url.destination_unreachable", false,
       "The destination URL did not answer with success (status, DNS, TLS or timeout)."},
      {"pinterest.media.required", false, "A pin needs one image, 2 to 5 images, or one video."},
      {"pinterest.media.unsupported_mix", false,
       "The media mix is not a pin Pinterest makes (images and video together, several videos)."},
      {"pinterest.media.carousel_size", false, "A carousel takes 2 to 5 images."},
      {"pinterest.media.unsupported_format", false,
       "The image format is not JPEG, PNG or WebP (or the video not MP4/MOV/M4V)."},
      {"pinterest.media.too_large", false, "The image is over 10 MB."},
      {"pinterest.media.unreachable", false,
       "The image URL could not be fetched, or did not serve an image."},
      {"pinterest.image.too_small", false, "Pinterest found the image too small (403 code 233)."},
      {"pinterest.image.broken", false, "Pinterest could not read the image (403 code 235)."},
      {"pinterest.pin.not_found", false, "The pin does not exist (404)."},
      {"pinterest.rate_limited", true,
       "Pinterest's rate limit is spent (429). retryAfterMs says when to try again."},
      {"pinterest.spam_blocked", false,
       "Pinterest blocked the request as spam. Do not retry; review the content."},
      {"pinterest.invalid_request", false, "Pinterest refused the request as invalid (400)."},
      {"pinterest.server_error", true, "Pinterest failed (5xx). Retry later."},
      {"pinterest.network", true,
       "Pinterest could not be reached (DNS, connect, TLS, timeout, reset)."},
      {"pinterest.unexpected_reply", true,
       "Pinterest answered with something the adapter cannot read; platform.raw keeps it."},
      {"pinterest.unknown", false,
       "An error reply the adapter does not know; platform.raw keeps it."},
  };
  return entries;
}

json::object make_error(const std::string &code, const std::string &message,
                        std::optional<std::string> field) {
  const auto &c = catalog();
  auto it = std::find_if(c.begin(), c.end(), [&](const CatalogEntry &e) { return code == e.code; });
  return json::object{{"code", code},
                      {"message", message},
                      {"field", field ? json::value(*field) : json::value(nullptr)},
                      {"retryable", it != c.end() && it->retryable},
                      {"retryAfterMs", nullptr},
                      {"platform", nullptr}};
}

void fail(const std::string &code, const std::string &message, std::optional<std::string> field) {
  throw letmepost::Error(json::serialize(make_error(code, message, std::move(field))));
}

}  // namespace pinterest
