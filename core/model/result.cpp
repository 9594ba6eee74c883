#include "core/model/result.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <string_view>

#include "core/model/time.hpp"

namespace lmp {

namespace json = boost::json;

namespace {

json::value optional_string_json(const std::optional<std::string> &s) {
  return s ? json::value(*s) : json::value(nullptr);
}

// Reads keys of one object, remembering whether any present key had the wrong type.
class Reader {
 public:
  explicit Reader(const json::object &object) : object_(object) {}

  bool ok() const { return ok_; }

  // A string that must be present.
  std::string required_string(std::string_view key) {
    const json::value *v = object_.if_contains(key);
    if (!v || !v->is_string()) {
      ok_ = false;
      return {};
    }
    return std::string(v->get_string());
  }

  // A string that may be missing or null.
  std::optional<std::string> optional_string(std::string_view key) {
    const json::value *v = present(key);
    if (!v) return std::nullopt;
    if (!v->is_string()) {
      ok_ = false;
      return std::nullopt;
    }
    return std::string(v->get_string());
  }

  // An integer that must be present.
  int64_t required_int(std::string_view key) {
    const json::value *v = object_.if_contains(key);
    if (v && v->is_int64()) return v->get_int64();
    if (v && v->is_uint64() && v->get_uint64() <= INT64_MAX)
      return static_cast<int64_t>(v->get_uint64());
    ok_ = false;
    return 0;
  }

  // A boolean that may be missing or null (false).
  bool optional_bool(std::string_view key) {
    const json::value *v = present(key);
    if (!v) return false;
    if (!v->is_bool()) ok_ = false;
    return v->is_bool() && v->get_bool();
  }

  // An array of error objects that may be missing or null (empty).
  std::vector<Error> errors(std::string_view key) {
    std::vector<Error> out;
    const json::value *v = present(key);
    if (!v) return out;
    if (!v->is_array()) {
      ok_ = false;
      return out;
    }
    for (const json::value &e : v->get_array()) out.push_back(Error::from_json(e));
    return out;
  }

  // The value at `key`, or nullptr when missing or null.
  const json::value *present(std::string_view key) const {
    const json::value *v = object_.if_contains(key);
    return (v && !v->is_null()) ? v : nullptr;
  }

  // Marks the object as malformed.
  void fail() { ok_ = false; }

