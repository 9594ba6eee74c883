#include "core/plugins/loader.hpp"

#include <dlfcn.h>

#include <boost/dll/library_info.hpp>
#include <boost/dll/shared_library.hpp>
#include <cstring>
#include <regex>

namespace lmp {

namespace json = boost::json;
namespace dll = boost::dll;

namespace {

LoadResult refuse(const std::filesystem::path &file, const std::string &code,
                  const std::string &why) {
  return {nullptr, make_error(code, file.string() + ": " + why)};
}

// The ABI major of any lmp_adapter_entry_vN the file exports, or 0.
int other_entry_major(const std::filesystem::path &file) {
  try {
    dll::library_info info(file.string());
    static const std::regex entry("^lmp_adapter_entry_v([0-9]+)$");
    for (const std::string &sym : info.symbols()) {
      std::smatch m;
      if (std::regex_match(sym, m, entry)) return std::stoi(m[1]);
    }
  } catch (const std::exception &) {
  }
  return 0;
}

// A required member must lie inside the adapter's struct_size and be non-NULL.
#define LMP_REQUIRED_MEMBERS(X) \
  X(create)                     \
  X(destroy)                    \
  X(preflight)                  \
  X(publish)                    \
  X(map_error)

std::optional<std::string> missing_required(const lmp_adapter_v1 &t, size_t size) {
#define LMP_CHECK(member)                                                                \
  if (offsetof(lmp_adapter_v1, member) + sizeof(t.member) > size || t.member == nullptr) \
    return #member;
  LMP_CHECK(describe_json)
  LMP_REQUIRED_MEMBERS(LMP_CHECK)
#undef LMP_CHECK
  return std::nullopt;
}

std::optional<std::string> description_problem(const json::value &d) {
  const json::object *o = d.if_object();
  if (!o) return "describe_json is not a JSON object";
  for (const char *key : {"name", "version"}) {
    auto it = o->find(key);
    if (it == o->end() || !it->value().is_string() || it->value().get_string().empty()) {
      return std::string("describe_json has no string \"") + key + "\"";
    }
  }
  auto it = o->find("platforms");
  if (it == o->end() || !it->value().is_array() || it->value().get_array().empty()) {
    return "describe_json has no non-empty \"platforms\" array";
  }
  for (const auto &p : it->value().get_array()) {
    if (!p.is_string() || p.get_string().empty()) return "describe_json lists a bad platform";
  }
  return std::nullopt;
}

}  // namespace

LoadResult load_adapter(const std::filesystem::path &file) {
  auto lib = std::make_shared<dll::shared_library>();
  boost::dll::fs::error_code ec;
  dlerror();
  lib->load(file.string(), dll::load_mode::rtld_now | dll::load_mode::rtld_local, ec);
  if (ec) {
    const char *why = dlerror();
    return refuse(file, "plugin.load_failed",
                  std::string("cannot be loaded: ") + (why ? why : ec.message()));
  }
  if (!lib->has(LMP_ADAPTER_ENTRY_V1_NAME)) {
    if (int major = other_entry_major(file)) {
      return refuse(file, "plugin.abi_major_unsupported",
                    "built for adapter ABI " + std::to_string(major) + ", this host speaks " +
                        std::to_string(LMP_ABI_MAJOR));
    }
    return refuse(file, "plugin.not_an_adapter",
                  "exports no " LMP_ADAPTER_ENTRY_V1_NAME " entry point");
  }
  auto entry = lib->get<const lmp_adapter_v1 *(const lmp_host_api *)>(LMP_ADAPTER_ENTRY_V1_NAME);
  const lmp_adapter_v1 *table = entry(host_api());
  if (!table) {
    return refuse(file, "plugin.init_refused", "its entry point returned no adapter table");
  }
  if (table->abi_major != LMP_ABI_MAJOR) {
    return refuse(file, "plugin.abi_major_unsupported",
                  "its table is for adapter ABI " + std::to_string(table->abi_major) +
                      ", this host speaks " + std::to_string(LMP_ABI_MAJOR));
  }
  if (table->min_host_minor > LMP_ABI_MINOR) {
    return refuse(file, "plugin.host_too_old",
                  "needs a host with adapter ABI 1." + std::to_string(table->min_host_minor) +
                      " or newer; this host is 1." + std::to_string(LMP_ABI_MINOR));
  }
  if (table->struct_size < LMP_ADAPTER_V1_MIN_SIZE) {
    return refuse(file, "plugin.table_truncated",
                  "its table is " + std::to_string(table->struct_size) +
                      " bytes, shorter than the 1.0 layout of " +
                      std::to_string(LMP_ADAPTER_V1_MIN_SIZE));
  }
  // A newer minor's longer table is read up to what this host knows; the tail is ignored.
  lmp_adapter_v1 copy;
  std::memset(&copy, 0, sizeof copy);
  std::memcpy(&copy, table, std::min<size_t>(table->struct_size, sizeof copy));
  if (auto member = missing_required(copy, table->struct_size)) {
    return refuse(file, "plugin.missing_callback",
                  "its table has no required member '" + *member + "'");
  }
  json::error_code jec;
  json::value description = json::parse(copy.describe_json, jec);
  if (jec) {
    return refuse(file, "plugin.invalid_description",
                  "describe_json is not valid JSON (" + jec.message() + ")");
  }
  if (auto problem = description_problem(description)) {
    return refuse(file, "plugin.invalid_description", *problem);
  }
  return {std::make_shared<LoadedAdapter>(lib, copy, file, description.as_object()), std::nullopt};
}

}  // namespace lmp
