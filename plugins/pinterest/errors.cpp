#include "plugins/pinterest/errors.hpp"

#include <algorithm>

#include "letmepost/adapter.hpp"

namespace pinterest {

namespace json = boost::json;

const std::vector<CatalogEntry> &catalog() {
  static const std::vector<CatalogEntry> entries = {
      {"pinterest.auth.missing_credentials", false,
       "The account has no access token (or, to connect or refresh, no client id and secret). "
       "Run `letmepost connect pinterest --account ID` or set the account's keys."},
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
      // Added with issue 5.
      {"pinterest.auth.invalid_client", false,
       "Pinterest refused the app's client id or client secret (token endpoint 401). Fix the "
       "account's client_id and client_secret."},
      {"pinterest.auth.code_rejected", false,
       "Pinterest refused the authorization code (expired, already used, or another "
       "redirect URI). Run connect again."},
      {"pinterest.pin.outcome_unknown", true,
       "The pin request was sent but no reply came (timeout, reset): the pin may exist. "
       "Reconcile with find_post before retrying."},
      {"pinterest.not_found", false,
       "Pinterest answered 404 for something other than a board, "
       "section or pin; platform.raw keeps the reply."},
      {"pinterest.conflict", true,
       "Pinterest could not get exclusive access to the object (409). Retry later."},
      {"pinterest.upload.rejected", false,
       "The media upload endpoint refused the upload (S3 XML error; platform.code has its Code)."},
      {"pinterest.upload.policy_expired", true,
       "The presigned upload policy expired before the upload; register the media again."},
      {"pinterest.board.invalid_id", false,
       "The board id is not a Pinterest id (digits only). Use the id `letmepost boards` shows."},
      {"pinterest.section.invalid_id", false,
       "The board section id is not a Pinterest id (digits only)."},
      {"pinterest.pin.invalid_id", false, "The pin id is not a Pinterest id (digits only)."},
      {"pinterest.media.carousel_dimensions", false,
       "The images of a carousel must all have the same width and height."},
      // Added with issue 6 (video pins).
      {"pinterest.video.not_local", false,
       "A video arrived as a URL the host did not download; Pinterest takes uploaded files only."},
      {"pinterest.video.unsupported_container", false, "The video is not an MP4, MOV or M4V file."},
      {"pinterest.video.unsupported_codec", false, "The video is not encoded as H.264 or H.265."},
      {"pinterest.video.no_video_stream", false,
       "The file has no picture (audio only); Pinterest needs a video."},
      {"pinterest.video.too_large", false, "The video is over 2 GB."},
      {"pinterest.video.too_short", false, "The video is shorter than 4 seconds."},
      {"pinterest.video.too_long", false, "The video is longer than 15 minutes."},
      {"pinterest.video.aspect_ratio", false, "The video's width:height is outside 1:2 to 1.91:1."},
      {"pinterest.video.cover_unsupported_format", false, "The cover image is not JPEG or PNG."},
      {"pinterest.video.processing_failed", false,
       "Pinterest could not process the uploaded video (media status failed)."},
      {"pinterest.video.processing_timeout", true,
       "The video was still processing when video_poll_deadline_s ran out; its upload is kept, so "
       "a retry resumes polling."},
  };
  return entries;
}

bool in_catalog(const std::string &code) {
  const auto &c = catalog();
  return std::any_of(c.begin(), c.end(), [&](const CatalogEntry &e) { return code == e.code; });
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
  fail(make_error(code, message, std::move(field)));
}

void fail(const json::object &error) {
  throw letmepost::Error(json::serialize(error));
}

void invalid_request(const std::string &message, std::optional<std::string> field) {
  json::object e = make_error("adapter.invalid_request", message, std::move(field));
  fail(e);
}

std::string_view code_of(const json::object &error) {
  const json::value *c = error.if_contains("code");
  return c && c->is_string() ? std::string_view(c->get_string()) : std::string_view();
}

json::object error_object(const std::exception &e) {
  if (const auto *le = dynamic_cast<const letmepost::Error *>(&e)) {
    json::error_code ec;
    json::value v = json::parse(le->json(), ec);
    if (!ec && v.is_object()) return v.as_object();
  }
  return make_error("adapter.internal", e.what());
}

}  // namespace pinterest
