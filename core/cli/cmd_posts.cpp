// `letmepost posts list|show|delete`: the posts of the state database; delete removes the
// published posts from their platforms.
#include <charconv>

#include "core/cli/command.hpp"
#include "core/cli/context.hpp"
#include "core/cli/output.hpp"
#include "core/publish/unpublish.hpp"

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

int run_posts_delete(Context &ctx, const std::vector<std::string> &args) {
  PostRecord rec = find_post(ctx, args);
  const bool ok = unpublish(rec, ctx.config(), ctx.registry(), ctx.credential_access(),
                            ctx.stateful_services(), ctx.store().posts());
  print_json(rec.to_result().to_json());
  return ok ? kExitOk : kExitFailed;
}

}  // namespace lmp::cli
