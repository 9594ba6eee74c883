#include "core/cli/command.hpp"

namespace lmp::cli {

int run_plugins(Context &, const std::vector<std::string> &);
int run_config_check(Context &, const std::vector<std::string> &);
int run_preflight(Context &, const std::vector<std::string> &);
int run_post(Context &, const std::vector<std::string> &);
int run_boards(Context &, const std::vector<std::string> &);
int run_accounts(Context &, const std::vector<std::string> &);
int run_posts_list(Context &, const std::vector<std::string> &);
int run_posts_show(Context &, const std::vector<std::string> &);
int run_posts_cancel(Context &, const std::vector<std::string> &);
int run_posts_retry(Context &, const std::vector<std::string> &);
int run_posts_delete(Context &, const std::vector<std::string> &);
int run_connect(Context &, const std::vector<std::string> &);
int run_media_upload(Context &, const std::vector<std::string> &);
int run_media_list(Context &, const std::vector<std::string> &);
int run_media_delete(Context &, const std::vector<std::string> &);
int run_serve(Context &, const std::vector<std::string> &);
int run_publish_due(Context &, const std::vector<std::string> &);
int run_backup(Context &, const std::vector<std::string> &);
int run_webhooks_list(Context &, const std::vector<std::string> &);
int run_webhooks_replay(Context &, const std::vector<std::string> &);

const std::vector<Command> &commands() {
  static const std::vector<Command> table = {
      {{"plugins"},
       "List loaded adapters and refused plugin files.",
       "letmepost plugins\n\nPrints {\"adapters\": [...], \"refused\": [...]}. Exit 2 when a "
       "plugin was refused.",
       &run_plugins},
      {{"config", "check"},
       "Load the config and the plugins; check every account.",
       "letmepost [--config FILE] config check\n\nExit 0 when the config, every plugin and "
       "every account are fine, 2 otherwise.",
       &run_config_check},
      {{"preflight"},
       "Check a post without publishing anything.",
       "letmepost [--config FILE] preflight POST.json|-\n\nPrints {\"ok\", \"errors\", "
       "\"targets\"} with every problem. Exit 0 when ok, 1 when not.",
       &run_preflight},
      {{"post"},
       "Preflight, upload and publish a post (or schedule it).",
       "letmepost [--config FILE] post POST.json|-\n\nPrints the result. Exit 0 when every "
       "target is published or scheduled, 1 otherwise.",
       &run_post},
      {{"accounts"},
       "List configured accounts, where their credentials come from, and their health.",
       "letmepost [--config FILE] accounts [--check]\n\nPrints {\"accounts\": [{\"id\", "
       "\"platform\", \"environment\", \"apiBaseUrl\", \"credentials\": {\"source\", ...}}]} "
       "without any secret. --check adds each account's \"health\" from its adapter (token, "
       "scopes, expiry) and exits 1 when one is not ok.",
       &run_accounts},
      {{"boards"},
       "List an account's boards and sections.",
       "letmepost [--config FILE] boards ACCOUNT [--refresh]\n\nFrom the cache (shared by "
       "every run through the state database) unless --refresh.",
       &run_boards},
      {{"posts", "list"},
       "List recorded posts, newest first.",
       "letmepost posts list [--status STATUS] [--limit N] [--cursor CURSOR]",
       &run_posts_list},
      {{"posts", "show"},
       "Show one post's result and what was submitted.",
       "letmepost posts show ID",
       &run_posts_show},
      {{"posts", "cancel"},
       "Cancel a scheduled post before it publishes.",
       "letmepost posts cancel ID\n\nOnly a post still scheduled (not yet taken by a scheduler) "
       "can be cancelled; exit 1 otherwise.",
       &run_posts_cancel},
      {{"posts", "retry"},
       "Publish a post's failed targets again, now.",
       "letmepost posts retry ID\n\nTargets that failed, or wait for the scheduler's next "
       "attempt, are published again from their recorded step (a create of unknown outcome is "
       "looked for first); published targets stay as they are. Prints the result; exit 0 when "
       "the post is then published.",
       &run_posts_retry},
      {{"posts", "delete"},
       "Remove a post's published pins from their platforms.",
       "letmepost posts delete ID",
       &run_posts_delete},
      {{"connect"},
       "Connect an account: OAuth consent, tokens kept in the state database.",
       "letmepost [--config FILE] connect PLATFORM --account ID [--redirect-uri URI] "
       "[--no-browser]\n\nListens on the redirect URI (connect.redirect_uri; 127.0.0.1 or "
       "localhost) for the browser's redirect, or with --no-browser reads the pasted redirect "
       "URL on stdin. Prints {\"accountId\", \"platform\", \"username\", \"connected\", "
       "\"boards\"}. LMP_CONNECT_TIMEOUT_S bounds the wait (default 300).",
       &run_connect},
      {{"media", "upload"},
       "Copy a file into the media library and print its mediaId.",
       "letmepost [--config FILE] media upload FILE\n\nProbes the file (images and videos "
       "only), copies it into state.media_dir named by its SHA-256 and prints the entry with "
       "\"added\": false when the library already held the same bytes.",
       &run_media_upload},
      {{"media", "list"},
       "List the media library.",
       "letmepost [--config FILE] media list [--all]\n\nPrints {\"media\": [...]}, oldest "
       "first; --all adds the files posts referenced in place.",
       &run_media_list},
      {{"media", "delete"},
       "Remove a media entry (and its file, when it is in the library).",
       "letmepost [--config FILE] media delete ID",
       &run_media_delete},
      {{"publish-due"},
       "Publish every scheduled post that is due, then exit (for cron).",
       "letmepost [--config FILE] publish-due\n\nAlso takes up posts a crashed run left "
       "unfinished (a create whose outcome is unknown is looked for on the platform before it "
       "is made again). Prints {\"posts\": [RESULT...]}. Exit 0 when every post it published "
       "is published (or there was none), 1 otherwise.",
       &run_publish_due},
      {{"serve"},
       "Serve the HTTP API (docs/openapi.yaml) until SIGTERM or SIGINT.",
       "letmepost [--config FILE] serve [--listen HOST:PORT]\n\nListens on server.listen "
       "(--listen wins; port 0 picks a free one) and prints 'listening on http://HOST:PORT' "
       "first. On SIGTERM or SIGINT it stops accepting, finishes the requests in flight and "
       "exits 0.",
       &run_serve},
      {{"backup"},
       "Copy the state database to FILE, safely while serve runs.",
       "letmepost [--config FILE] backup FILE [--force]\n\nWrites a consistent copy of "
       "state.path (SQLite's online backup; other processes may go on writing) and prints "
       "{\"backup\": PATH, \"schemaVersion\": N}. Refuses an existing FILE unless --force.",
       &run_backup},
      {{"webhooks", "list"},
       "List webhook deliveries (the outbox), newest first.",
       "letmepost [--config FILE] webhooks list [--state pending|delivered|dead]\n\nPrints "
       "{\"deliveries\": [{eventId, type, endpoint, state, attempts, nextAttemptAtMs, "
       "lastError}...]} (docs/webhooks.md).",
       &run_webhooks_list},
      {{"webhooks", "replay"},
       "Resend a webhook event, or every dead delivery, now.",
       "letmepost [--config FILE] webhooks replay EVENT_ID|--dead\n\nMakes the event's "
       "delivered or dead deliveries (or, with --dead, every dead one) pending with their "
       "attempts reset, tries them once, and prints {\"replayed\": N, \"deliveries\": [...]}. "
       "Exit 0 when every one was delivered, 1 otherwise (they stay pending for serve).",
       &run_webhooks_replay},
  };
  return table;
}

}  // namespace lmp::cli
