#include "core/store/records.hpp"

namespace lmp {

TargetResult TargetRecord::to_result() const {
  TargetResult r;
  r.platform = platform;
  r.account_id = account_id;
  r.status = status;
  r.id = platform_post_id;
  r.url = url;
  r.error = error;
  r.errors = errors;
  r.late = late;
  r.rate_limit = rate_limit;
  r.attempts = attempts;
  r.next_attempt_at_ms = next_attempt_at_ms;
  return r;
}

PostResult PostRecord::to_result() const {
  PostResult r;
  r.id = id;
  r.status = status;
  for (const TargetRecord &t : targets) r.targets.push_back(t.to_result());
  r.errors = errors;
  return r;
}

std::string media_id_for_sha256(std::string_view sha256_hex) {
  return "med_" + std::string(sha256_hex.substr(0, 32));
}

}  // namespace lmp
