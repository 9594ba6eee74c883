// One target of a post as an adapter sees it: the request document of abi-json.md, and the way
// an operation is run for it (a fresh call, the account's context, fields mapped back to where the
// user wrote them).
#pragma once

#include <boost/json.hpp>
#include <functional>
#include <string>
#include <string_view>

#include "core/config/config.hpp"
#include "core/model/options.hpp"
#include "core/model/post.hpp"
#include "core/plugins/adapter.hpp"

namespace lmp {

// Everything the host settled about one target before calling its adapter.
struct TargetPlan {
  size_t index = 0;                        // position in post.targets
  const AccountConfig *account = nullptr;  // the account from the config
  LoadedAdapter *adapter = nullptr;        // the adapter serving the platform
  MergedOptions options;                   // options merged for the platform
  boost::json::array media;                // prepared media items (abi-json.md)
  boost::json::object credentials;         // the account's current credentials (secret)
  boost::json::array uploads;              // what upload_media returned, for publish
  boost::json::object resolved;            // what preflight settled (e.g. a boardId)
  // Persists credentials an adapter refreshed; false when they could not be stored.
  std::function<bool(const boost::json::object &)> save_credentials;
};

// Identifies the run a call belongs to, for the request and the logs.
struct CallIds {
  std::string post_id;
  std::string request_id;
};

// The target request of abi-json.md for plan. Options include what preflight resolved.
boost::json::object build_target_request(const Post &post, const TargetPlan &plan,
                                         const CallIds &ids, bool allow_private_addresses);

// Runs op for the target with request (build_target_request, possibly extended) on a fresh call.
// Credentials the adapter reports are saved through plan.save_credentials and replace
// plan.credentials. Fields of the error (and of preflight's "errors") are mapped back to the
// user's input. progress receives upload progress when set.
CallOutcome call_target(Operation op, const Post &post, TargetPlan &plan,
                        const boost::json::object &request, const HostServices &services,
                        const CallIds &ids, bool allow_private_addresses,
                        const std::function<void(uint64_t, uint64_t)> &progress = {});

}  // namespace lmp
