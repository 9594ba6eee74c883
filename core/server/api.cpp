#include "core/server/api.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "core/httpd/path_pattern.hpp"
#include "core/model/ids.hpp"
#include "core/server/api_error.hpp"
#include "core/server/media_upload.hpp"
#include "core/store/store_error.hpp"
#include "core/util/log.hpp"

namespace lmp::server {

namespace {

// A client's X-Request-Id is kept when it is short and plain, so it cannot forge log lines.
bool sane_request_id(const std::string &id) {
  return !id.empty() && id.size() <= 128 && std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
  });
}

}  // namespace

Api::Api(ApiDeps deps) : state_(std::move(deps)) {
  add_post_routes(routes_, state_);
  add_account_routes(routes_, state_);
  add_meta_routes(routes_, state_);
  add_media_routes(routes_, state_);
}

// A POST /v1/media body: refused before it is read when the key is wrong, else staged on disk,
// then answered by the route like any request.
class Api::MediaBody : public httpd::BodyStream {
 public:
  MediaBody(Api &api, const httpd::Request &head)
      : api_(api),
        head_(head),
        stager_(head, api.state_.deps.config->media_dir,
                static_cast<std::uint64_t>(api.state_.deps.config->server_max_upload_bytes)) {}

  bool wants_body() override {
    authenticated_ = api_.state_.keys.authenticate(head_.header("Authorization")) != nullptr;
    return authenticated_ && stager_.begin();
  }
  bool on_chunk(std::string_view data) override { return stager_.feed(data); }
  // Reached after the whole body, or after the stager refused it (and said why).
  httpd::Response finish() override {
    if (!authenticated_) return api_.handle(head_, nullptr);
    StagedUpload upload = stager_.finish(true);
    return api_.handle(head_, &upload);
  }

 private:
  Api &api_;
  const httpd::Request &head_;
  UploadStager stager_;
  bool authenticated_ = false;
};

std::unique_ptr<httpd::BodyStream> Api::stream_for(const httpd::Request &head) {
  if (head.method != "POST" || head.path != "/v1/media") return nullptr;
  return std::make_unique<MediaBody>(*this, head);
}

httpd::Response Api::handle(const httpd::Request &request) {
  return handle(request, nullptr);
}

httpd::Response Api::handle(const httpd::Request &request, StagedUpload *upload) {
  ApiCall call{request, {}, nullptr, request.header("X-Request-Id"), upload};
  if (!sane_request_id(call.request_id)) call.request_id = new_id("req");
  const LogRequestId log_tag(call.request_id);  // on every line logged while answering
  std::string route = "unmatched";
  httpd::Response response;
  try {
    response = dispatch(request, call, route);
  } catch (const ApiError &e) {
    response = error_response(e.status, e.error);
  } catch (const StoreError &e) {
    spdlog::error("{} {}: {}", request.method, request.path, e.what());
    response = error_response(500, e.error());
  } catch (const std::exception &e) {
    spdlog::error("{} {}: {}", request.method, request.path, e.what());
    response = error_response(
        500, make_error("host.internal", "The server failed: " + std::string(e.what())));
  }
  response.set_header("X-Request-Id", call.request_id);
  state_.metrics.count_request(request.method, route, response.status);
  spdlog::info("{} {} {} key={}", request.method, request.path, response.status,
               call.key ? call.key->name : "-");
  return response;
}

httpd::Response Api::dispatch(const httpd::Request &request, ApiCall &call, std::string &route) {
  bool path_known = false;
  for (const ApiRoute &r : routes_) {
    std::map<std::string, std::string> params;
    if (!httpd::match_pattern(r.pattern, request.path, &params)) continue;
    path_known = true;
    if (r.method != request.method) continue;
    route = r.pattern;
    call.params = std::move(params);
    if (r.needs_key) {
      call.key = state_.keys.authenticate(request.header("Authorization"));
      if (!call.key) {
        httpd::Response res = error_response(
            401, make_error("api.unauthorized",
                            "Send a configured API key as 'Authorization: Bearer KEY'."));
        res.set_header("WWW-Authenticate", "Bearer");
        return res;
      }
    }
    return r.fn(call);
  }
  if (path_known) {
    throw ApiError{405, make_error("api.method_not_allowed",
                                   request.method + " is not allowed on " + request.path + ".")};
  }
  throw not_found("endpoint " + request.path);
}

}  // namespace lmp::server
