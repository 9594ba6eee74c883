// An adapter built with adapter.hpp whose operations throw, so the tests can check that the
// helper turns every exception into an error object and never lets one cross the ABI.
#include <stdexcept>

#include "letmepost/adapter.hpp"

class ThrowingAdapter {
 public:
  static const char *describe_json() {
    return R"({"name":"thrower","version":"0.0.1","platforms":["thrower"],)"
           R"("concurrency":"parallel","capabilities":{},"configSchema":{},"errors":{}})";
  }
  ThrowingAdapter(letmepost::Call &, std::string_view config) {
    if (config.find("explode") != std::string_view::npos) throw std::runtime_error("boom in ctor");
  }
  int preflight(letmepost::Call &, std::string_view) {
    throw letmepost::Error(letmepost::error_json("thrower.rejected", "Thrower rejects \"this\"."));
  }
  int publish(letmepost::Call &, std::string_view) { throw std::runtime_error("publish exploded"); }
  int map_error(letmepost::Call &, std::string_view) { throw 42; }
  int delete_post(letmepost::Call &call, std::string_view) {
    call.set_result(R"({"deleted":true})");
    return LMP_OK;
  }
};

LMP_DEFINE_ADAPTER(ThrowingAdapter)
