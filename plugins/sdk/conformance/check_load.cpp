// negotiation, describe and create_destroy: what holds before any operation runs.
#include <malloc.h>

#include <boost/dll/shared_library.hpp>
#include <regex>
#include <set>

#include "plugins/sdk/conformance/checks.hpp"
#include "plugins/sdk/conformance/supervise.hpp"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LMP_CHECK_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define LMP_CHECK_ASAN 1
#endif
#ifdef LMP_CHECK_ASAN
#include <sanitizer/allocator_interface.h>
#endif

namespace lmp::conformance {

namespace json = boost::json;

namespace {

constexpr int kCycles = 100;
constexpr int kWarmup = 5;
// Heap growth allowed over all cycles: noise of allocator bookkeeping, never a leak per cycle.
constexpr long kHeapSlackBytes = 16 * 1024;

long heap_in_use() {
#ifdef LMP_CHECK_ASAN
  return static_cast<long>(__sanitizer_get_current_allocated_bytes());
#else
  struct mallinfo2 m = mallinfo2();
  return static_cast<long>(m.uordblks + m.hblkhd);
#endif
}

// A table larger than this is garbage, not a later minor's (1.0's is under 200 bytes).
constexpr uint32_t kMaxTableSize = 4096;

// What the loader leaves alone: a struct_size too large or unaligned to be a real table, and the
// reserved members of a 1.0 table not zero. The library is already loaded; this only looks.
std::optional<std::string> table_problem(const std::filesystem::path &file) {
  boost::dll::shared_library lib(
      file.string(), boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
  auto entry = lib.get<const lmp_adapter_v1 *(const lmp_host_api *)>(LMP_ADAPTER_ENTRY_V1_NAME);
  const lmp_adapter_v1 *t = entry(host_api());
  if (!t) return "the entry point returned no table the second time it was called";
  if (t->struct_size > kMaxTableSize || t->struct_size % alignof(void *) != 0) {
    return "struct_size " + std::to_string(t->struct_size) +
           " is not the size of a table (sizeof(lmp_adapter_v1) is " +
           std::to_string(sizeof(lmp_adapter_v1)) + ")";
  }
  if (t->abi_minor == 0 && (t->flags != 0 || t->reserved != 0)) {
    return "flags and reserved must be zero in a 1.0 table";
  }
  if (t->min_host_minor > t->abi_minor) {
    return "min_host_minor " + std::to_string(t->min_host_minor) + " is newer than its abi_minor " +
           std::to_string(t->abi_minor);
  }
  return std::nullopt;
}

std::vector<std::string> describe_problems(const LoadedAdapter &a) {
  std::vector<std::string> p;
  const json::object &d = a.description();
  auto string_of = [&](const char *key) {
    const json::value *v = d.if_contains(key);
    if (!v || !v->is_string() || v->get_string().empty()) {
      p.push_back(std::string("no string \"") + key + "\"");
    }
  };
  string_of("displayName");
  string_of("version");
  const json::value *envs = d.if_contains("environments");
  if (!envs || !envs->is_array()) p.push_back("no \"environments\" array");
  const json::value *conc = d.if_contains("concurrency");
  if (!conc || (*conc != "serial" && *conc != "parallel")) {
    p.push_back("\"concurrency\" is not \"serial\" or \"parallel\"");
  }
  const json::value *schema = d.if_contains("configSchema");
  if (!schema || !schema->is_object()) p.push_back("no \"configSchema\" object");

  const json::value *caps = d.if_contains("capabilities");
  const json::value *ops =
      caps && caps->is_object() ? caps->get_object().if_contains("operations") : nullptr;
  if (!ops || !ops->is_array()) {
    p.push_back("no \"capabilities.operations\" array");
  } else {
    std::set<std::string> listed;
    for (const json::value &o : ops->get_array()) {
      if (!o.is_string() || !operation_named(o.get_string())) {
        p.push_back("capabilities.operations lists " + json::serialize(o) + ", not an operation");
      } else {
        listed.emplace(o.get_string());
      }
    }
    for (int i = 0; i <= static_cast<int>(Operation::kRefreshCredentials); ++i) {
      const auto op = static_cast<Operation>(i);
      const bool in_list = listed.count(operation_name(op)) > 0;
      if (in_list != a.supports(op)) {
        p.push_back(std::string("capabilities.operations ") + (in_list ? "lists " : "omits ") +
                    operation_name(op) + " but the table " + (in_list ? "lacks" : "has") + " it");
      }
    }
  }

  const json::value *errors = d.if_contains("errors");
  static const std::regex dotted("^[a-z0-9_]+(\\.[a-z0-9_]+)+$");
  if (!errors || !errors->is_object() || errors->get_object().empty()) {
    p.push_back("no non-empty \"errors\" catalog");
  } else {
    for (const auto &kv : errors->get_object()) {
      const std::string code(kv.key());
      const json::object *e = kv.value().if_object();
      if (!std::regex_match(code, dotted))
        p.push_back("catalog code \"" + code + "\" is not dotted lowercase");
      if (!e || !e->contains("retryable") || !e->at("retryable").is_bool()) {
        p.push_back("catalog entry " + code + " has no boolean \"retryable\"");
      }
      if (!e || !e->contains("description") || !e->at("description").is_string() ||
          e->at("description").get_string().empty()) {
        p.push_back("catalog entry " + code + " has no \"description\"");
      }
    }
  }
  return p;
}

std::string joined(const std::vector<std::string> &items) {
  std::string out;
  for (const auto &s : items) out += (out.empty() ? "" : "; ") + s;
  return out;
}

}  // namespace

bool check_negotiation(Context &ctx) {
  set_step("negotiation", "loading the adapter");
  ctx.loaded = load_adapter(ctx.file);
  if (ctx.loaded.error) {
    ctx.report.fail("negotiation", ctx.loaded.error->code + ": " + ctx.loaded.error->message);
    return false;
  }
  if (auto problem = table_problem(ctx.file)) {
    ctx.report.fail("negotiation", *problem);
    return false;
  }
  ctx.report.pass("negotiation",
                  "the host's loader accepts it (" LMP_ADAPTER_ENTRY_V1_NAME ", ABI " +
                      ctx.loaded.adapter->abi() + ", table size and required members)");
  return true;
}

void check_describe(Context &ctx) {
  const LoadedAdapter &a = *ctx.loaded.adapter;
  const auto problems = describe_problems(a);
  const json::value *errors = a.description().if_contains("errors");
  ctx.findings.emplace(errors && errors->is_object() ? errors->get_object() : json::object());
  ctx.report.verdict(problems.empty(), "describe",
                     "capabilities, error catalog (" +
                         std::to_string(errors ? errors->get_object().size() : 0) +
                         " codes) and config schema are complete",
                     joined(problems));
}

bool check_create_destroy(Context &ctx) {
  std::optional<Error> refused;
  long before = 0;
  for (int i = 0; i < kCycles + kWarmup; ++i) {
    set_step("create_destroy", "create/destroy cycle " + std::to_string(i + 1));
    if (i == kWarmup) before = heap_in_use();
    auto instance = ctx.host.open(ctx.file, ctx.config, &refused);
    if (!instance) {
      ctx.report.fail("create_destroy", "create refused in cycle " + std::to_string(i + 1) + ": " +
                                            refused->code + ": " + refused->message);
      return false;
    }
    ctx.host.close(instance);
  }
  const long growth = heap_in_use() - before;
  ctx.report.verdict(growth <= kHeapSlackBytes, "create_destroy",
                     std::to_string(kCycles) + " create/destroy cycles, heap steady",
                     "the heap grew by " + std::to_string(growth) + " bytes over " +
                         std::to_string(kCycles) + " create/destroy cycles (a leak)");
  set_step("create_destroy", "creating the instance for the operation rules");
  ctx.instance = ctx.host.open(ctx.file, ctx.config, &refused);
  if (!ctx.instance) {
    ctx.report.fail("create_destroy", "create refused: " + refused->code + ": " + refused->message);
    return false;
  }
  return true;
}

}  // namespace lmp::conformance
