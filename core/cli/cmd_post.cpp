// `letmepost preflight POST.json` and `letmepost post POST.json`: read a post (a file or - for
// stdin), run it through the publisher, print the preflight report or the result.
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/cli/command.hpp"
#include "core/cli/context.hpp"
#include "core/cli/output.hpp"

namespace lmp::cli {

namespace {

std::string read_post(const std::vector<std::string> &args) {
  if (args.size() != 1) throw UsageError{"expected one POST.json argument (- for stdin)"};
  std::ostringstream text;
  if (args[0] == "-") {
    text << std::cin.rdbuf();
  } else {
    std::ifstream in(args[0], std::ios::binary);
    if (!in) throw UsageError{"cannot read post file " + args[0]};
    text << in.rdbuf();
  }
  return text.str();
}

}  // namespace

int run_preflight(Context &ctx, const std::vector<std::string> &args) {
  const std::string body = read_post(args);
  PreflightReport report = ctx.publisher().preflight(parse_post(body));
  print_json(report.to_json());
  return report.ok() ? kExitOk : kExitFailed;
}

int run_post(Context &ctx, const std::vector<std::string> &args) {
  const std::string body = read_post(args);
  PostResult result = ctx.publisher().publish(parse_post(body), body);
  print_json(result.to_json());
  return result.status == "published" || result.status == "scheduled" ? kExitOk : kExitFailed;
}

}  // namespace lmp::cli
