#include "core/plugins/registry.hpp"

#include <boost/dll/runtime_symbol_info.hpp>

#include <algorithm>

#include "core/plugins/loader.hpp"

namespace lmp {

namespace fs = std::filesystem;

fs::path Registry::default_dir() {
  return (boost::dll::program_location().parent_path() / ".." / "lib" / "letmepost" / "plugins")
      .lexically_normal();
}

void Registry::load(const std::vector<fs::path> &locations,
                    const std::function<boost::json::object(const std::string &)> &config_for,
                    const HostServices &services) {
  for (const fs::path &location : locations) {
    std::error_code ec;
    if (fs::is_directory(location, ec)) {
      std::vector<fs::path> files;
      for (const auto &entry : fs::directory_iterator(location, ec)) {
        if (entry.path().extension() == ".so") files.push_back(entry.path());
      }
      std::sort(files.begin(), files.end());
      for (const auto &f : files) load_file(f, config_for, services);
    } else if (fs::exists(location, ec)) {
      load_file(location, config_for, services);
    } else {
      refused_.push_back({location, make_error("plugin.load_failed",
                                               location.string() + ": no such file or folder")});
    }
  }
}

void Registry::load_file(const fs::path &file,
                         const std::function<boost::json::object(const std::string &)> &config_for,
                         const HostServices &services) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(file, ec);
  if (std::find(seen_.begin(), seen_.end(), canonical) != seen_.end()) return;
  seen_.push_back(canonical);

  LoadResult loaded = load_adapter(file);
  if (loaded.error) {
    refused_.push_back({file, *loaded.error});
    return;
  }
  auto &adapter = loaded.adapter;
  for (const auto &other : adapters_) {
    for (const auto &platform : adapter->platforms()) {
      const auto &theirs = other->platforms();
      if (other->name() == adapter->name() ||
          std::find(theirs.begin(), theirs.end(), platform) != theirs.end()) {
        refused_.push_back(
            {file, make_error("plugin.platform_conflict",
                              file.string() + ": adapter '" + adapter->name() +
                                  "' claims platform '" + platform + "', already served by '" +
                                  other->name() + "' from " + other->file().string())});
        return;
      }
    }
  }
  if (auto err = adapter->create(config_for(adapter->name()), services)) {
    Error refusal = make_error("plugin.init_refused",
                               file.string() + ": adapter '" + adapter->name() +
                                   "' refused to start: " + err->message + " (" + err->code + ")");
    // The adapter names a key of its own section; the user wrote it under platforms.<name>.
    if (err->field) refusal.field = "platforms." + adapter->name() + "." + *err->field;
    refused_.push_back({file, refusal});
    return;
  }
  adapters_.push_back(adapter);
}

void Registry::locate_refusals(const std::function<std::string(const std::string &)> &where) {
  for (RefusedPlugin &r : refused_) {
    if (!r.error.field) continue;
    std::string place = where(*r.error.field);
    if (!place.empty()) r.error.message = place + ": " + r.error.message;
  }
}

LoadedAdapter *Registry::for_platform(std::string_view platform) const {
  for (const auto &a : adapters_) {
    for (const auto &p : a->platforms()) {
      if (p == platform) return a.get();
    }
  }
  return nullptr;
}

}  // namespace lmp
