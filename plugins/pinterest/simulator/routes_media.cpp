// POST /v5/media (register a video upload: upload_url and presigned upload_parameters),
// GET /v5/media/{media_id} (its status) and GET /v5/media (the user's uploads, newest first).
#include <boost/json/parse.hpp>

#include "plugins/pinterest/simulator/crypto.hpp"
#include "plugins/pinterest/simulator/errors.hpp"
#include "plugins/pinterest/simulator/media_status.hpp"
#include "plugins/pinterest/simulator/paging.hpp"
#include "plugins/pinterest/simulator/routes.hpp"
#include "plugins/pinterest/simulator/upload_policy.hpp"

namespace lmp::sim {

namespace {

boost::json::object media_json(Sim &sim, const Media &m) {
  return {{"media_id", m.id},
          {"media_type", "video"},
          {"status", media_status(m, sim.clock.now(), sim.options.media_processing)}};
}

httpd::Response register_media(Call &call) {
  boost::system::error_code ec;
  const auto body = boost::json::parse(call.request.body, ec);
  if (ec || !body.is_object()) {
    throw ApiError(400, 1, "Invalid request body: a JSON object is required.");
  }
  const auto *type = body.as_object().if_contains("media_type");
  if (!type || !type->is_string() || type->as_string() != "video") {
    throw ApiError(400, 1, "Invalid parameter: 'media_type' must be \"video\".");
  }
  Sim &sim = call.sim;
  std::lock_guard lock(sim.state.mutex);
  Media m;
  m.id = sim.state.next_id();
  m.user_id = call.user->id;
  const std::string h = hex(random_bytes(3));
  m.key = "uploads/" + h.substr(0, 2) + "/" + h.substr(2, 2) + "/" + h.substr(4, 2) + "/" +
          call.user->id + ":video:" + m.id + ":" + random_token(12);
  m.registered_at = sim.clock.now();
  m.policy_expires_at = m.registered_at + sim.options.upload_policy_ttl;
  boost::json::object parameters;
  for (auto &[name, value] :
       make_upload_parameters(sim.signing_key, m.key, m.registered_at, m.policy_expires_at,
                              sim.options.upload_max_bytes)) {
    parameters[name] = value;
  }
  boost::json::object reply{{"media_id", m.id},
                            {"media_type", "video"},
                            {"upload_url", sim.upload_url()},
                            {"upload_parameters", std::move(parameters)}};
  sim.state.media[m.id] = std::move(m);
  return httpd::Response::json(201, reply);
}

httpd::Response get_media(Call &call) {
  std::lock_guard lock(call.sim.state.mutex);
  const auto it = call.sim.state.media.find(call.param("media_id"));
  if (it == call.sim.state.media.end() || it->second.user_id != call.user->id) {
    throw ApiError(404, 404, "Media upload not found");
  }
  return httpd::Response::json(200, media_json(call.sim, it->second));
}

httpd::Response list_media(Call &call) {
  const PageRequest page = read_page(call.request);
  std::lock_guard lock(call.sim.state.mutex);
  std::vector<const Media *> own;
  for (const auto &[id, m] : call.sim.state.media) {
    if (m.user_id == call.user->id) own.push_back(&m);
  }
  // Ids grow with time, and all have the same length: newest first is descending id.
  std::sort(own.begin(), own.end(), [](const Media *a, const Media *b) { return a->id > b->id; });
  boost::json::array items;
  for (const Media *m : own) items.push_back(media_json(call.sim, *m));
  return httpd::Response::json(200, page_of(items, page));
}

}  // namespace

void add_media_routes(Router &router) {
  router.add({"POST",
              "/v5/media",
              Category::kOrgWrite,
              true,
              {"pins:read", "pins:write"},
              register_media});
  router.add({"GET", "/v5/media", Category::kOrgRead, true, {"pins:read"}, list_media});
  router.add({"GET", "/v5/media/{media_id}", Category::kOrgRead, true, {"pins:read"}, get_media});
}

}  // namespace lmp::sim
