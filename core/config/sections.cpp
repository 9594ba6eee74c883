// The top-level keys and the small sections, one table each.
#include <charconv>

#include "core/config/key_table.hpp"
#include "core/config/sections.hpp"
#include "core/util/log.hpp"

namespace lmp {

namespace {

using Reader = YamlReader;
using Node = YAML::Node;
using Path = std::string;

std::filesystem::path path_value(Reader &r, const Node &v, const Path &p) {
  std::string text = r.text(v, p);
  if (text.empty()) r.fail("config.invalid_value", v, p, "'" + p + "' must not be empty");
  return text;
}

// host:port, with a port from 1 to 65535 ("[::1]:8080" too).
std::string listen_value(Reader &r, const Node &v, const Path &p) {
  std::string text = r.text(v, p);
  const size_t colon = text.rfind(':');
  int port = 0;
  if (colon != std::string::npos && colon > 0) {
    const char *begin = text.data() + colon + 1, *end = text.data() + text.size();
    auto [stop, ec] = std::from_chars(begin, end, port);
    if (ec != std::errc() || stop != end || begin == end) port = 0;
  }
  if (port < 1 || port > 65535) {
    r.fail("config.invalid_value", v, p,
           "'" + p + "' must be host:port with a port from 1 to 65535, not '" + text + "'");
  }
  return text;
}

const auto kPluginKeys = std::to_array<Key<Config>>({
    {"paths",
     [](Reader &r, const Node &v, const Path &p, Config &c) {
       for (const std::string &s : r.text_list(v, p)) c.plugin_paths.emplace_back(s);
     }},
});

const auto kStateKeys = std::to_array<Key<Config>>({
    {"path", [](Reader &r, const Node &v, const Path &p,
                Config &c) { c.state_path = path_value(r, v, p); }},
    {"media_dir",
     [](Reader &r, const Node &v, const Path &p, Config &c) { c.media_dir = path_value(r, v, p); }},
});

const auto kNetworkKeys = std::to_array<Key<Config>>({
    {"allow_private_addresses", [](Reader &r, const Node &v, const Path &p,
                                   Config &c) { c.allow_private_addresses = r.boolean(v, p); }},
});

const auto kConnectKeys = std::to_array<Key<Config>>({
    {"redirect_uri",
     [](Reader &r, const Node &v, const Path &p, Config &c) { c.redirect_uri = r.http_url(v, p); }},
});

const auto kServerKeys = std::to_array<Key<Config>>({
    {"listen", [](Reader &r, const Node &v, const Path &p,
                  Config &c) { c.server_listen = listen_value(r, v, p); }},
    {"max_upload_bytes",
     [](Reader &r, const Node &v, const Path &p, Config &c) {
       c.server_max_upload_bytes = r.integer(v, p, 1, int64_t{1} << 40);
     }},
});

const auto kLogKeys = std::to_array<Key<Config>>({
    {"level",
     [](Reader &r, const Node &v, const Path &p, Config &c) {
       c.log_level = r.text(v, p);
       if (!log_level_from_name(c.log_level)) {
         r.fail("config.invalid_value", v, p,
                "'" + p + "' must be one of " + log_level_names() + ", not '" + c.log_level + "'");
       }
     }},
    {"format",
     [](Reader &r, const Node &v, const Path &p, Config &c) {
       c.log_format = r.one_of(v, p, {"text", "json"});
     }},
});

const auto kHttpKeys = std::to_array<Key<Config>>({
    {"timeout_ms", [](Reader &r, const Node &v, const Path &p,
                      Config &c) { c.http_timeout_ms = r.integer(v, p, 1, 3'600'000); }},
    {"connect_timeout_ms",
     [](Reader &r, const Node &v, const Path &p, Config &c) {
       c.http_connect_timeout_ms = r.integer(v, p, 1, 600'000);
     }},
    {"max_redirects",
     [](Reader &r, const Node &v, const Path &p, Config &c) {
       c.max_redirects = static_cast<int>(r.integer(v, p, 0, 20));
     }},
});

const auto kPacingKeys = std::to_array<Key<Config>>({
    {"max_wait_s", [](Reader &r, const Node &v, const Path &p,
                      Config &c) { c.pacing_max_wait_s = r.integer(v, p, 0, 86'400); }},
    {"reserve", [](Reader &r, const Node &v, const Path &p,
                   Config &c) { c.pacing_reserve = r.integer(v, p, 0, 1'000'000); }},
});

const auto kPublishKeys = std::to_array<Key<Config>>({
    {"parallel_accounts", [](Reader &r, const Node &v, const Path &p,
                             Config &c) { c.publish_parallel_accounts = r.integer(v, p, 1, 64); }},
    {"retries", [](Reader &r, const Node &v, const Path &p,
                   Config &c) { c.publish_retries = r.integer(v, p, 0, 10); }},
    {"retry_backoff_ms",
     [](Reader &r, const Node &v, const Path &p, Config &c) {
       c.publish_retry_backoff_ms = r.integer(v, p, 0, 600'000);
     }},
    {"retry_max_wait_s",
     [](Reader &r, const Node &v, const Path &p, Config &c) {
       c.publish_retry_max_wait_s = r.integer(v, p, 0, 86'400);
     }},
});

const auto kSchedulerKeys = std::to_array<Key<Config>>({
    {"poll_ms", [](Reader &r, const Node &v, const Path &p,
                   Config &c) { c.scheduler_poll_ms = r.integer(v, p, 1, 60'000); }},
    {"lease_s", [](Reader &r, const Node &v, const Path &p,
                   Config &c) { c.scheduler_lease_s = r.integer(v, p, 1, 604'800); }},
    {"late_after_s", [](Reader &r, const Node &v, const Path &p,
                        Config &c) { c.scheduler_late_after_s = r.integer(v, p, 0, 86'400); }},
    {"max_attempts", [](Reader &r, const Node &v, const Path &p,
                        Config &c) { c.scheduler_max_attempts = r.integer(v, p, 1, 100); }},
    {"retry_backoff_ms",
     [](Reader &r, const Node &v, const Path &p,
        Config &c) { c.scheduler_retry_backoff_ms = r.integer(v, p, 1000, 86'400'000); }},
});

const auto kWebhookDeliveryKeys = std::to_array<Key<Config>>({
    {"max_attempts", [](Reader &r, const Node &v, const Path &p,
                        Config &c) { c.webhook_max_attempts = r.integer(v, p, 1, 100); }},
    {"backoff_ms", [](Reader &r, const Node &v, const Path &p,
                      Config &c) { c.webhook_backoff_ms = r.integer(v, p, 0, 3'600'000); }},
    {"max_backoff_s", [](Reader &r, const Node &v, const Path &p,
                         Config &c) { c.webhook_max_backoff_s = r.integer(v, p, 0, 604'800); }},
    {"timeout_ms", [](Reader &r, const Node &v, const Path &p,
                      Config &c) { c.webhook_timeout_ms = r.integer(v, p, 1, 600'000); }},
    {"poll_ms", [](Reader &r, const Node &v, const Path &p,
                   Config &c) { c.webhook_poll_ms = r.integer(v, p, 1, 3'600'000); }},
    {"cli_timeout_ms", [](Reader &r, const Node &v, const Path &p,
                          Config &c) { c.webhook_cli_timeout_ms = r.integer(v, p, 0, 600'000); }},
    {"token_expiring_days",
     [](Reader &r, const Node &v, const Path &p,
        Config &c) { c.webhook_token_expiring_days = r.integer(v, p, 0, 365); }},
});

// Each platforms.<name> is the adapter's: taken as JSON, its keys left to the adapter to check.
void read_platforms(Reader &r, const Node &v, const Path &p, Config &c) {
  r.for_each_entry(
      v, p,
      [&](const std::string &name, const Node &, const Node &section, const Path &section_path) {
        if (!section.IsNull() && !section.IsMap()) {
          r.fail("config.invalid_value", section, section_path,
                 "'" + section_path + "' must be a mapping of the adapter's settings");
        }
        boost::json::value settings = r.json(section, section_path);
        c.platforms[name] = settings.is_object() ? settings.get_object() : boost::json::object();
      });
}

template <const auto &Table>
void read_section(Reader &r, const Node &v, const Path &p, Config &c) {
  read_keys(r, v, p, Table, c);
}

const auto kTopKeys = std::to_array<Key<Config>>({
    {"plugins", read_section<kPluginKeys>},
    {"state", read_section<kStateKeys>},
    {"network", read_section<kNetworkKeys>},
    {"connect", read_section<kConnectKeys>},
    {"platforms", read_platforms},
    {"accounts", read_accounts},
    {"server", read_section<kServerKeys>},
    {"api_keys", read_api_keys},
    {"webhooks", read_webhooks},
    {"webhook_delivery", read_section<kWebhookDeliveryKeys>},
    {"log", read_section<kLogKeys>},
    {"http", read_section<kHttpKeys>},
    {"pacing", read_section<kPacingKeys>},
    {"publish", read_section<kPublishKeys>},
    {"scheduler", read_section<kSchedulerKeys>},
});

}  // namespace

void read_document(YamlReader &r, const YAML::Node &root, Config &cfg) {
  read_keys(r, root, "", kTopKeys, cfg);
}

}  // namespace lmp
