// Fuzzes the Pinterest error mapper on any status, headers and body (JSON, S3 XML or garbage):
// every reply maps to one catalog code with a message and the reply's status kept, never a crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "fuzz/reply_input.hpp"
#include "plugins/pinterest/error_map.hpp"
#include "plugins/pinterest/errors.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const pinterest::Reply reply =
      lmp::fuzz::reply_from_input(std::string_view(reinterpret_cast<const char *>(data), size));
  for (auto subject :
       {pinterest::Subject::kGeneral, pinterest::Subject::kPinCreate, pinterest::Subject::kPin,
        pinterest::Subject::kBoard, pinterest::Subject::kToken, pinterest::Subject::kCode}) {
    const boost::json::object e = pinterest::map_reply(reply, subject, 1'796'000'000'000, 1000);
    if (!pinterest::in_catalog(std::string(pinterest::code_of(e)))) std::abort();
    const boost::json::value *message = e.if_contains("message");
    if (!message || !message->is_string() || message->get_string().empty()) std::abort();
    const boost::json::value *platform = e.if_contains("platform");
    if (reply.status != 0 && (!platform || !platform->is_object())) std::abort();
  }
  return 0;
}
