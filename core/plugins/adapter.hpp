// A loaded adapter: its library, its validated table, what it says about itself, and its one
// instance. The call wrapper around the C table lives here, so nothing else touches it.
#pragma once

#include <boost/json.hpp>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/error.hpp"
#include "core/plugins/call.hpp"
#include "letmepost/adapter.h"

namespace boost::dll {
class shared_library;
}

namespace lmp {

// The operations of lmp_adapter_v1.
enum class Operation {
  kPreflight,
  kUploadMedia,
  kPublish,
  kMapError,
  kListDestinations,
  kConnectBegin,
  kConnectFinish,
  kFindPost,
  kDeletePost,
  kCheckAccount,
  kRefreshCredentials,
};

// The operation's name as describe_json and messages spell it ("upload_media").
const char *operation_name(Operation op);

// What one operation produced: the result document, or the error that stopped it.
struct CallOutcome {
  int status = LMP_OK;         // LMP_OK, LMP_ERROR or LMP_CANCELLED
  boost::json::value result;   // the parsed result document (null when none)
  std::optional<Error> error;  // set whenever status is not LMP_OK
  bool ok() const { return status == LMP_OK; }
};

class LoadedAdapter {
 public:
  // Takes a table already validated by the loader (copied, zero-extended to the host's size).
  LoadedAdapter(std::shared_ptr<boost::dll::shared_library> library, const lmp_adapter_v1 &table,
                std::filesystem::path file, boost::json::object description);
  // Destroys the instance, if one was made. The library itself stays loaded (never unloaded
  // during a run).
  ~LoadedAdapter();
  LoadedAdapter(const LoadedAdapter &) = delete;
  LoadedAdapter &operator=(const LoadedAdapter &) = delete;

  // From describe_json.
  const std::string &name() const { return name_; }
  const std::string &version() const { return version_; }
  const std::vector<std::string> &platforms() const { return platforms_; }
  const boost::json::object &description() const { return description_; }
  // The ABI the adapter was built against, "major.minor".
  std::string abi() const;
  const std::filesystem::path &file() const { return file_; }
  // Whether the adapter implements op (optional members may be NULL).
  bool supports(Operation op) const;

  // Makes the one instance from the adapter's config section. Returns the adapter's error when
  // it refuses. Must be called once, before any operation.
  std::optional<Error> create(const boost::json::object &config, const HostServices &services);

  // Runs op with the request document on call (fresh, made for this operation). Never throws on
  // adapter misbehaviour: a missing result or error, or an unknown status, becomes an
  // adapter.protocol_violation error. After it returns, call refuses further service use.
  CallOutcome invoke(Operation op, lmp_call &call, std::string_view request_json);

 private:
  lmp_operation_fn function_of(Operation op) const;

  std::shared_ptr<boost::dll::shared_library> library_;
  lmp_adapter_v1 table_;
  std::filesystem::path file_;
  boost::json::object description_;
  std::string name_, version_;
  std::vector<std::string> platforms_;
  bool serial_ = false;
  std::mutex serial_mu_;
  lmp_instance *instance_ = nullptr;
};

}  // namespace lmp
