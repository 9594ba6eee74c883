#include "plugins/pinterest/simulator/upload_policy.hpp"

#include <boost/json.hpp>

#include "plugins/pinterest/simulator/crypto.hpp"

namespace lmp::sim {

namespace {

using Result = std::pair<std::optional<UploadPermit>, std::optional<S3Refusal>>;

Result refuse(int status, std::string code, std::string message) {
  return {std::nullopt, S3Refusal{status, std::move(code), std::move(message)}};
}

Result condition_failed(const std::string &field, const std::string &value) {
  return refuse(403, "AccessDenied",
                "Invalid according to Policy: Policy Condition failed: [\"eq\", \"$" + field +
                    "\", \"" + value + "\"]");
}

std::string lower(std::string s) {
  for (char &c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> make_upload_parameters(
    const std::string &signing_key, const std::string &key, TimePoint now, TimePoint expires,
    std::uint64_t max_bytes) {
  const std::string date = amz_date(now);
  const std::string credential =
      "ASIASIMULATOR0000000/" + date.substr(0, 8) + "/us-east-1/s3/aws4_request";
  const std::string security_token = base64_encode(random_bytes(48));
  std::vector<std::pair<std::string, std::string>> signed_fields = {
      {"Content-Type", "multipart/form-data"}, {"key", key},
      {"success_action_status", "204"},        {"x-amz-algorithm", "AWS4-HMAC-SHA256"},
      {"x-amz-credential", credential},        {"x-amz-date", date},
      {"x-amz-security-token", security_token}};
  boost::json::array conditions{boost::json::object{{"bucket", kUploadBucket}}};
  for (const auto &[name, value] : signed_fields) {
    conditions.push_back(boost::json::object{{name, value}});
  }
  conditions.push_back(boost::json::array{"content-length-range", 1, max_bytes});
  const std::string policy = base64_encode(boost::json::serialize(boost::json::object{
      {"expiration", iso_time_ms(expires)}, {"conditions", std::move(conditions)}}));
  std::vector<std::pair<std::string, std::string>> out;
  out.emplace_back(signed_fields[0]);
  out.emplace_back(signed_fields[1]);
  out.emplace_back("policy", policy);
  for (std::size_t i = 2; i < signed_fields.size(); ++i) out.emplace_back(signed_fields[i]);
  out.emplace_back("x-amz-signature", hmac_sha256_hex(signing_key, policy));
  return out;
}

Result check_upload_form(const std::map<std::string, std::string> &fields,
                         const std::string &signing_key, TimePoint now) {
  for (const char *required :
       {"key", "policy", "x-amz-algorithm", "x-amz-credential", "x-amz-date", "x-amz-signature"}) {
    if (!fields.count(required)) {
      return refuse(400, "InvalidArgument",
                    std::string("Bucket POST must contain a field named '") + required +
                        "'.  If it is specified, please check the order of the fields.");
    }
  }
  const std::string &policy = fields.at("policy");
  if (!constant_time_equal(hmac_sha256_hex(signing_key, policy), fields.at("x-amz-signature"))) {
    return refuse(403, "SignatureDoesNotMatch",
                  "The request signature we calculated does not match the signature you "
                  "provided. Check your key and signing method.");
  }
  // The signature held, so the policy is the one we made: its shape can be trusted.
  const auto document = boost::json::parse(*base64_decode(policy)).as_object();
  const auto expiration = parse_iso_time(document.at("expiration").as_string());
  if (!expiration || now >= *expiration) {
    return refuse(403, "AccessDenied", "Invalid according to Policy: Policy expired.");
  }
  UploadPermit permit;
  std::map<std::string, bool> allowed{{"policy", true}, {"x-amz-signature", true}};
  for (const auto &condition : document.at("conditions").as_array()) {
    if (condition.is_array()) {  // ["content-length-range", min, max]
      const auto &range = condition.as_array();
      permit.min_bytes = range[1].to_number<std::uint64_t>();
      permit.max_bytes = range[2].to_number<std::uint64_t>();
      continue;
    }
    for (const auto &item : condition.as_object()) {
      const std::string name(item.key());
      if (name == "bucket") continue;
      const std::string value(item.value().as_string());
      allowed[lower(name)] = true;
      const auto it = fields.find(name);
      if (it == fields.end() || it->second != value) return condition_failed(name, value);
    }
  }
  std::string extra;
  for (const auto &[name, value] : fields) {
    if (!allowed.count(lower(name)) && lower(name).rfind("x-ignore-", 0) != 0) {
      extra += (extra.empty() ? "" : ", ") + name;
    }
  }
  if (!extra.empty()) {
    return refuse(403, "AccessDenied", "Invalid according to Policy: Extra input fields: " + extra);
  }
  permit.key = fields.at("key");
  if (const auto it = fields.find("success_action_status"); it != fields.end()) {
    permit.success_action_status = it->second;
  }
  return {permit, std::nullopt};
}

}  // namespace lmp::sim
