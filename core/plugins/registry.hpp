// The adapters of this process: found in the default folder and plugins.paths, loaded once,
// created with their config, and kept loaded until the process ends.
#pragma once

#include <boost/json.hpp>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/error.hpp"
#include "core/plugins/adapter.hpp"

namespace lmp {

// A file that was found but refused, and why.
struct RefusedPlugin {
  std::filesystem::path file;
  Error error;
};

class Registry {
 public:
  // The folder every host searches: <folder of the executable>/../lib/letmepost/plugins.
  static std::filesystem::path default_dir();

  // Loads every adapter in locations, in order; a folder contributes its *.so files sorted by
  // path, a file itself. For each: load and negotiate, refuse a second claim on a platform
  // (plugin.platform_conflict; the first keeps it), then create it with config_for(name).
  // Refusals are recorded, never thrown.
  void load(const std::vector<std::filesystem::path> &locations,
            const std::function<boost::json::object(const std::string &name)> &config_for,
            const HostServices &services);

  // Prefixes the message of each refusal whose field has a known place in the config with that
  // place ("file:line:col: "), so a bad adapter setting points at its line.
  void locate_refusals(const std::function<std::string(const std::string &field)> &where);

  // Adapters loaded and created, in load order.
  const std::vector<std::shared_ptr<LoadedAdapter>> &adapters() const { return adapters_; }
  // Files refused, in load order.
  const std::vector<RefusedPlugin> &refused() const { return refused_; }
  // The adapter serving platform, or nullptr.
  LoadedAdapter *for_platform(std::string_view platform) const;

 private:
  void load_file(const std::filesystem::path &file,
                 const std::function<boost::json::object(const std::string &)> &config_for,
                 const HostServices &services);

  std::vector<std::shared_ptr<LoadedAdapter>> adapters_;
  std::vector<RefusedPlugin> refused_;
  std::vector<std::filesystem::path> seen_;
};

}  // namespace lmp
