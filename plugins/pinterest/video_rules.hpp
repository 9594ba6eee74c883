// The checks of a video pin's one video that need no network (REFERENCE.md §5 "Media
// requirements"): a local file the host probed, MP4/MOV/M4V, H.264 or H.265, at most 2 GB, 4 s to
// 15 min, width:height from 1:2 to 1.91:1, and a JPEG or PNG cover.
#pragma once

#include <boost/json.hpp>
#include <string>

#include "plugins/pinterest/request.hpp"

namespace pinterest {

// Appends one pinterest.video.* problem per violation of video (media[index]), each naming the
// field and the value found against the value allowed. Facts the host did not report are not
// judged.
void check_video(const MediaItem &video, size_t index, boost::json::array &problems);

}  // namespace pinterest
