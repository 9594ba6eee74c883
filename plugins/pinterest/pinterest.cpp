// The Pinterest v5 adapter: the class behind the ABI table, and the entry point at the bottom
// (Fluent Bit's layout). Each operation hands off to the file of its concern.
#include "letmepost/adapter.hpp"
#include "plugins/pinterest/describe.hpp"
#include "plugins/pinterest/errors.hpp"
#include "plugins/pinterest/settings.hpp"

namespace pinterest {

class Adapter {
 public:
  static const char *describe_json() { return pinterest::describe_json(); }

  Adapter(letmepost::Call &, std::string_view config)
      : settings_(parse_settings(boost::json::parse(config.empty() ? "{}" : config).as_object())) {}

  int preflight(letmepost::Call &, std::string_view) {
    fail("pinterest.unknown", "Preflight is not implemented yet.");
  }
  int publish(letmepost::Call &, std::string_view) {
    fail("pinterest.unknown", "Publishing is not implemented yet.");
  }
  int map_error(letmepost::Call &, std::string_view) {
    fail("pinterest.unknown", "Error mapping is not implemented yet.");
  }

 private:
  Settings settings_;
};

}  // namespace pinterest

LMP_DEFINE_ADAPTER(pinterest::Adapter)
