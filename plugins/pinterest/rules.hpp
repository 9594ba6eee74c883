// The checks of a pin request that need no network: lengths in code points, link syntax, the
// media mix, local files' type and size, board and section id syntax. Each returns every problem
// it finds as error objects with their fields.
#pragma once

#include <boost/json.hpp>
#include <string>

#include "plugins/pinterest/request.hpp"

namespace pinterest {

// What the media of a request make.
enum class PinKind {
  kNone,      // no media, or a mix Pinterest does not make
  kImage,     // one image (by URL or local file)
  kCarousel,  // 2 to 5 images, all URLs or all local files
  kVideo,     // one video
};

// The pin the media make, or kNone when they make none.
PinKind pin_kind(const std::vector<MediaItem> &media);

// Every length, link, media and id problem of request, in request order.
boost::json::array check_locally(const TargetRequest &request);

// Appends a pinterest.link.* problem for a link that is too long or not http(s).
void check_link(const std::string &link, const std::string &field, boost::json::array &problems);

// True when id is a Pinterest id (digits only).
bool is_pinterest_id(const std::string &id);

}  // namespace pinterest
