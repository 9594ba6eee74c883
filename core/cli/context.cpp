#include "core/cli/context.hpp"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdio>

#include "core/plugins/http_bridge.hpp"
#include "core/publish/account_call.hpp"
#include "core/publish/lease.hpp"
#include "core/publish/store_journal.hpp"
#include "core/services/http_client.hpp"
#include "core/services/store_cache.hpp"
#include "core/store/sqlite_store.hpp"
#include "core/store/store_error.hpp"
#include "core/util/log.hpp"

namespace lmp::cli {

namespace fs = std::filesystem;
namespace json = boost::json;

// The cache is attached only once a command opens the state database, so `plugins` and
// `config check` never create one.
struct Context::Services {
  explicit Services(const Config &cfg) : http(options_for(cfg)) {
    host.http = make_http_send(http);
  }
  static HttpClientOptions options_for(const Config &cfg) {
    HttpClientOptions o;
    o.default_timeout_ms = cfg.http_timeout_ms;
    o.connect_timeout_ms = cfg.http_connect_timeout_ms;
    o.max_redirects_cap = cfg.max_redirects;
    return o;
  }
  // Pacing observations live in the cache, so they come with it.
  void attach_cache(CacheStore &store, const Config &cfg) {
    if (cache) return;
    cache = std::make_unique<StoreCache>(store);
    host.cache = cache.get();
    pacer = std::make_unique<Pacer>(
        cache.get(), PacingOptions{cfg.pacing_max_wait_s * 1000, cfg.pacing_reserve});
    host.pacer = pacer.get();
  }
  HttpClient http;
  std::unique_ptr<StoreCache> cache;
  std::unique_ptr<Pacer> pacer;
  HostServices host;
};

Context::Context(std::optional<fs::path> config_file, std::optional<std::string> log_level)
    : config_file_(std::move(config_file)), log_level_(std::move(log_level)) {
  init_logging(log_level_.value_or("warn"), false);
}

// A run that recorded webhook events tries to deliver them once before it exits, with a short
// timeout; what is left stays pending for serve or `webhooks replay`.
Context::~Context() {
  if (!journal_ || journal_->emitted() == 0) return;
  try {
    WebhookDispatcher pass(store().webhooks(), services_->http, host_clock(), config().webhooks,
                           webhook_delivery_options(config(), config().webhook_cli_timeout_ms));
    pass.deliver_due();
  } catch (const std::exception &e) {
    spdlog::warn("webhook delivery before exit: {}", e.what());
  }
}

const Config &Context::config() {
  if (!config_) {
    std::error_code ec;
    if (config_file_) {
      config_ = load_config(*config_file_);
    } else if (fs::exists("letmepost.yaml", ec)) {
      config_ = load_config("letmepost.yaml");
    } else {
      config_ = default_config();
    }
    init_logging(log_level_.value_or(config_->log_level), config_->log_format == "json");
  }
  return *config_;
}

Store &Context::store() {
  if (!store_) store_ = std::make_unique<SqliteStore>(config().state_path.string());
  return *store_;
}

MediaLibrary &Context::media_library() {
  if (!media_library_) {
    media_library_ = std::make_unique<MediaLibrary>(store().media(), config().media_dir);
  }
  return *media_library_;
}

HostServices &Context::services() {
  if (!services_) services_ = std::make_unique<Services>(config());
  return services_->host;
}

HostServices &Context::stateful_services() {
  services();
  services_->attach_cache(store().cache(), config());
  return services_->host;
}

Registry &Context::registry() {
  if (!registry_) {
    const Config &cfg = config();
    std::vector<fs::path> locations{Registry::default_dir()};
    locations.insert(locations.end(), cfg.plugin_paths.begin(), cfg.plugin_paths.end());
    registry_ = std::make_unique<Registry>();
    registry_->load(
        locations,
        [&cfg](const std::string &name) {
          auto it = cfg.platforms.find(name);
          return it == cfg.platforms.end() ? json::object() : it->second;
        },
        services());
    registry_->locate_refusals([&cfg](const std::string &field) {
      auto it = cfg.locations.find(field);
      return it == cfg.locations.end() ? std::string() : it->second.to_string();
    });
  }
  return *registry_;
}

CredentialAccess Context::credential_access() {
  CredentialStore &creds = store().credentials();
  CredentialAccess access;
  access.load = [&creds](const AccountConfig &a) {
    json::object yaml;
    auto put = [&yaml](const char *key, const std::optional<std::string> &v) {
      if (v) yaml[key] = *v;
    };
    put("accessToken", a.access_token);
    put("refreshToken", a.refresh_token);
    put("clientId", a.client_id);
    put("clientSecret", a.client_secret);
    creds.seed_from_config(a.id, a.platform, yaml, host_clock().now_unix_ms());
    json::object current = creds.get(a.id).value_or(yaml);
    register_credential_secrets(current);
    return current;
  };
  access.save = [&creds](const AccountConfig &a, const json::object &c) {
    try {
      creds.update(a.id, a.platform, c, host_clock().now_unix_ms());
      return true;
    } catch (const StoreError &e) {
      spdlog::error("could not store refreshed credentials of account {}: {}", a.id, e.what());
      return false;
    }
  };
  return access;
}

Publisher &Context::publisher() {
  if (!publisher_) {
    stateful_services();
    store_journal_ =
        std::make_unique<StoreJournal>(store().posts(), config().scheduler_lease_s * 1000);
    journal_ =
        std::make_unique<EventJournal>(*store_journal_, store().webhooks(), config().webhooks,
                                       [] { return host_clock().now_unix_ms(); });
    PublisherDeps deps;
    deps.config = &config();
    deps.registry = &registry();
    deps.services = &services();
    deps.credentials = credential_access();
    deps.journal = journal_.get();
    deps.quota = &store().quota();
    leases_ = std::make_unique<LeaseRenewer>(store().posts(), process_lease_owner(),
                                             config().scheduler_lease_s * 1000);
    deps.leases = leases_.get();
    deps.media = {&media_library(), config().media_dir / "derived", &services_->http,
                  config().allow_private_addresses};
    if (::isatty(STDERR_FILENO)) {  // interfaces.md: progress only on a terminal
      progress_ =
          std::make_unique<ProgressMeter>(host_clock(), [](const std::string &line, bool last) {
            std::fprintf(stderr, "\r%s\x1b[K%s", line.c_str(), last ? "\n" : "");
            std::fflush(stderr);
          });
      deps.upload_progress = [meter = progress_.get()](uint64_t done, uint64_t total) {
        meter->update(done, total);
      };
    }
    publisher_ = std::make_unique<Publisher>(std::move(deps));
  }
  return *publisher_;
}

WebhookDispatcher &Context::webhook_dispatcher() {
  if (!webhook_dispatcher_) {
    services();
    webhook_dispatcher_ =
        std::make_unique<WebhookDispatcher>(store().webhooks(), services_->http, host_clock(),
                                            config().webhooks, webhook_delivery_options(config()));
  }
  return *webhook_dispatcher_;
}

}  // namespace lmp::cli
