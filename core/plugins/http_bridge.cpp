#include "core/plugins/http_bridge.hpp"

namespace lmp {

namespace json = boost::json;

HttpSendFn make_http_send(HttpClient &client) {
  return [&client](std::string_view request_json, lmp_call &call, lmp_http_response &out) {
    json::error_code ec;
    json::value request = json::parse(request_json, ec);
    if (ec) {
      out.error_json = json::serialize(json::object{
          {"kind", "bad_request"},
          {"message", "The http_send request is not valid JSON (" + ec.message() + ")."}});
      return LMP_ERROR;
    }
    HttpReply reply = client.send(
        request, [&call] { return call.cancelled.load(); },
        [&call](uint64_t done, uint64_t total) {
          if (call.on_progress) call.on_progress(done, total);
        },
        call.allow_private_addresses);
    out.status = reply.status;
    out.headers = std::move(reply.headers);
    out.body = std::move(reply.body);
    if (reply.transport_error) {
      if (reply.transport_error->first == "cancelled") return LMP_CANCELLED;
      out.error_json = json::serialize(json::object{{"kind", reply.transport_error->first},
                                                    {"message", reply.transport_error->second}});
      return LMP_ERROR;
    }
    return LMP_OK;
  };
}

}  // namespace lmp
