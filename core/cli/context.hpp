// What every command may need, made on first use: the config, logging, the state database, the
// host services, the loaded adapters and the publisher. A command that needs no adapter never
// loads one, and one that needs no state never opens the database.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "core/config/config.hpp"
#include "core/library/media_library.hpp"
#include "core/plugins/call.hpp"
#include "core/plugins/registry.hpp"
#include "core/publish/publisher.hpp"
#include "core/services/progress.hpp"
#include "core/store/store.hpp"
#include "core/webhooks/dispatcher.hpp"
#include "core/webhooks/event_journal.hpp"

namespace lmp::cli {

class Context {
 public:
  // config_file: --config, if given; else ./letmepost.yaml when present, else defaults.
  // log_level: --log-level, if given (it wins over the config's log.level).
  Context(std::optional<std::filesystem::path> config_file, std::optional<std::string> log_level);
  ~Context();

  // The config. Throws ConfigError on the first problem.
  const Config &config();
  // The state database at state.path, created and migrated on first use.
  Store &store();
  // The services behind the host table: HTTP with the SSRF guard, and no cache.
  HostServices &services();
  // The same services with the adapters' cache in the state database (opened on first use).
  HostServices &stateful_services();
  // The media library in state.media_dir, indexed in the state database.
  MediaLibrary &media_library();
  // Adapters from the default folder and plugins.paths, created with their config sections.
  Registry &registry();
  // The pipeline, recording into the state database.
  Publisher &publisher();
  // Sends webhook deliveries with the config's options, over the host's HTTP client (serve's
  // background delivery, `webhooks replay`).
  WebhookDispatcher &webhook_dispatcher();
  // Credentials of the configured accounts, seeded from the YAML and kept in the database.
  CredentialAccess credential_access();

 private:
  std::optional<std::filesystem::path> config_file_;
  std::optional<std::string> log_level_;
  std::optional<Config> config_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<MediaLibrary> media_library_;
  std::unique_ptr<ProgressMeter> progress_;
  struct Services;
  std::unique_ptr<Services> services_;
  std::unique_ptr<Registry> registry_;
  std::unique_ptr<PublishJournal> store_journal_;
  std::unique_ptr<EventJournal> journal_;
  std::unique_ptr<WebhookDispatcher> webhook_dispatcher_;
  std::unique_ptr<LeaseRenewer> leases_;
  std::unique_ptr<Publisher> publisher_;
};

}  // namespace lmp::cli
