#include "core/cli/output.hpp"

#include <cstdio>
#include <string>

#include "core/util/redact.hpp"

namespace lmp::cli {

void print_json(const boost::json::value &v) {
  std::string text = redact(boost::json::serialize(v));
  text += '\n';
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fflush(stdout);
}

void print_error(const Error &e) {
  print_json(e.envelope());
}

}  // namespace lmp::cli
