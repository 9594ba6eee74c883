// The request documents of abi-json.md as the adapter reads them. A document the host should
// never send (wrong types) is refused with adapter.invalid_request naming the field.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pinterest {

// The account a call acts for (abi-json.md "account").
struct Account {
  std::string id;
  std::string environment = "production";  // sandbox | production
  std::string api_base_url;                // "" = the environment's
};

// The credentials object (abi-json.md "Credentials"). Every string in it is a secret.
struct Credentials {
  std::string access_token;
  std::string refresh_token;
  std::optional<int64_t> expires_at_ms;  // the access token's expiry, Unix ms
  std::optional<int64_t> refresh_expires_at_ms;
  std::string scope;  // comma-separated, as Pinterest returns it; "" = unknown
  std::string client_id;
  std::string client_secret;
};

// A video's cover as the host prepared it: a JPEG or PNG file, or a URL Pinterest fetches.
struct Cover {
  std::optional<std::string> path, url;
  std::optional<std::string> content_type;  // of the file at path
};

// One prepared media item: a URL Pinterest fetches, or a local file the host probed.
struct MediaItem {
  std::string type;  // image | video
  std::optional<std::string> url;
  std::optional<std::string> path;
  std::optional<std::string> content_type;  // from the host's probe (path items)
  std::optional<int64_t> size_bytes, width, height;
  std::optional<std::string> title, link, alt_text;  // per image, in a carousel
  // Videos (path items): what the host's probe found, the file's SHA-256 (hex) and the cover.
  std::optional<int64_t> duration_ms;
  std::optional<std::string> container, video_codec, sha256;
  std::optional<Cover> cover;
};

// The options the adapter reads (merged for Pinterest by the host).
struct PinOptions {
  std::optional<std::string> board_id, board_name, section_id, title, destination_url, alt_text;
};

// A target request (preflight, publish, find_post) or an account request (list_destinations,
// check_account, delete_post, ...: the same document with fewer members).
struct TargetRequest {
  std::string request_id;
  Account account;
  Credentials credentials;
  std::optional<std::string> text;
  PinOptions options;
  std::vector<MediaItem> media;
  boost::json::object doc;  // the whole document, for operation-specific members
};

// Parses text as a JSON object, or throws adapter.invalid_request.
boost::json::object parse_object(std::string_view text);

// Reads a request document. Missing optional members are empty; wrong types throw
// adapter.invalid_request with the member's path as field.
TargetRequest read_request(std::string_view text);

// doc[key] as a string when present and not null; another type throws adapter.invalid_request
// naming path.
std::optional<std::string> optional_string(const boost::json::object &doc, std::string_view key,
                                           const std::string &path);

// doc[key] as a string; absent, null or empty throws adapter.invalid_request naming path.
std::string required_string(const boost::json::object &doc, std::string_view key,
                            const std::string &path);

}  // namespace pinterest
