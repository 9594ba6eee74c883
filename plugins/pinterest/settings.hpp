// The adapter's own config section (platforms.pinterest in the YAML), validated in create.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <string>

namespace pinterest {

// Knobs of the Pinterest adapter. Every wait is here so tests can shorten it.
struct Settings {
  int64_t board_cache_ttl_s = 300;          // how long a board list stays cached per account
  int64_t board_page_size = 250;            // boards (and sections) asked for per page, 1..250
  int64_t video_poll_deadline_s = 900;      // give up on media processing after this
  int64_t video_poll_initial_ms = 1000;     // first wait between media status polls (doubles)
  int64_t video_poll_max_ms = 10000;        // longest wait between media status polls
  int64_t http_timeout_ms = 30000;          // one API request
  int64_t destination_timeout_ms = 5000;    // the destination URL reachability check
  int64_t media_check_timeout_ms = 10000;   // the ranged GET that sniffs a remote image
  int64_t image_sniff_bytes = 65536;        // bytes fetched to sniff a remote image's type
  int64_t max_redirects = 5;                // redirects followed when checking URLs
  bool check_destination = true;            // check destination URLs in preflight
  bool check_media = true;                  // check remote images in preflight
  int64_t token_refresh_margin_s = 432000;  // refresh access tokens this long before expiry
  int64_t rate_limit_backoff_ms = 60000;    // retryAfterMs of a 429 whose headers say nothing
  int64_t find_post_max_pages = 4;          // board pages find_post reads (newest first)
  int64_t find_post_slack_s = 120;          // clock skew allowed when matching created_at
};

// Reads the section. Throws letmepost::Error (config.unknown_key naming the nearest known key,
// config.invalid_value) with field set to the key.
Settings parse_settings(const boost::json::object &section);

// The JSON Schema of the section, for describe_json.
boost::json::object settings_schema();

}  // namespace pinterest
