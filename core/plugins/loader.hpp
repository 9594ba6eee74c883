// Loads one adapter library and negotiates ABI v1 with it (adapter-abi.md §3.3). Every refusal
// is a distinct plugin.* error naming the file; a refusal never stops the host.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>

#include "core/model/error.hpp"
#include "core/plugins/adapter.hpp"

namespace lmp {

// Either a loaded (not yet created) adapter, or the error that refused it.
struct LoadResult {
  std::shared_ptr<LoadedAdapter> adapter;
  std::optional<Error> error;
};

// Loads file with RTLD_NOW (so an unresolved symbol fails here), finds lmp_adapter_entry_v1,
// calls it with the host table, and validates the table and describe_json. Errors:
// plugin.load_failed, plugin.not_an_adapter, plugin.abi_major_unsupported, plugin.init_refused,
// plugin.host_too_old, plugin.table_truncated, plugin.missing_callback,
// plugin.invalid_description.
LoadResult load_adapter(const std::filesystem::path &file);

}  // namespace lmp
