// /v1/media: upload media into the library (raw bytes or a multipart form, streamed to disk) and
// read an entry; each key sees only the media it uploaded.
#include "core/media/media_error.hpp"
#include "core/server/api.hpp"
#include "core/server/api_error.hpp"
#include "core/server/idempotency.hpp"
#include "core/server/media_upload.hpp"

namespace lmp::server {

namespace json = boost::json;
using httpd::Response;

namespace {

// An entry as the API shows it: the library's document without the server's file path.
json::object media_document(const MediaEntry &entry) {
  json::object doc = entry_json(entry);
  doc.erase("path");
  return doc;
}

// The body of a request the server buffered (no streaming: an in-process call), staged the way
// a streamed one is.
StagedUpload stage_buffered(const ApiState &s, const httpd::Request &request) {
  UploadStager stager(request, s.deps.config->media_dir,
                      static_cast<std::uint64_t>(s.deps.config->server_max_upload_bytes));
  if (stager.begin()) stager.feed(request.body);
  return stager.finish(true);
}

// Imports the staged file; bytes that are not an image or a video are the client's fault (422).
ImportResult import(ApiState &s, const StagedUpload &upload) {
  try {
    return s.deps.media->import_staged(upload.file, upload.file_sha256, "the upload");
  } catch (const MediaError &e) {
    throw ApiError{e.error().code == "media.write_failed" ? 500 : 422, e.error()};
  }
}

Response create(ApiState &s, ApiCall &call) {
  std::optional<StagedUpload> buffered;
  if (!call.upload) buffered.emplace(stage_buffered(s, call.request));
  const StagedUpload &upload = call.upload ? *call.upload : *buffered;
  if (upload.failure) throw *upload.failure;
  return idempotent(
      s.deps.store->idempotency(), call.key->name, call.request, upload.body_sha256, [&] {
        const ImportResult imported = import(s, upload);
        const std::string &id = imported.entry.id;
        const bool first = s.deps.store->media().add_uploader(id, call.key->name);
        Response r = Response::json(first ? 201 : 200, media_document(imported.entry));
        r.set_header("Location", "/v1/media/" + id);
        return r;
      });
}

Response get(ApiState &s, ApiCall &call) {
  const std::string &id = call.params.at("id");
  auto entry = s.deps.media->find(id);
  if (!entry || !s.deps.store->media().uploaded_by(id, call.key->name)) {
    throw not_found("media '" + id + "'");
  }
  return Response::json(200, media_document(*entry));
}

}  // namespace

void add_media_routes(std::vector<ApiRoute> &routes, ApiState &state) {
  routes.push_back({"POST", "/v1/media", true, [&state](ApiCall &c) { return create(state, c); }});
  routes.push_back({"GET", "/v1/media/{id}", true, [&state](ApiCall &c) { return get(state, c); }});
}

}  // namespace lmp::server
