#include "plugins/pinterest/harness.hpp"

#include <catch2/catch.hpp>

namespace pintest {

json::object fast_config(json::object overrides) {
  json::object c{{"destination_timeout_ms", 1000},
                 {"media_check_timeout_ms", 2000},
                 {"http_timeout_ms", 5000},
                 {"rate_limit_backoff_ms", 1234}};
  for (const auto &kv : overrides) c[kv.key()] = kv.value();
  return c;
}

Harness::Harness(json::object config, std::vector<std::string> sim_args)
    : sim(std::move(sim_args)) {
  lmp::HttpClientOptions options;
  options.resolver = resolver;
  options.default_timeout_ms = 10000;
  http = std::make_unique<lmp::HttpClient>(options);
  services.http = lmp::make_http_send(*http);
  services.cache = &cache;
  auto loaded = lmp::load_adapter(std::string(LMP_PLUGIN_DIR) + "/letmepost-pinterest.so");
  if (loaded.error) FAIL("the Pinterest module did not load: " << loaded.error->message);
  adapter = loaded.adapter;
  if (auto e = adapter->create(config, services)) FAIL("create refused: " << e->message);
}

json::object Harness::request(const json::object &extra) const {
  json::object r{
      {"requestId", "req_test"},
      {"postId", "post_test"},
      {"target", json::object{{"platform", "pinterest"}, {"accountId", "acc_pin"}, {"index", 0}}},
      {"account", json::object{{"id", "acc_pin"},
                               {"environment", "sandbox"},
                               {"apiBaseUrl", sim.api_url()},
                               {"allowPrivateAddresses", true}}},
      {"credentials", json::object{{"accessToken", kAccessToken},
                                   {"refreshToken", kRefreshToken},
                                   {"clientId", kClientId},
                                   {"clientSecret", kClientSecret}}},
      {"text", "Built with letmepost."},
      {"options", json::object{{"boardId", kDemoBoard}, {"destinationUrl", url("/dest/ok")}}},
      {"media", json::array{json::object{{"type", "image"}, {"url", url("/media/demo.jpg")}}}},
  };
  for (const auto &kv : extra) r[kv.key()] = kv.value();
  return r;
}

lmp::CallOutcome Harness::run(lmp::Operation op, const json::object &request, bool allow_private) {
  lmp_call call(services);
  // The host namespaces the cache by the account the call is for.
  const json::value *account = request.if_contains("account");
  call.account_id = account && account->is_object() && account->at("id").is_string()
                        ? std::string(account->at("id").as_string())
                        : "";
  call.request_id = "req_test";
  call.allow_private_addresses = allow_private;
  call.on_credentials = [this](std::string_view text) {
    json::object doc = json::parse(text).as_object();
    if (on_credentials) on_credentials(doc);
    std::lock_guard lock(mu_);
    updates_.push_back(std::move(doc));
    return true;
  };
  if (before_call) before_call(call);
  return adapter->invoke(op, call, json::serialize(request));
}

json::array Harness::log() const {
  return sim.log();
}

json::array Harness::log(const std::string &method, const std::string &path) const {
  return sim.log(method, path);
}

void Harness::fault(const json::object &fault) const {
  sim.fault(fault);
}

std::vector<json::object> Harness::credential_updates() const {
  std::lock_guard lock(mu_);
  return updates_;
}

std::string error_code(const lmp::CallOutcome &out) {
  return out.error ? out.error->code : "";
}

std::vector<std::string> problems(const lmp::CallOutcome &out) {
  std::vector<std::string> list;
  if (!out.ok()) {
    list.push_back("failed:" + error_code(out) + ":" + (out.error ? out.error->message : ""));
    return list;
  }
  for (const json::value &p : out.result.at("errors").as_array()) {
    const json::value &f = p.at("field");
    list.push_back(std::string(p.at("code").as_string()) + "@" +
                   (f.is_string() ? std::string(f.get_string()) : "null"));
  }
  return list;
}

}  // namespace pintest
