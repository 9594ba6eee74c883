#include "core/publish/target_call.hpp"

#include "core/publish/account_call.hpp"

namespace lmp {

namespace json = boost::json;

json::object build_target_request(const Post &post, const TargetPlan &plan, const CallIds &ids,
                                  bool allow_private_addresses) {
  const Target &t = post.targets.at(plan.index);
  json::object account{{"id", t.account_id},
                       {"environment", plan.account ? plan.account->environment : "sandbox"},
                       {"allowPrivateAddresses", allow_private_addresses}};
  if (plan.account && plan.account->api_base_url) {
    account["apiBaseUrl"] = *plan.account->api_base_url;
  }
  json::object options = plan.options.values;
  for (const auto &[k, v] : plan.resolved) options[k] = v;
  json::object request{
      {"requestId", ids.request_id},
      {"postId", ids.post_id},
      {"target",
       json::object{{"platform", t.platform}, {"accountId", t.account_id}, {"index", plan.index}}},
      {"account", std::move(account)},
      {"credentials", plan.credentials},
      {"text", post.text},
      {"options", std::move(options)},
      {"media", plan.media}};
  if (!plan.uploads.empty()) request["uploads"] = plan.uploads;
  return request;
}

namespace {

void map_fields(std::vector<Error *> errors, const Post &post, const TargetPlan &plan) {
  for (Error *e : errors) {
    if (e->field) e->field = map_field_to_user(*e->field, plan.options, post, plan.index);
  }
}

// Preflight reports its problems inside the result; their fields are mapped like errors'.
void map_result_errors(json::value &result, const Post &post, const TargetPlan &plan) {
  json::object *o = result.if_object();
  if (!o) return;
  auto it = o->find("errors");
  if (it == o->end() || !it->value().is_array()) return;
  for (json::value &v : it->value().get_array()) {
    Error e = Error::from_json(v);
    map_fields({&e}, post, plan);
    v = e.to_json();
  }
}

}  // namespace

CallOutcome call_target(Operation op, const Post &post, TargetPlan &plan,
                        const json::object &request, const HostServices &services,
                        const CallIds &ids, bool allow_private_addresses,
                        const std::function<void(uint64_t, uint64_t)> &progress) {
  lmp_call call(services);
  call.account_id = post.targets.at(plan.index).account_id;
  call.request_id = ids.request_id;
  call.allow_private_addresses = allow_private_addresses;
  call.on_progress = progress;
  call.on_credentials = [&plan](std::string_view text) {
    json::error_code ec;
    json::value v = json::parse(text, ec);
    if (ec || !v.is_object()) return false;
    register_credential_secrets(v.get_object());
    json::object merged = plan.credentials;
    for (const auto &[k, val] : v.get_object()) merged[k] = val;
    if (plan.save_credentials && !plan.save_credentials(merged)) return false;
    plan.credentials = std::move(merged);
    return true;
  };
  CallOutcome out = invoke_paced(op, *plan.adapter, call, post.targets.at(plan.index).platform,
                                 json::serialize(request));
  if (out.error) map_fields({&*out.error}, post, plan);
  if (op == Operation::kPreflight) map_result_errors(out.result, post, plan);
  return out;
}

}  // namespace lmp
