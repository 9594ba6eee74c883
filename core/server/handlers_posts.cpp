// /v1/posts: create (publish or schedule), read, list, reschedule, cancel or unpublish, and
// preflight; each key sees only the posts it created.
#include <charconv>
#include <chrono>

#include "core/model/time.hpp"
#include "core/publish/unpublish.hpp"
#include "core/server/api.hpp"
#include "core/server/api_error.hpp"
#include "core/server/idempotency.hpp"
#include "core/server/post_documents.hpp"
#include "core/services/clock.hpp"

namespace lmp::server {

namespace json = boost::json;
using httpd::Response;

namespace {

// The post `id` when the caller's key created it; 404 otherwise, as if it did not exist.
PostRecord owned_post(ApiState &s, const ApiCall &call) {
  const std::string &id = call.params.at("id");
  auto post = s.deps.store->posts().get(id);
  if (!post || post->api_key != call.key->name) throw not_found("post '" + id + "'");
  return *post;
}

// The body as a post; 400 with validation.malformed_json when it is not JSON at all.
ParseResult parse_body(const std::string &body) {
  ParseResult parsed = parse_post(body);
  if (!parsed.errors.empty() && parsed.errors.front().code == "validation.malformed_json") {
    throw ApiError{400, parsed.errors.front()};
  }
  return parsed;
}

// 422 for a post naming accounts the key may not use; nothing is recorded.
std::optional<Response> refuse_foreign(const ParseResult &parsed, const ApiKeyConfig &key) {
  if (!parsed.post) return std::nullopt;
  PreflightReport report;
  report.errors = foreign_accounts(*parsed.post, key);
  if (report.errors.empty()) return std::nullopt;
  return Response::json(422, preflight_failure(report, ""));
}

Response create(ApiState &s, ApiCall &call) {
  return idempotent(s.deps.store->idempotency(), call.key->name, call.request, [&] {
    ParseResult parsed = parse_body(call.request.body);
    if (auto refused = refuse_foreign(parsed, *call.key)) return *refused;
    const auto started = std::chrono::steady_clock::now();
    PostResult result = s.deps.publisher->publish(parsed, call.request.body, call.key->name);
    if (result.status != "scheduled") {
      s.metrics.record_publish(
          result,
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    }
    if (failed_preflight(result)) {
      return Response::json(422, preflight_failure(report_from(result), result.id));
    }
    auto post = s.deps.store->posts().get(result.id);
    if (!post) throw not_found("post '" + result.id + "'");
    Response res = Response::json(201, post_document(*post));
    res.set_header("Location", "/v1/posts/" + result.id);
    return res;
  });
}

Response preflight(ApiState &s, ApiCall &call) {
  ParseResult parsed = parse_body(call.request.body);
  if (auto refused = refuse_foreign(parsed, *call.key)) return *refused;
  return Response::json(200, s.deps.publisher->preflight(parsed).to_json());
}

Response show(ApiState &s, ApiCall &call) {
  return Response::json(200, post_document(owned_post(s, call)));
}

Response list(ApiState &s, ApiCall &call) {
  PostQuery q;
  q.api_key = call.key->name;
  for (const auto &[name, value] : call.request.query_params()) {
    if (name == "status") {
      q.status = value;
    } else if (name == "cursor") {
      q.cursor = value;
    } else if (name == "limit") {
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), q.limit);
      if (ec != std::errc() || end != value.data() + value.size() || q.limit < 1 || q.limit > 500) {
        throw bad_request("limit", "limit must be a whole number from 1 to 500.");
      }
    } else {
      throw bad_request(name,
                        "Unknown query parameter '" + name + "' (known: status, limit, cursor).");
    }
  }
  PostPage page = s.deps.store->posts().list(q);
  json::array posts;
  for (const PostRecord &p : page.posts) posts.push_back(post_document(p));
  return Response::json(
      200, json::object{
               {"posts", std::move(posts)},
               {"nextCursor", page.next_cursor ? json::value(*page.next_cursor) : json::value()}});
}

ApiError not_scheduled(const PostRecord &post, const std::string &what) {
  return ApiError{409, make_error("api.not_scheduled", "Post '" + post.id + "' is " + post.status +
                                                           "; only a " + "scheduled post can be " +
                                                           what + ".")};
}

Response cancel(ApiState &s, PostRecord post) {
  if (!s.deps.store->posts().cancel(post.id, host_clock().now_unix_ms())) {
    throw not_scheduled(*s.deps.store->posts().get(post.id), "cancelled");
  }
  return Response::json(200, post_document(*s.deps.store->posts().get(post.id)));
}

Response remove(ApiState &s, ApiCall &call) {
  PostRecord post = owned_post(s, call);
  const auto query = call.request.query_params();
  auto flag = query.find("unpublish");
  if (flag == query.end() || flag->second == "false") return cancel(s, std::move(post));
  if (flag->second != "true") throw bad_request("unpublish", "unpublish must be true or false.");
  const bool ok = unpublish(post, *s.deps.config, *s.deps.registry, s.deps.credentials,
                            *s.deps.services, s.deps.store->posts());
  json::object doc = post_document(*s.deps.store->posts().get(post.id));
  if (ok) return Response::json(200, doc);
  for (const TargetRecord &t : post.targets) {
    if (t.status != "published" || !t.error) continue;
    json::object body = t.error->envelope();
    body["post"] = std::move(doc);
    return Response::json(502, body);
  }
  return Response::json(200, doc);
}

// The keys PATCH may change; targets stay as created.
constexpr const char *kPatchable[] = {"text", "media", "options", "scheduledAt"};

Response patch(ApiState &s, ApiCall &call) {
  PostRecord post = owned_post(s, call);
  if (post.status != "scheduled") throw not_scheduled(post, "changed");
  json::value changes;
  try {
    changes = json::parse(call.request.body);
  } catch (const std::exception &) {
    throw ApiError{400, make_error("validation.malformed_json", "The body is not JSON.")};
  }
  if (!changes.is_object()) {
    throw ApiError{400, make_error("validation.type", "The body must be a JSON object.")};
  }
  json::object body = post.body.is_object() ? post.body.get_object() : json::object();
  for (const auto &[key, value] : changes.get_object()) {
    if (std::find(std::begin(kPatchable), std::end(kPatchable), key) == std::end(kPatchable)) {
      throw bad_request(key, "'" + std::string(key) +
                                 "' cannot be changed (text, media, options, scheduledAt can).");
    }
    if (value.is_null()) {
      body.erase(key);
    } else {
      body[key] = value;
    }
  }
  ParseResult parsed = validate_post(body);
  PreflightReport report = s.deps.publisher->preflight(parsed);
  if (!report.ok()) return Response::json(422, preflight_failure(report, ""));
  if (!parsed.post->scheduled_at) {
    throw ApiError{422, make_error("validation.required",
                                   "A scheduled post keeps a scheduledAt; DELETE it to cancel.",
                                   std::string("scheduledAt"))};
  }
  const int64_t at = std::chrono::duration_cast<std::chrono::milliseconds>(
                         parsed.post->scheduled_at->time_since_epoch())
                         .count();
  if (!s.deps.store->posts().reschedule(post.id, body, at, host_clock().now_unix_ms())) {
    throw not_scheduled(*s.deps.store->posts().get(post.id), "changed");
  }
  return Response::json(200, post_document(*s.deps.store->posts().get(post.id)));
}

}  // namespace

void add_post_routes(std::vector<ApiRoute> &routes, ApiState &s) {
  auto with = [&s](Response (*fn)(ApiState &, ApiCall &)) {
    return [&s, fn](ApiCall &call) { return fn(s, call); };
  };
  routes.push_back({"POST", "/v1/posts", true, with(create)});
  routes.push_back({"GET", "/v1/posts", true, with(list)});
  routes.push_back({"POST", "/v1/posts/preflight", true, with(preflight)});
  routes.push_back({"GET", "/v1/posts/{id}", true, with(show)});
  routes.push_back({"PATCH", "/v1/posts/{id}", true, with(patch)});
  routes.push_back({"DELETE", "/v1/posts/{id}", true, with(remove)});
}

}  // namespace lmp::server
