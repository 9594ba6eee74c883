// `letmepost posts list|show|cancel|retry|delete`: the posts of the state database; cancel
// stops a scheduled post, retry publishes a post's failed targets again, delete removes the
// published posts from their platforms.
#include <charconv>

#include "core/cli/command.hpp"
#include "core/cli/context.hpp"
#include "core/cli/output.hpp"
#include "core/publish/lease.hpp"
#include "core/publish/unpublish.hpp"
#include "core/services/clock.hpp"

namespace lmp::cli {

namespace json = boost::json;

namespace {

PostRecord find_post(Context &ctx, const std::vector<std::string> &args) {
  if (args.size() != 1) throw UsageError{"expected one post ID"};
  auto rec = ctx.store().posts().get(args[0]);
  if (!rec) throw UsageError{"no post '" + args[0] + "' in the state database"};
  return *rec;
}

}  // namespace

int run_posts_list(Context &ctx, const std::vector<std::string> &args) {
  PostQuery q;
  for (size_t i = 0; i < args.size(); ++i) {
    const bool has_value = i + 1 < args.size();
    if (args[i] == "--status" && has_value) {
      q.status = args[++i];
    } else if (args[i] == "--limit" && has_value) {
      const std::string &v = args[++i];
      if (std::from_chars(v.data(), v.data() + v.size(), q.limit).ec != std::errc()) {
        throw UsageError{"--limit takes a number"};
      }
    } else if (args[i] == "--cursor" && has_value) {
      q.cursor = args[++i];
    } else {
      throw UsageError{"unexpected argument '" + args[i] + "'"};
    }
  }
  PostPage page = ctx.store().posts().list(q);
  json::array posts;
  for (const auto &p : page.posts) posts.push_back(p.to_result().to_json());
  print_json(json::object{
      {"posts", std::move(posts)},
      {"nextCursor", page.next_cursor ? json::value(*page.next_cursor) : json::value()}});
  return kExitOk;
}

int run_posts_show(Context &ctx, const std::vector<std::string> &args) {
  PostRecord rec = find_post(ctx, args);
  json::object doc = rec.to_result().to_json();
  doc["post"] = rec.body;
  print_json(doc);
  return kExitOk;
}

int run_posts_cancel(Context &ctx, const std::vector<std::string> &args) {
  PostRecord rec = find_post(ctx, args);
  if (!ctx.store().posts().cancel(rec.id, host_clock().now_unix_ms())) {
    print_error(make_error("api.not_scheduled", "Post '" + rec.id + "' is " +
                                                    ctx.store().posts().get(rec.id)->status +
                                                    "; only a scheduled post can be cancelled."));
    return kExitFailed;
  }
  print_json(ctx.store().posts().get(rec.id)->to_result().to_json());
  return kExitOk;
}

int run_posts_retry(Context &ctx, const std::vector<std::string> &args) {
  PostRecord rec = find_post(ctx, args);
  const int64_t now = host_clock().now_unix_ms();
  std::optional<PostRecord> taken = ctx.store().posts().requeue_failed(
      rec.id, now, process_lease_owner(), now + ctx.config().scheduler_lease_s * 1000,
      lease_owner_is_gone);
  if (!taken) {
    const bool held = rec.lease_owner && rec.lease_until_ms && *rec.lease_until_ms >= now &&
                      !lease_owner_is_gone(*rec.lease_owner);
    print_error(
        make_error("api.not_retryable",
                   "Post '" + rec.id + "' is " + rec.status +
                       (held ? " and another process (" + *rec.lease_owner + ") is publishing it"
                             : " and has no failed target to publish again") +
                       "."));
    return kExitFailed;
  }
  PostResult result = ctx.publisher().resume(*taken, false, false);
  print_json(result.to_json());
  return result.status == "published" ? kExitOk : kExitFailed;
}

int run_posts_delete(Context &ctx, const std::vector<std::string> &args) {
  PostRecord rec = find_post(ctx, args);
  const bool ok = unpublish(rec, ctx.config(), ctx.registry(), ctx.credential_access(),
                            ctx.stateful_services(), ctx.store().posts());
  print_json(rec.to_result().to_json());
  return ok ? kExitOk : kExitFailed;
}

}  // namespace lmp::cli