 private:
  const json::object &object_;
  bool ok_ = true;
};

}  // namespace

json::array errors_to_json(const std::vector<Error> &errors) {
  json::array out;
  out.reserve(errors.size());
  for (const Error &e : errors) out.push_back(e.to_json());
  return out;
}

json::object RateLimit::to_json() const {
  return json::object{{"limit", limit}, {"remaining", remaining}, {"resetAt", reset_at}};
}

std::optional<RateLimit> RateLimit::from_json(const json::value &v) {
  const json::object *o = v.if_object();
  if (!o) return std::nullopt;
  Reader r(*o);
  RateLimit rl;
  rl.limit = r.required_int("limit");
  rl.remaining = r.required_int("remaining");
  rl.reset_at = r.required_string("resetAt");
  if (!r.ok()) return std::nullopt;
  return rl;
}

json::object TargetResult::to_json() const {
  json::object o;
  o["platform"] = platform;
  o["accountId"] = account_id;
  o["status"] = status;
  o["id"] = optional_string_json(id);
  o["url"] = optional_string_json(url);
  o["error"] = error ? json::value(error->to_json()) : json::value(nullptr);
  o["errors"] = errors_to_json(errors);
  o["late"] = late;
  o["rateLimit"] = rate_limit ? json::value(rate_limit->to_json()) : json::value(nullptr);
  if (next_attempt_at_ms) {
    o["attempts"] = attempts;
    o["nextAttemptAt"] =
        format_rfc3339_ms(TimePoint(std::chrono::milliseconds(*next_attempt_at_ms)));
  }
  return o;
}

std::optional<TargetResult> TargetResult::from_json(const json::value &v) {
  const json::object *o = v.if_object();
  if (!o) return std::nullopt;
  Reader r(*o);
  TargetResult t;
  t.platform = r.required_string("platform");
  t.account_id = r.required_string("accountId");
  t.status = r.required_string("status");
  t.id = r.optional_string("id");
  t.url = r.optional_string("url");
  if (const json::value *e = r.present("error")) t.error = Error::from_json(*e);
  t.errors = r.errors("errors");
  t.late = r.optional_bool("late");
  if (const json::value *rl = r.present("rateLimit")) {
    t.rate_limit = RateLimit::from_json(*rl);
    if (!t.rate_limit) r.fail();
  }
  if (const json::value *next = r.present("nextAttemptAt")) {
    const auto at = next->is_string() ? parse_rfc3339(next->get_string()) : std::nullopt;
    if (!at) r.fail();
    if (at) {
      t.next_attempt_at_ms =
          std::chrono::duration_cast<std::chrono::milliseconds>(at->time_since_epoch()).count();
    }
    if (r.present("attempts")) t.attempts = r.required_int("attempts");
  }
  if (!r.ok()) return std::nullopt;
  return t;
}

json::object PostResult::to_json() const {
  json::array target_array;
  target_array.reserve(targets.size());
  for (const TargetResult &t : targets) target_array.push_back(t.to_json());
  return json::object{{"id", id},
                      {"status", status},
                      {"targets", std::move(target_array)},
                      {"errors", errors_to_json(errors)}};
}

std::optional<PostResult> PostResult::from_json(const json::value &v) {
  const json::object *o = v.if_object();
  if (!o) return std::nullopt;
  Reader r(*o);
  PostResult p;
  p.id = r.required_string("id");
  p.status = r.required_string("status");
  if (const json::value *targets = r.present("targets")) {
    if (!targets->is_array()) return std::nullopt;
    for (const json::value &t : targets->get_array()) {
      auto target = TargetResult::from_json(t);
      if (!target) return std::nullopt;
      p.targets.push_back(std::move(*target));
    }
  }
  p.errors = r.errors("errors");
  if (!r.ok()) return std::nullopt;
  return p;
}

std::string overall_status(const std::vector<TargetResult> &targets) {
  if (targets.empty()) return "failed";
  const auto same_as_first = [&](const TargetResult &t) { return t.status == targets[0].status; };
  if (std::all_of(targets.begin(), targets.end(), same_as_first)) return targets[0].status;
  const auto retrying = [](const TargetResult &t) { return t.status == "retrying"; };
  if (std::any_of(targets.begin(), targets.end(), retrying)) return "retrying";
  const auto failed = [](const TargetResult &t) { return t.status == "failed"; };
  if (std::any_of(targets.begin(), targets.end(), failed)) return "partial";

  static constexpr std::array<std::string_view, 4> kProgress = {"scheduled", "queued", "publishing",
                                                                "published"};
  const auto rank = [](const std::string &status) {
    const auto it = std::find(kProgress.begin(), kProgress.end(), status);
    return it == kProgress.end() ? -1 : static_cast<int>(it - kProgress.begin());
  };
  const auto least = std::min_element(targets.begin(), targets.end(),
                                      [&](const TargetResult &a, const TargetResult &b) {
                                        return rank(a.status) < rank(b.status);
                                      });
  return least->status;
}

bool PreflightReport::ok() const {
  return errors.empty() && std::all_of(targets.begin(), targets.end(),
                                       [](const PreflightTarget &t) { return t.ok(); });
}

json::object PreflightReport::to_json() const {
  json::array target_array;
  target_array.reserve(targets.size());
  for (const PreflightTarget &t : targets) {
    target_array.push_back(json::object{{"platform", t.platform},
                                        {"accountId", t.account_id},
                                        {"ok", t.ok()},
                                        {"errors", errors_to_json(t.errors)}});
  }
  return json::object{
      {"ok", ok()}, {"errors", errors_to_json(errors)}, {"targets", std::move(target_array)}};
}

}  // namespace lmp
