#include <catch2/catch.hpp>

#include "core/webhooks/signature.hpp"

TEST_CASE("a webhook signature is HMAC-SHA256 of '<t>.<body>' in hex", "[webhooks]") {
  // The expected value was computed independently with Python's hmac module.
  CHECK(lmp::webhook_signature("whsec_test_123456", 1796000000, R"({"a":1})") ==
        "t=1796000000,v1=80fe1af44ea37e767203425693910a6919d068de5e16b08dcd060dccb79017ad");
  CHECK(lmp::webhook_signature("another_secret", 1796000000, R"({"a":1})") !=
        lmp::webhook_signature("whsec_test_123456", 1796000000, R"({"a":1})"));
}
