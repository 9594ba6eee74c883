// The Pinterest v5 adapter: the class behind the ABI table, and the entry point at the bottom
// (Fluent Bit's layout). Each operation hands off to the file of its concern.
#include "letmepost/adapter.hpp"
#include "plugins/pinterest/account.hpp"
#include "plugins/pinterest/auth.hpp"
#include "plugins/pinterest/boards.hpp"
#include "plugins/pinterest/client.hpp"
#include "plugins/pinterest/connect.hpp"
#include "plugins/pinterest/describe.hpp"
#include "plugins/pinterest/error_map.hpp"
#include "plugins/pinterest/errors.hpp"
#include "plugins/pinterest/pins.hpp"
#include "plugins/pinterest/preflight.hpp"
#include "plugins/pinterest/request.hpp"
#include "plugins/pinterest/settings.hpp"
#include "plugins/pinterest/video_upload.hpp"

namespace pinterest {

namespace json = boost::json;

class Adapter {
 public:
  static const char *describe_json() { return pinterest::describe_json(); }

  Adapter(letmepost::Call &, std::string_view config)
      : settings_(parse_settings(config.empty() ? json::object() : parse_config(config))) {}

  int preflight(letmepost::Call &call, std::string_view request) {
    return run(call, [&] { return run_preflight(call, services_, read_request(request)); });
  }
  int upload_media(letmepost::Call &call, std::string_view request) {
    return run(call, [&] { return upload_video(call, services_, read_request(request)); });
  }
  int publish(letmepost::Call &call, std::string_view request) {
    return run(call, [&] { return publish_pin(call, services_, read_request(request)); });
  }
  int map_error(letmepost::Call &call, std::string_view request) {
    const Reply reply = reply_from_document(parse_object(request));
    call.set_error(json::serialize(
        map_reply(reply, Subject::kGeneral, call.now_unix_ms(), settings_.rate_limit_backoff_ms)));
    return LMP_ERROR;
  }
  int list_destinations(letmepost::Call &call, std::string_view request) {
    return run(call, [&] { return list_boards(call, services_, read_request(request)); });
  }
  int connect_begin(letmepost::Call &call, std::string_view request) {
    return run(call, [&] { return pinterest::connect_begin(read_request(request)); });
  }
  int connect_finish(letmepost::Call &call, std::string_view request) {
    return run(call,
               [&] { return pinterest::connect_finish(call, services_, read_request(request)); });
  }
  int find_post(letmepost::Call &call, std::string_view request) {
    return run(call, [&] { return find_pin(call, services_, read_request(request)); });
  }
  int delete_post(letmepost::Call &call, std::string_view request) {
    return run(call, [&] { return delete_pin(call, services_, read_request(request)); });
  }
  int check_account(letmepost::Call &call, std::string_view request) {
    return run(call,
               [&] { return pinterest::check_account(call, services_, read_request(request)); });
  }
  int refresh_credentials(letmepost::Call &call, std::string_view request) {
    return run(call, [&] { return refresh_account(call, services_, read_request(request)); });
  }

 private:
  static json::object parse_config(std::string_view config) {
    json::error_code ec;
    json::value v = json::parse(config, ec);
    if (ec || !v.is_object()) {
      fail(json::object{{"code", "config.invalid_value"},
                        {"message", "The platforms.pinterest section must be a mapping."},
                        {"field", "platforms.pinterest"},
                        {"retryable", false},
                        {"retryAfterMs", nullptr},
                        {"platform", nullptr}});
    }
    return v.get_object();
  }

  // Runs an operation body that returns the result document; a cancelled call ends with
  // LMP_CANCELLED (errors propagate to the helper, which reports them).
  template <class Body>
  static int run(letmepost::Call &call, Body body) {
    try {
      call.set_result(json::serialize(body()));
      return LMP_OK;
    } catch (const Cancelled &) {
      return LMP_CANCELLED;
    }
  }

  Settings settings_;
  TokenKeeper tokens_;
  BoardDirectory boards_;
  Services services_{settings_, tokens_, boards_};
};

}  // namespace pinterest

LMP_DEFINE_ADAPTER(pinterest::Adapter)
