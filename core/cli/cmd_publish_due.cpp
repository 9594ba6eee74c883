// `letmepost publish-due`: one scheduler pass for cron users: every scheduled post whose time
// has come, and every post a crashed run left unfinished, published now; then token.expiring
// for tokens about to expire.
#include "core/cli/command.hpp"
#include "core/cli/context.hpp"
#include "core/cli/output.hpp"
#include "core/schedule/due_pass.hpp"
#include "core/services/clock.hpp"
#include "core/webhooks/token_expiry.hpp"

namespace lmp::cli {

namespace json = boost::json;

int run_publish_due(Context &ctx, const std::vector<std::string> &args) {
  if (!args.empty()) throw UsageError{"unexpected argument '" + args[0] + "'"};
  json::array posts;
  bool all_published = true;
  for (const PostResult &r : run_due_pass(ctx.store().posts(), ctx.publisher(), ctx.config())) {
    all_published = all_published && r.status == "published";
    posts.push_back(r.to_json());
  }
  // Tokens are looked at after the pass, which may have renewed some.
  TokenExpiryWatch tokens(ctx.store().credentials(), ctx.store().webhooks(), ctx.config());
  if (tokens.check(host_clock().now_unix_ms()) > 0) ctx.webhook_dispatcher().deliver_due();
  print_json(json::object{{"posts", std::move(posts)}});
  return all_published ? kExitOk : kExitFailed;
}

}  // namespace lmp::cli
