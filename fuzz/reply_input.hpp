// Turns fuzz input into a Pinterest reply, for the targets that read replies: the first line is
// the status, the following lines up to an empty one are the headers the adapter reads (in
// kReadHeaders order, one value per line), the rest is the body.
#pragma once

#include <cstdlib>
#include <string>
#include <string_view>

#include "plugins/pinterest/reply.hpp"

namespace lmp::fuzz {

inline pinterest::Reply reply_from_input(std::string_view in) {
  pinterest::Reply r;
  auto next_line = [&in]() {
    const size_t n = in.find('\n');
    std::string_view line = in.substr(0, n);
    in = n == std::string_view::npos ? std::string_view() : in.substr(n + 1);
    return line;
  };
  r.status = std::atoi(std::string(next_line().substr(0, 4)).c_str()) % 1000;
  for (const char *name : pinterest::kReadHeaders) {
    if (in.empty() || in.front() == '\n') break;
    r.headers[name] = std::string(next_line());
  }
  if (!in.empty() && in.front() == '\n') in.remove_prefix(1);
  r.body = std::string(in);
  if (r.status == 0) {
    r.transport_kind = "timeout";
    r.transport_message = "the request timed out";
  }
  return r;
}

}  // namespace lmp::fuzz
