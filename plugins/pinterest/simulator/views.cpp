#include "plugins/pinterest/simulator/views.hpp"

#include <boost/json/array.hpp>

namespace lmp::sim {

boost::json::object board_json(const State &state, const Board &board) {
  const auto pins = state.pins_of_board(board.id);
  const User *owner = state.user(board.user_id);
  boost::json::value description = nullptr;
  if (!board.description.empty()) description = board.description;
  boost::json::array thumbnails;
  for (std::size_t i = 0; i < pins.size() && i < 4; ++i) {
    thumbnails.push_back(
        boost::json::value(pins[i]->json.at("media").at("media_type") == "image"
                               ? pins[i]->json.at("media").at("images").at("150x150").at("url")
                               : boost::json::value(nullptr)));
  }
  return {{"id", board.id},
          {"name", board.name},
          {"description", description},
          {"owner", {{"username", owner ? owner->username : ""}}},
          {"privacy", board.privacy},
          {"is_ads_only", false},
          {"created_at", pinterest_time(board.created_at)},
          {"board_pins_modified_at",
           pins.empty() ? pinterest_time(board.created_at)
                        : std::string(pins.front()->json.at("created_at").as_string())},
          {"pin_count", pins.size()},
          {"follower_count", 0},
          {"collaborator_count", 0},
          {"media", {{"image_cover_url", nullptr}, {"pin_thumbnail_urls", std::move(thumbnails)}}}};
}

boost::json::object section_json(const Section &section) {
  return {{"id", section.id}, {"name", section.name}};
}

boost::json::object image_sizes_json(const std::string &base_url, const std::string &pin_id,
                                     int item) {
  const std::string prefix = base_url + "/media/pins/" + pin_id + "/" + std::to_string(item) + "/";
  auto size = [&](const char *name, int w, int h) {
    return boost::json::object{{"width", w}, {"height", h}, {"url", prefix + name + ".jpg"}};
  };
  return {{"150x150", size("150x150", 150, 150)},
          {"400x300", size("400x300", 400, 300)},
          {"600x", size("600x", 600, 900)},
          {"1200x", size("1200x", 1200, 1800)}};
}

}  // namespace lmp::sim
