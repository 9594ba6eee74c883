// Pinterest's view of an uploaded video (GET /v5/media/{id}) and the wait for its processing:
// polls with a doubling backoff (video_poll_initial_ms up to video_poll_max_ms) through the
// host's cancellable sleep, under video_poll_deadline_s.
#pragma once

#include <string>

#include "plugins/pinterest/session.hpp"

namespace pinterest {

// The media's status: "registered", "processing", "succeeded", "failed", or "" when Pinterest
// does not know the id (404). Any other failure throws its mapped error.
std::string media_status(Session &session, const std::string &media_id);

// Returns once media_id has succeeded. Throws pinterest.video.processing_failed (status failed
// or the upload vanished), pinterest.video.processing_timeout (deadline), mapped errors of the
// polls, and Cancelled when the host cancels the call. field names the video in the request.
void wait_for_media(Session &session, const std::string &media_id, const std::string &field);

}  // namespace pinterest
