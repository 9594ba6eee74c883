// POST /v5/pins request checks against the spec's PinCreate and the simulator's state.
// Each refusal is an ApiError with Pinterest's status and code and a message naming the field.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "plugins/pinterest/simulator/sim.hpp"

namespace lmp::sim {

// One image of the pin (one for image pins, 2-5 for carousels, none for video).
struct PinImage {
  std::string url;  // image_url sources; "" for base64
  std::string title, description, link;
};

// A PinCreate body that has the right shape.
struct PinRequest {
  boost::json::object body;  // as sent
  std::string board_id;
  std::optional<std::string> section_id;
  std::string source_type;  // image_url, image_base64, multiple_image_urls, ...
  std::vector<PinImage> images;
  std::string media_id;  // video_id sources
  std::string cover_image_url;
};

// Checks types, required fields, lengths (title 100, description 800, link 2048, alt_text
// 500, in characters), URLs, every media_source variant, base64 alphabet and padding, image
// bytes against their content_type, carousel sizes (2-5). Throws ApiError (400 code 1; 403
// code 235 for base64 data that is no image; 403 code 233 for an image under 10x10).
// Unknown keys are refused (stricter than Pinterest, which may ignore them).
PinRequest parse_pin_create(const boost::json::value &body);

// Checks what the request names against the state, for `user`: the board exists (404 code 40)
// and is the user's (403 code 29), the section is in that board (404 code 2031), a video's
// media exists and is the user's (404 code 404) and has succeeded (400 code 1), image URLs on
// the simulator's own origin answer with an image (400 code 1).
// REQUIRES: state mutex held.
void check_pin_references(Call &call, const PinRequest &request);

// The number of Unicode code points in UTF-8 `text`.
std::size_t code_points(std::string_view text);

}  // namespace lmp::sim
