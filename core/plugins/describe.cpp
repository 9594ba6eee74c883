#include "core/plugins/describe.hpp"

#include <spdlog/spdlog.h>

namespace lmp {

namespace json = boost::json;

json::object describe_adapter(const LoadedAdapter &a) {
  json::array platforms;
  for (const auto &p : a.platforms()) platforms.emplace_back(p);
  const auto &d = a.description();
  auto caps = d.find("capabilities");
  return json::object{{"name", a.name()},
                      {"version", a.version()},
                      {"platforms", std::move(platforms)},
                      {"abi", a.abi()},
                      {"capabilities", caps != d.end() ? caps->value() : json::object()},
                      {"file", a.file().string()}};
}

json::array refused_plugins(const Registry &r) {
  json::array refused;
  for (const auto &f : r.refused()) {
    spdlog::warn("plugin refused: {} ({})", f.error.message, f.error.code);
    refused.push_back(json::object{{"file", f.file.string()}, {"error", f.error.to_json()}});
  }
  return refused;
}

}  // namespace lmp
