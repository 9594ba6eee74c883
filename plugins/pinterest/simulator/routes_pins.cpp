// POST /v5/pins, GET /v5/pins/{pin_id}, DELETE /v5/pins/{pin_id}.
#include <boost/json/parse.hpp>

#include "plugins/pinterest/simulator/errors.hpp"
#include "plugins/pinterest/simulator/pin_validation.hpp"
#include "plugins/pinterest/simulator/routes.hpp"
#include "plugins/pinterest/simulator/views.hpp"

namespace lmp::sim {

namespace {

boost::json::value nullable(const boost::json::object &body, const char *key) {
  const auto it = body.find(key);
  if (it == body.end() || it->value().is_null()) return nullptr;
  return it->value();
}

boost::json::object pin_media(Call &call, const PinRequest &r, const std::string &pin_id) {
  const std::string &base = call.sim.base_url;
  if (r.source_type == "video_id") {
    return {{"media_type", "video"},
            {"cover_image_url", r.cover_image_url.empty()
                                    ? base + "/media/pins/" + pin_id + "/0/cover.jpg"
                                    : r.cover_image_url},
            {"video_url", nullptr},
            {"duration", nullptr},
            {"height", nullptr},
            {"width", nullptr},
            {"images", image_sizes_json(base, pin_id, 0)}};
  }
  if (r.images.size() == 1) {
    return {{"media_type", "image"}, {"images", image_sizes_json(base, pin_id, 0)}};
  }
  boost::json::array items;
  for (std::size_t i = 0; i < r.images.size(); ++i) {
    const PinImage &img = r.images[i];
    auto or_null = [](const std::string &s) {
      return s.empty() ? boost::json::value(nullptr) : boost::json::value(s);
    };
    items.push_back(boost::json::object{{"item_type", "image"},
                                        {"images", image_sizes_json(base, pin_id, int(i))},
                                        {"title", or_null(img.title)},
                                        {"description", or_null(img.description)},
                                        {"link", or_null(img.link)}});
  }
  return {{"media_type", "multiple_images"}, {"items", std::move(items)}};
}

const char *creative_type(const PinRequest &r) {
  if (r.source_type == "video_id") return "VIDEO";
  return r.images.size() > 1 ? "CAROUSEL" : "REGULAR";
}

httpd::Response create_pin(Call &call) {
  Sim &sim = call.sim;
  if (sim.options.environment == "production" && call.user->trial) {
    throw ApiError(403, 29, msg::kTrialProduction);
  }
  boost::system::error_code ec;
  const auto body = boost::json::parse(call.request.body, ec);
  if (ec) throw ApiError(400, 1, "Invalid request body: not JSON (" + ec.message() + ").");
  const PinRequest r = parse_pin_create(body);

  std::lock_guard lock(sim.state.mutex);
  check_pin_references(call, r);
  Pin pin;
  pin.id = sim.state.next_id();
  pin.user_id = call.user->id;
  pin.board_id = r.board_id;
  pin.seq = ++sim.state.pin_seq;
  const auto color = nullable(r.body, "dominant_color");
  pin.json = {{"id", pin.id},
              {"created_at", pinterest_time(sim.clock.now())},
              {"link", nullable(r.body, "link")},
              {"title", nullable(r.body, "title")},
              {"description", nullable(r.body, "description")},
              {"alt_text", nullable(r.body, "alt_text")},
              {"dominant_color", color.is_null() ? boost::json::value("#e8d3db") : color},
              {"board_id", r.board_id},
              {"board_section_id",
               r.section_id ? boost::json::value(*r.section_id) : boost::json::value(nullptr)},
              {"board_owner", {{"username", call.user->username}}},
              {"parent_pin_id", nullable(r.body, "parent_pin_id")},
              {"is_owner", true},
              {"is_standard", true},
              {"has_been_promoted", false},
              {"creative_type", creative_type(r)},
              {"pin_metrics", nullptr},
              {"media", pin_media(call, r, pin.id)}};
  auto reply = httpd::Response::json(201, pin.json);
  sim.state.pins[pin.id] = std::move(pin);
  return reply;
}

// The caller's pin named by the path, or ApiError.
Pin &own_pin(Call &call) {
  const auto it = call.sim.state.pins.find(call.param("pin_id"));
  if (it == call.sim.state.pins.end()) throw ApiError(404, 50, "Pin not found.");
  if (it->second.user_id != call.user->id) {
    throw ApiError(403, 29, "You are not permitted to access that resource.");
  }
  return it->second;
}

httpd::Response get_pin(Call &call) {
  std::lock_guard lock(call.sim.state.mutex);
  return httpd::Response::json(200, own_pin(call).json);
}

httpd::Response delete_pin(Call &call) {
  std::lock_guard lock(call.sim.state.mutex);
  const std::string id = own_pin(call).id;
  call.sim.state.pins.erase(id);
  httpd::Response reply;
  reply.status = 204;
  return reply;
}

}  // namespace

void add_pin_routes(Router &router) {
  const std::vector<std::string> write = {"boards:read", "boards:write", "pins:read", "pins:write"};
  router.add({"POST", "/v5/pins", Category::kOrgWrite, true, write, create_pin});
  router.add({"GET",
              "/v5/pins/{pin_id}",
              Category::kOrgRead,
              true,
              {"boards:read", "pins:read"},
              get_pin});
  router.add({"DELETE", "/v5/pins/{pin_id}", Category::kOrgWrite, true, write, delete_pin});
}

}  // namespace lmp::sim
