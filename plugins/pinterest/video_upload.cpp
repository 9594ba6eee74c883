#include "plugins/pinterest/video_upload.hpp"

#include <filesystem>

#include "plugins/pinterest/client.hpp"
#include "plugins/pinterest/errors.hpp"
#include "plugins/pinterest/media_status.hpp"
#include "plugins/pinterest/rules.hpp"
#include "plugins/pinterest/session.hpp"

namespace pinterest {

namespace json = boost::json;

namespace {

// How long a media id is remembered: long enough for any retry, short of Pinterest forgetting it.
constexpr int64_t kUploadCacheTtlMs = int64_t(7) * 24 * 3600 * 1000;

// What POST /v5/media handed out.
struct Registration {
  std::string media_id;
  std::string upload_url;
  json::object parameters;  // in the order Pinterest sent them
};

std::string string_member(const json::object &o, const char *key) {
  const json::value *v = o.if_contains(key);
  if (v && v->is_string()) return std::string(v->get_string());
  if (v && v->is_uint64()) return std::to_string(v->get_uint64());
  if (v && v->is_int64()) return std::to_string(v->get_int64());
  return "";
}

Registration register_upload(Session &session) {
  Reply reply =
      session.api("POST", "/media", {}, json::value(json::object{{"media_type", "video"}}));
  if (!reply.ok()) session.fail_with(reply, Subject::kGeneral);
  json::value body = session.parse_body(reply);
  Registration reg;
  if (const json::object *o = body.if_object()) {
    reg.media_id = string_member(*o, "media_id");
    reg.upload_url = string_member(*o, "upload_url");
    if (const json::value *p = o->if_contains("upload_parameters"); p && p->is_object()) {
      reg.parameters = p->get_object();
    }
  }
  if (reg.media_id.empty() || reg.upload_url.empty()) {
    json::object e = make_error("pinterest.unexpected_reply",
                                "Pinterest's media registration has no media_id or upload_url.");
    e["platform"] = session.client().error_for(reply, Subject::kGeneral).at("platform");
    fail(e);
  }
  return reg;
}

// The presigned form POST: every parameter as given, then the file. No Pinterest token goes there.
Reply send_file(Session &session, const Registration &reg, const MediaItem &video) {
  json::array parts;
  for (const auto &kv : reg.parameters) {
    const json::value &v = kv.value();
    parts.push_back(json::object{
        {"name", kv.key()},
        {"value", v.is_string() ? json::value(v.get_string()) : json::value(json::serialize(v))}});
  }
  parts.push_back(json::object{{"name", "file"},
                               {"file", *video.path},
                               {"filename", std::filesystem::path(*video.path).filename().string()},
                               {"contentType", video.content_type.value_or("video/mp4")}});
  // The whole exchange must fit the timeout: allow for at least 256 KB/s on top of the usual.
  const int64_t bytes = video.size_bytes.value_or(0);
  json::object request{{"method", "POST"},
                       {"url", reg.upload_url},
                       {"headers", json::object{{"Accept", "*/*"}}},
                       {"body", json::object{{"multipart", std::move(parts)}}},
                       {"timeoutMs", session.settings().http_timeout_ms + bytes / 256},
                       {"followRedirects", false}};
  letmepost::Call &call = session.call();
  call.progress(0, static_cast<uint64_t>(bytes));
  Reply reply = send_http(call, request);
  call.log(reply.ok() ? LMP_LOG_DEBUG : LMP_LOG_INFO,
           "POST upload_url for media " + reg.media_id + " -> " +
               (reply.status ? std::to_string(reply.status)
                             : "no reply (" + reply.transport_kind + ")"));
  if (reply.ok()) call.progress(static_cast<uint64_t>(bytes), static_cast<uint64_t>(bytes));
  return reply;
}

// Registers and uploads; an expired policy is registered again once. The media id.
std::string upload_once(Session &session, const MediaItem &video, const std::string &field) {
  for (int attempt = 0;; ++attempt) {
    const Registration reg = register_upload(session);
    const Reply reply = send_file(session, reg, video);
    if (reply.ok()) return reg.media_id;
    json::object err = session.client().error_for(reply, Subject::kGeneral);
    if (code_of(err) == "pinterest.upload.policy_expired" && attempt == 0) {
      session.call().log(LMP_LOG_INFO, "the upload policy of media " + reg.media_id +
                                           " expired; registering the upload again");
      continue;
    }
    if (code_of(err).rfind("pinterest.upload.", 0) == 0) err["field"] = field;
    fail(err);
  }
}

size_t video_index(const std::vector<MediaItem> &media) {
  for (size_t i = 0; i < media.size(); ++i) {
    if (media[i].type == "video") return i;
  }
  return 0;
}

}  // namespace

std::string upload_cache_key(const MediaItem &video) {
  if (video.sha256 && !video.sha256->empty()) return "video-upload:sha256:" + *video.sha256;
  return "video-upload:file:" + video.path.value_or("") + ":" +
         std::to_string(video.size_bytes.value_or(-1));
}

json::object upload_video(letmepost::Call &call, Services &services, const TargetRequest &r) {
  if (pin_kind(r.media) != PinKind::kVideo) return json::object{{"uploads", json::array{}}};
  json::array problems = check_locally(r);
  if (!problems.empty()) fail(problems.front().as_object());
  const size_t index = video_index(r.media);
  const MediaItem &video = r.media[index];
  const std::string field = "media[" + std::to_string(index) + "].path";
  Session session(call, services.settings, services.tokens, r);
  session.authorize();
  const std::string key = upload_cache_key(video);
  std::string media_id;
  if (auto cached = call.cache_get(key)) {
    const std::string id(*cached);
    const std::string status = media_status(session, id);
    if (status == "succeeded" || status == "processing") {
      call.log(LMP_LOG_INFO, "this file was uploaded before as media " + id + " (" + status +
                                 "); not uploading it again");
      media_id = id;
    } else {
      call.cache_remove(key);  // failed, gone, or never received: upload afresh
    }
  }
  if (media_id.empty()) {
    media_id = upload_once(session, video, field);
    // Remembered before the wait, so a crash or timeout from here on never uploads it again.
    if (!call.cache_put(key, media_id, kUploadCacheTtlMs)) {
      call.log(LMP_LOG_WARN, "could not remember media " + media_id + " in the host cache");
    }
  }
  try {
    wait_for_media(session, media_id, field);
  } catch (const letmepost::Error &e) {
    if (code_of(error_object(e)) == "pinterest.video.processing_failed") call.cache_remove(key);
    throw;
  }
  json::object result{
      {"uploads", json::array{json::object{{"mediaIndex", index}, {"platformMediaId", media_id}}}}};
  if (const auto &rl = session.client().rate_limit()) result["rateLimit"] = rate_limit_json(*rl);
  return result;
}

}  // namespace pinterest
