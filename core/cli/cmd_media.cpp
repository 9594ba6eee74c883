// `letmepost media upload|list|delete`: the media library (state.media_dir, indexed in the state
// database). Files are named by their content, so the same bytes give the same mediaId.
#include "core/cli/command.hpp"
#include "core/cli/context.hpp"
#include "core/cli/output.hpp"

namespace lmp::cli {

namespace json = boost::json;

int run_media_upload(Context &ctx, const std::vector<std::string> &args) {
  if (args.size() != 1) throw UsageError{"expected one FILE"};
  try {
    ImportResult r = ctx.media_library().import_file(args[0]);
    json::object doc = entry_json(r.entry);
    doc["added"] = r.added;
    print_json(doc);
    return kExitOk;
  } catch (const MediaError &e) {
    Error err = e.error();
    err.field = "FILE";
    print_error(err);
    return kExitFailed;
  }
}

int run_media_list(Context &ctx, const std::vector<std::string> &args) {
  bool all = false;
  for (const auto &a : args) {
    if (a != "--all") throw UsageError{"unexpected argument '" + a + "'"};
    all = true;
  }
  json::array media;
  for (const auto &e : ctx.media_library().list(!all)) media.push_back(entry_json(e));
  print_json(json::object{{"media", std::move(media)}});
  return kExitOk;
}

int run_media_delete(Context &ctx, const std::vector<std::string> &args) {
  if (args.size() != 1) throw UsageError{"expected one media ID"};
  if (!ctx.media_library().remove(args[0])) {
    throw UsageError{"no media '" + args[0] + "' in the media index"};
  }
  print_json(json::object{{"deleted", args[0]}});
  return kExitOk;
}

}  // namespace lmp::cli
