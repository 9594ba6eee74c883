// Fuzzes the Pinterest adapter's JSON entry points through the host's own call wrapper: any
// request document, for any operation, ends in a result or an error object (never a crash, an
// exception across the ABI or a protocol violation). The adapter's HTTP goes nowhere: every send
// fails as a refused connection, and time is a fake clock, so backoffs cost nothing.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "core/plugins/adapter.hpp"
#include "core/services/cache.hpp"
#include "core/services/clock.hpp"

extern "C" const lmp_adapter_v1 *lmp_adapter_entry_v1(const lmp_host_api *host);

namespace {

struct Host {
  lmp::FakeClock clock;
  lmp::MemoryCache cache{clock};
  lmp::HostServices services;
  std::unique_ptr<lmp::LoadedAdapter> adapter;

  Host() {
    lmp::set_host_clock(&clock);
    services.cache = &cache;
    services.http = [](std::string_view, lmp_call &, lmp_http_response &out) {
      out.error_json = R"({"kind":"connect","message":"no network in the fuzzer"})";
      return LMP_ERROR;
    };
    const lmp_adapter_v1 *table = lmp_adapter_entry_v1(lmp::host_api());
    if (!table) std::abort();
    adapter =
        std::make_unique<lmp::LoadedAdapter>(nullptr, *table, "letmepost-pinterest (linked in)",
                                             boost::json::parse(table->describe_json).as_object());
    if (adapter->create({}, services)) std::abort();
  }
};

constexpr lmp::Operation kOperations[] = {
    lmp::Operation::kPreflight,
    lmp::Operation::kUploadMedia,
    lmp::Operation::kPublish,
    lmp::Operation::kMapError,
    lmp::Operation::kListDestinations,
    lmp::Operation::kConnectBegin,
    lmp::Operation::kConnectFinish,
    lmp::Operation::kFindPost,
    lmp::Operation::kDeletePost,
    lmp::Operation::kCheckAccount,
    lmp::Operation::kRefreshCredentials,
};

}  // namespace

// Input: one byte choosing the operation, then the request document.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static Host host;
  if (size == 0) return 0;
  const lmp::Operation op = kOperations[data[0] % std::size(kOperations)];
  if (!host.adapter->supports(op)) return 0;
  lmp_call call(host.services);
  call.adapter_name = host.adapter->name();
  call.account_id = "acc_fuzz";
  call.on_credentials = [](std::string_view) { return true; };
  const lmp::CallOutcome out = host.adapter->invoke(
      op, call, std::string_view(reinterpret_cast<const char *>(data + 1), size - 1));
  if (out.error && (out.error->code.empty() || out.error->message.empty() ||
                    out.error->code == "adapter.protocol_violation")) {
    std::abort();
  }
  if (call.late_service_calls.load() != 0) std::abort();
  return 0;
}
