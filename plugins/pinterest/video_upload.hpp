// upload_media for a video pin: registers the upload (POST /v5/media), sends the file to the
// presigned upload_url (every upload parameter echoed in order, `file` last, streamed from disk by
// the host), remembers Pinterest's media id in the host cache before waiting for processing, and
// waits. A rerun with the same file (same SHA-256) goes on from the remembered id instead of
// uploading again.
#pragma once

#include <boost/json.hpp>
#include <string>

#include "letmepost/adapter.hpp"
#include "plugins/pinterest/request.hpp"
#include "plugins/pinterest/services.hpp"

namespace pinterest {

// upload_media: {"uploads": [{"mediaIndex": 0, "platformMediaId": "..."}], "rateLimit"} for a
// video pin; {"uploads": []} for image pins, which need no upload. Throws the request's first
// local problem, pinterest.upload.* (S3 refusals; an expired policy is registered again once),
// pinterest.video.processing_failed / processing_timeout, mapped errors, and Cancelled.
boost::json::object upload_video(letmepost::Call &call, Services &services,
                                 const TargetRequest &request);

// The host cache key under which the media id of a video file is kept: its SHA-256 when the host
// gave one, else its path and size.
std::string upload_cache_key(const MediaItem &video);

}  // namespace pinterest
