// Pins: the PinCreate body of a request, and the publish, delete_post and find_post operations.
#pragma once

#include <boost/json.hpp>
#include <string>

#include "letmepost/adapter.hpp"
#include "plugins/pinterest/request.hpp"
#include "plugins/pinterest/services.hpp"

namespace pinterest {

// The public URL of a pin: https://www.pinterest.com/pin/<id>/.
std::string pin_url(const std::string &pin_id);

// The POST /v5/pins body for request on board_id: title, description (the text), link, alt text
// (options.altText, else the first image's: Pinterest has no per-image alt text), section, and
// the media source (image_url, image_base64 with the file embedded by the host,
// multiple_image_urls or multiple_image_base64 with per-image title and link; video_id with the
// media id from the request's `uploads` and one cover: cover_image_url, the cover file embedded
// as cover_image_data, or else cover_image_key_frame_time 1). The request must have passed
// check_locally.
boost::json::object pin_body(const TargetRequest &request, const std::string &board_id);

// publish: {"id", "url", "boardId", "rateLimit", "raw"}. Throws the mapped error; a publish that
// meets "board not found" drops the cached board list, and when the board was named, looks the
// name up again and retries once if it now means another board.
boost::json::object publish_pin(letmepost::Call &call, Services &services,
                                const TargetRequest &request);

// delete_post: request member "id" names the pin. {"deleted": true, "id"}.
boost::json::object delete_pin(letmepost::Call &call, Services &services,
                               const TargetRequest &request);

// find_post: request members as publish, plus "after" (RFC 3339): the newest pins of the board
// matched on title, description and link, created at or after `after` (less find_post_slack_s).
// {"found": true, "id", "url", "raw"} or {"found": false}.
boost::json::object find_pin(letmepost::Call &call, Services &services,
                             const TargetRequest &request);

}  // namespace pinterest
