#include "core/plugins/adapter.hpp"

#include <boost/dll/shared_library.hpp>

namespace lmp {

namespace json = boost::json;

const char *operation_name(Operation op) {
  switch (op) {
    case Operation::kPreflight:
      return "preflight";
    case Operation::kUploadMedia:
      return "upload_media";
    case Operation::kPublish:
      return "publish";
    case Operation::kMapError:
      return "map_error";
    case Operation::kListDestinations:
      return "list_destinations";
    case Operation::kConnectBegin:
      return "connect_begin";
    case Operation::kConnectFinish:
      return "connect_finish";
    case Operation::kFindPost:
      return "find_post";
    case Operation::kDeletePost:
      return "delete_post";
    case Operation::kCheckAccount:
      return "check_account";
    case Operation::kRefreshCredentials:
      return "refresh_credentials";
  }
  return "unknown";
}

LoadedAdapter::LoadedAdapter(std::shared_ptr<boost::dll::shared_library> library,
                             const lmp_adapter_v1 &table, std::filesystem::path file,
                             json::object description)
    : library_(std::move(library)),
      table_(table),
      file_(std::move(file)),
      description_(std::move(description)) {
  name_ = std::string(description_.at("name").as_string());
  version_ = std::string(description_.at("version").as_string());
  for (const auto &p : description_.at("platforms").as_array()) {
    platforms_.emplace_back(p.as_string());
  }
  if (auto it = description_.find("concurrency"); it != description_.end()) {
    serial_ = it->value() == "serial";
  }
}

LoadedAdapter::~LoadedAdapter() {
  if (instance_) table_.destroy(instance_);
}

std::string LoadedAdapter::abi() const {
  return std::to_string(table_.abi_major) + "." + std::to_string(table_.abi_minor);
}

lmp_operation_fn LoadedAdapter::function_of(Operation op) const {
  switch (op) {
    case Operation::kPreflight:
      return table_.preflight;
    case Operation::kUploadMedia:
      return table_.upload_media;
    case Operation::kPublish:
      return table_.publish;
    case Operation::kMapError:
      return table_.map_error;
    case Operation::kListDestinations:
      return table_.list_destinations;
    case Operation::kConnectBegin:
      return table_.connect_begin;
    case Operation::kConnectFinish:
      return table_.connect_finish;
    case Operation::kFindPost:
      return table_.find_post;
    case Operation::kDeletePost:
      return table_.delete_post;
    case Operation::kCheckAccount:
      return table_.check_account;
    case Operation::kRefreshCredentials:
      return table_.refresh_credentials;
  }
  return nullptr;
}

bool LoadedAdapter::supports(Operation op) const {
  return function_of(op) != nullptr;
}

namespace {

// Reads what the adapter left on the call after it returned status.
CallOutcome outcome_of(int status, const lmp_call &call, const std::string &adapter,
                       const char *op) {
  CallOutcome out;
  out.status = status;
  auto violation = [&](const std::string &what) {
    out.status = LMP_ERROR;
    out.error = make_error("adapter.protocol_violation",
                           "Adapter " + adapter + " " + what + " in " + op + ".");
  };
  if (status == LMP_OK) {
    if (call.result) {
      json::error_code ec;
      out.result = json::parse(*call.result, ec);
      if (ec) violation("set a result that is not valid JSON");
    } else {
      out.result = json::object();
    }
  } else if (status == LMP_ERROR) {
    json::error_code ec;
    json::value v = call.error ? json::parse(*call.error, ec) : json::value();
    if (!call.error || ec) {
      violation(call.error ? "set an error that is not valid JSON"
                           : "returned LMP_ERROR without setting an error");
    } else {
      out.error = Error::from_json(v);
    }
  } else if (status == LMP_CANCELLED) {
    out.error = make_error(
        "host.cancelled",
        std::string("The ") + op + " operation of adapter " + adapter + " was cancelled.",
        std::nullopt, true);
  } else {
    violation("returned the unknown status " + std::to_string(status));
  }
  return out;
}

}  // namespace

std::optional<Error> LoadedAdapter::create(const json::object &config,
                                           const HostServices &services) {
  lmp_call call(services);
  call.adapter_name = name_;
  const std::string text = json::serialize(config);
  lmp_instance *inst = nullptr;
  int status = table_.create(lmp::host_api(), text.data(), text.size(), &call, &inst);
  call.active = false;
  if (status == LMP_OK && inst) {
    instance_ = inst;
    return std::nullopt;
  }
  CallOutcome out = outcome_of(status == LMP_OK ? LMP_ERROR : status, call, name_, "create");
  if (status == LMP_OK) {
    out.error =
        make_error("adapter.protocol_violation",
                   "Adapter " + name_ + " returned LMP_OK from create without an instance.");
  }
  return out.error;
}

CallOutcome LoadedAdapter::invoke(Operation op, lmp_call &call, std::string_view request_json) {
  lmp_operation_fn fn = function_of(op);
  if (!fn || !instance_) {
    CallOutcome out;
    out.status = LMP_ERROR;
    out.error = make_error("host.unsupported_operation",
                           "Adapter " + name_ + " does not support " + operation_name(op) + ".");
    return out;
  }
  call.adapter_name = name_;
  std::unique_lock<std::mutex> lock(serial_mu_, std::defer_lock);
  if (serial_) lock.lock();
  int status = fn(instance_, &call, request_json.data(), request_json.size());
  call.active = false;
  return outcome_of(status, call, name_, operation_name(op));
}

}  // namespace lmp
