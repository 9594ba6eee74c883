// load_config: the file, the YAML parser's errors, and the paths that depend on the file.
#include <fstream>
#include <iterator>

#include "core/config/sections.hpp"

namespace lmp {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail_file(const std::string &file, const std::string &problem) {
  const Location at{file, 0, 0};
  throw ConfigError(make_error("config.file_not_found", at.to_string() + ": " + problem), at);
}

std::string read_file(const fs::path &file) {
  std::error_code ec;
  if (!fs::exists(file, ec)) fail_file(file.string(), "config file not found");
  if (fs::is_directory(file, ec)) fail_file(file.string(), "is a folder, not a config file");
  std::ifstream in(file, std::ios::binary);
  if (!in) fail_file(file.string(), "config file cannot be read");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) fail_file(file.string(), "config file cannot be read");
  return text;
}

YAML::Node parse(const std::string &file, const std::string &text) {
  try {
    return YAML::Load(text);
  } catch (const YAML::Exception &e) {
    const Location at{file, e.mark.line + 1, e.mark.column + 1};
    throw ConfigError(make_error("config.syntax", at.to_string() + ": YAML syntax error: " + e.msg),
                      at);
  }
}

fs::path resolve(const fs::path &base, const fs::path &p) {
  return p.is_absolute() ? p : (base / p).lexically_normal();
}

}  // namespace

Config load_config(const fs::path &file, const EnvLookup &getenv) {
  const std::string name = file.string();
  const YAML::Node root = parse(name, read_file(file));
  Config cfg;
  cfg.file = fs::absolute(file).lexically_normal();
  cfg.media_dir.clear();  // so that an unset media_dir follows state.path
  YamlReader r(name, getenv, cfg.locations);
  if (!root.IsNull()) read_document(r, root, cfg);
  check_references(r, cfg);

  const fs::path base = cfg.file.parent_path();
  for (fs::path &p : cfg.plugin_paths) p = resolve(base, p);
  cfg.state_path = resolve(base, cfg.state_path);
  cfg.media_dir = cfg.media_dir.empty() ? cfg.state_path.parent_path() / "letmepost-media"
                                        : resolve(base, cfg.media_dir);
  return cfg;
}

}  // namespace lmp
