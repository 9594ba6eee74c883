// The HTTP API of `letmepost serve` (docs/openapi.yaml): routes, API keys, request ids and the
// error envelope, over the same publisher, store and adapters the CLI uses.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/config/config.hpp"
#include "core/httpd/message.hpp"
#include "core/httpd/server.hpp"
#include "core/library/media_library.hpp"
#include "core/plugins/registry.hpp"
#include "core/publish/planner.hpp"
#include "core/publish/publisher.hpp"
#include "core/server/api_keys.hpp"
#include "core/server/metrics.hpp"
#include "core/store/store.hpp"

namespace lmp::server {

// What the API works with; every pointer must outlive the Api. Each must be safe to use from
// several threads at once (the server's).
struct ApiDeps {
  const Config *config = nullptr;
  Store *store = nullptr;
  Registry *registry = nullptr;
  Publisher *publisher = nullptr;
  CredentialAccess credentials;
  const HostServices *services = nullptr;  // with the adapters' cache
  MediaLibrary *media = nullptr;           // where POST /v1/media imports
};

struct StagedUpload;

// The API's shared state, as handlers see it.
struct ApiState {
  explicit ApiState(ApiDeps d) : deps(std::move(d)), keys(deps.config->api_keys) {}
  ApiDeps deps;
  ApiKeys keys;
  Metrics metrics;
};

// One request being answered.
struct ApiCall {
  const httpd::Request &request;
  std::map<std::string, std::string> params;  // the route's {name} segments
  const ApiKeyConfig *key = nullptr;          // the caller's key; set on every authenticated route
  std::string request_id;
  StagedUpload *upload = nullptr;  // POST /v1/media: its body, as staged on disk
};

// One endpoint. A handler answers, or throws ApiError (or StoreError) for the envelope.
struct ApiRoute {
  std::string method;
  std::string pattern;  // "/v1/posts/{id}"
  bool needs_key = true;
  std::function<httpd::Response(ApiCall &)> fn;
};

class Api {
 public:
  explicit Api(ApiDeps deps);

  // Answers one request: finds its route (404 api.not_found, 405 api.method_not_allowed),
  // checks its API key (401 api.unauthorized), runs the handler, turns failures into the
  // envelope (500 host.* for host faults) and adds X-Request-Id (the client's, if it sent a
  // sane one, else a new id). Logs one line per request with its id. Thread-safe.
  httpd::Response handle(const httpd::Request &request);

  // The server's StreamFor: a stream that stages a `POST /v1/media` body on disk (the key is
  // checked before any byte is read) and then answers like handle(); nullptr for every other
  // request, whose body is buffered.
  std::unique_ptr<httpd::BodyStream> stream_for(const httpd::Request &head);

  // Every route, in registration order (the OpenAPI test compares them with docs/openapi.yaml).
  const std::vector<ApiRoute> &routes() const { return routes_; }

 private:
  class MediaBody;
  httpd::Response handle(const httpd::Request &request, StagedUpload *upload);
  httpd::Response dispatch(const httpd::Request &request, ApiCall &call, std::string &route);

  ApiState state_;
  std::vector<ApiRoute> routes_;
};

// Route tables by concern (handlers_*.cpp).
void add_post_routes(std::vector<ApiRoute> &routes, ApiState &state);
void add_account_routes(std::vector<ApiRoute> &routes, ApiState &state);
void add_meta_routes(std::vector<ApiRoute> &routes, ApiState &state);
void add_media_routes(std::vector<ApiRoute> &routes, ApiState &state);

}  // namespace lmp::server
