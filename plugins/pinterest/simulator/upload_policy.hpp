// The presigned POST of the S3-style endpoint: the upload_parameters POST /v5/media hands out
// (a base64 JSON policy with an expiration and conditions, signed with HMAC-SHA256) and their
// check when the form comes back.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "plugins/pinterest/simulator/clock.hpp"

namespace lmp::sim {

// The bucket name inside the policy.
inline constexpr const char *kUploadBucket = "pinterest-media-upload";

// Every upload parameter, in the order they are handed out: Content-Type, key, policy,
// success_action_status, x-amz-algorithm, x-amz-credential, x-amz-date, x-amz-security-token,
// x-amz-signature. The policy expires at `expires` and allows files of 1..max_bytes bytes.
std::vector<std::pair<std::string, std::string>> make_upload_parameters(
    const std::string &signing_key, const std::string &key, TimePoint now, TimePoint expires,
    std::uint64_t max_bytes);

// Why S3 refuses a request.
struct S3Refusal {
  int status;
  std::string code;     // e.g. "AccessDenied"
  std::string message;  // S3's wording
};

// What a valid form allows.
struct UploadPermit {
  std::string key;
  std::uint64_t min_bytes = 0;
  std::uint64_t max_bytes = 0;
  std::string success_action_status;  // "" = 204
};

// Checks the form fields that came before the file against S3's POST rules: the required
// fields, the signature over the policy, the policy's expiration (against `now`), each
// condition, and no field outside the policy. The permit, or the refusal S3 would send.
std::pair<std::optional<UploadPermit>, std::optional<S3Refusal>> check_upload_form(
    const std::map<std::string, std::string> &fields, const std::string &signing_key,
    TimePoint now);

}  // namespace lmp::sim
