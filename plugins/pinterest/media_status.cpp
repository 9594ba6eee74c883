#include "plugins/pinterest/media_status.hpp"

#include <algorithm>

#include "plugins/pinterest/client.hpp"
#include "plugins/pinterest/errors.hpp"

namespace pinterest {

namespace json = boost::json;

std::string media_status(Session &session, const std::string &media_id) {
  Reply reply = session.api("GET", "/media/" + media_id);
  if (reply.status == 404) return "";
  if (!reply.ok()) session.fail_with(reply, Subject::kGeneral);
  json::value body = session.parse_body(reply);
  const json::object *o = body.if_object();
  const json::value *status = o ? o->if_contains("status") : nullptr;
  if (!status || !status->is_string()) {
    json::object e = make_error("pinterest.unexpected_reply",
                                "Pinterest's status of media " + media_id + " has no status.");
    e["platform"] = session.client().error_for(reply, Subject::kGeneral).at("platform");
    fail(e);
  }
  return std::string(status->get_string());
}

void wait_for_media(Session &session, const std::string &media_id, const std::string &field) {
  letmepost::Call &call = session.call();
  const Settings &s = session.settings();
  const int64_t deadline = call.monotonic_ms() + s.video_poll_deadline_s * 1000;
  int64_t wait = s.video_poll_initial_ms;
  for (int polls = 1;; ++polls) {
    const std::string status = media_status(session, media_id);
    if (status == "succeeded") return;
    if (status == "failed" || status.empty()) {
      fail("pinterest.video.processing_failed",
           "Pinterest " + std::string(status.empty() ? "lost" : "could not process") +
               " the uploaded video (media " + media_id + ", status " +
               (status.empty() ? "not found" : status) +
               "). Check that the file plays, then post it again.",
           field);
    }
    const int64_t left = deadline - call.monotonic_ms();
    if (left <= 0) {
      fail("pinterest.video.processing_timeout",
           "Media " + media_id + " was still " + status + " after " +
               std::to_string(s.video_poll_deadline_s) + " s (" + std::to_string(polls) +
               " status checks; video_poll_deadline_s). Posting again resumes the wait without "
               "uploading again.",
           field);
    }
    call.log(LMP_LOG_DEBUG, "media " + media_id + " is " + status + "; next check in " +
                                std::to_string(std::min(wait, left)) + " ms");
    if (!call.sleep_ms(std::min(wait, left))) throw Cancelled{};
    wait = std::min(std::max<int64_t>(wait * 2, 1), s.video_poll_max_ms);
  }
}

}  // namespace pinterest
