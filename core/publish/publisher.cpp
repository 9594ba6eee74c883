#include "core/publish/publisher.hpp"

#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>
#include <exception>
#include <map>
#include <mutex>
#include <thread>

#include "core/model/ids.hpp"
#include "core/model/time.hpp"
#include "core/publish/crash_hook.hpp"
#include "core/publish/quota.hpp"
#include "core/publish/retry.hpp"
#include "core/services/clock.hpp"

namespace lmp {

namespace json = boost::json;

namespace {

TargetResult target_result(const Post &post, size_t i, std::string status) {
  TargetResult r;
  r.platform = post.targets[i].platform;
  r.account_id = post.targets[i].account_id;
  r.status = std::move(status);
  return r;
}

// The errors a preflight result lists.
std::vector<Error> result_errors(const json::value &result) {
  std::vector<Error> out;
  const json::object *o = result.if_object();
  if (const json::value *e = o ? o->if_contains("errors") : nullptr; e && e->is_array()) {
    for (const auto &v : e->get_array()) out.push_back(Error::from_json(v));
  }
  return out;
}

std::optional<RateLimit> rate_limit_of(const json::value &result) {
  const json::object *o = result.if_object();
  const json::value *r = o ? o->if_contains("rateLimit") : nullptr;
  return r ? RateLimit::from_json(*r) : std::nullopt;
}

std::optional<std::string> string_of(const json::value &result, const char *key) {
  const json::object *o = result.if_object();
  const json::value *v = o ? o->if_contains(key) : nullptr;
  return v && v->is_string() ? std::optional<std::string>(std::string(v->get_string()))
                             : std::nullopt;
}

bool is_future(const Post &post) {
  return post.scheduled_at &&
         *post.scheduled_at > TimePoint(std::chrono::milliseconds(host_clock().now_unix_ms()));
}

bool unfinished(const std::string &step) {
  return step == "queued" || step == "preflighted" || step == "uploading" || step == "publishing";
}

// A create of unknown outcome, its target last recorded at updated_at_ms: look for it from as
// far back as one run's attempts may have started before that record (each attempt's timeout
// and the longest wait between them), plus a minute for clocks that disagree a little.
std::string search_from(int64_t updated_at_ms, const Config &config) {
  const int64_t run_ms = (config.publish_retries + 1) *
                         (config.http_timeout_ms + config.publish_retry_max_wait_s * 1000);
  return format_rfc3339_ms(TimePoint(std::chrono::milliseconds(updated_at_ms - run_ms - 60'000)));
}

}  // namespace

Publisher::Publisher(PublisherDeps deps) : deps_(std::move(deps)) {}

void Publisher::record(const std::string &post_id, size_t index, const std::string &step,
                       const TargetResult &r) {
  if (deps_.journal) deps_.journal->step(post_id, index, step, r);
}

LeaseRenewer::Hold Publisher::hold_lease(const std::string &post_id) {
  return deps_.leases ? deps_.leases->hold(post_id) : LeaseRenewer::Hold();
}

PreflightReport Publisher::preflight(const ParseResult &parsed) {
  PreflightReport report;
  report.errors = parsed.errors;
  if (!parsed.post) return report;
  const Post &post = *parsed.post;
  const CallIds ids{new_id("post"), new_id("req")};
  auto planned = plan_targets(post, *deps_.config, *deps_.registry, deps_.credentials, deps_.media);
  for (auto &pt : planned) {
    PreflightTarget t{post.targets[pt.plan.index].platform, post.targets[pt.plan.index].account_id,
                      pt.errors};
    if (pt.errors.empty()) {
      json::object request =
          build_target_request(post, pt.plan, ids, deps_.config->allow_private_addresses);
      CallOutcome out = call_target(Operation::kPreflight, post, pt.plan, request, *deps_.services,
                                    ids, deps_.config->allow_private_addresses);
      if (out.error) {
        t.errors.push_back(*out.error);
      } else {
        t.errors = result_errors(out.result);
      }
    }
    report.targets.push_back(std::move(t));
  }
  return report;
}

TargetResult Publisher::publish_target(const Post &post, PlannedTarget &pt,
                                       const std::string &post_id, const TargetRun &run) {
  const size_t i = pt.plan.index;
  const Config &config = *deps_.config;
  TargetResult r = target_result(post, i, "failed");
  r.late = run.late;
  r.attempts = run.attempts;
  if (!pt.errors.empty()) {
    r.errors = pt.errors;
    r.error = pt.errors.front();
    record(post_id, i, "failed", r);
    return r;
  }
  // Ends this attempt with `e`: failed, or (the scheduler, a retryable error, attempts left)
  // recorded at `resume_step` to be taken up again at its next attempt time.
  auto stop = [&](const Error &e, const std::string &resume_step) {
    r.error = e;
    r.attempts = run.attempts + 1;
    if (run.defer_retryable && e.retryable && r.attempts < config.scheduler_max_attempts) {
      r.status = "retrying";
      r.next_attempt_at_ms =
          host_clock().now_unix_ms() + scheduler_retry_delay_ms(config, r.attempts, e);
      record(post_id, i, resume_step, r);
      spdlog::warn("{} target {}: {} (retryable); attempt {} of {} at {}", post_id, i, e.code,
                   r.attempts + 1, config.scheduler_max_attempts,
                   format_rfc3339(TimePoint(std::chrono::milliseconds(*r.next_attempt_at_ms))));
    } else {
      r.status = "failed";
      record(post_id, i, "failed", r);
    }
    return r;
  };
  const bool allow_private = config.allow_private_addresses;
  const CallIds ids{post_id, new_id("req")};
  auto run_once = [&](Operation op, json::object extra = {}) {
    json::object request = build_target_request(post, pt.plan, ids, allow_private);
    for (auto &kv : extra) request[kv.key()] = kv.value();
    CallOutcome out = call_target(op, post, pt.plan, request, *deps_.services, ids, allow_private,
                                  deps_.upload_progress);
    if (auto rl = rate_limit_of(out.result)) r.rate_limit = rl;
    return out;
  };
  const RetryPolicy policy = RetryPolicy::from(config);
  auto with_policy = [&](Operation op) {
    return with_retries(policy, [&] { return run_once(op); });
  };

  CallOutcome pre = with_policy(Operation::kPreflight);
  if (pre.error) {
    r.errors = {*pre.error};
    return stop(*pre.error, "queued");
  }
  if (std::vector<Error> problems = result_errors(pre.result); !problems.empty()) {
    r.errors = problems;
    r.error = problems.front();
    record(post_id, i, "failed", r);
    return r;
  }
  if (const json::object *o = pre.result.if_object()) {
    if (const json::value *res = o->if_contains("resolved"); res && res->is_object()) {
      pt.plan.resolved = res->get_object();
    }
  }
  r.status = "preflighted";
  record(post_id, i, "preflighted", r);
  crash_after("preflighted");

  if (pt.plan.adapter->supports(Operation::kUploadMedia)) {
    r.status = "uploading";
    record(post_id, i, "uploading", r);
    CallOutcome up = with_policy(Operation::kUploadMedia);
    if (up.error) return stop(*up.error, "uploading");
    if (const json::object *o = up.result.if_object()) {
      if (const json::value *u = o->if_contains("uploads"); u && u->is_array()) {
        pt.plan.uploads = u->get_array();
      }
    }
    crash_after("uploading");
  }

  QuotaTicket quota(deps_.quota, config, r.account_id, host_clock().now_unix_ms(),
                    run.quota_counted);
  if (quota.error()) return stop(*quota.error(), "failed");
  r.status = "publishing";
  record(post_id, i, "publishing", r);
  // Pinterest (like most platforms) has no idempotency key: before publishing again after a
  // failure, ask the adapter whether the first attempt made the post after all.
  const std::string attempt_start =
      format_rfc3339_ms(TimePoint(std::chrono::milliseconds(host_clock().now_unix_ms())));
  auto reconcile_after = [&](const std::string &after) -> std::optional<CallOutcome> {
    if (!pt.plan.adapter->supports(Operation::kFindPost)) return std::nullopt;
    CallOutcome found = run_once(Operation::kFindPost, {{"after", after}});
    if (found.error) return found;  // unknown whether it exists: retrying could duplicate it
    const json::value *f =
        found.result.is_object() ? found.result.get_object().if_contains("found") : nullptr;
    if (f && f->is_bool() && f->get_bool()) {
      spdlog::info("{} target {}: the failed attempt had published it; not publishing again",
                   post_id, i);
      return found;
    }
    return std::nullopt;
  };
  auto reconcile = [&] { return reconcile_after(attempt_start); };
  // A create a crashed run started may have happened: look before creating again.
  std::optional<CallOutcome> earlier;
  if (run.unknown_since) earlier = reconcile_after(*run.unknown_since);
  CallOutcome pub = earlier ? std::move(*earlier)
                            : with_retries(
                                  policy, [&] { return run_once(Operation::kPublish); }, reconcile);
  if (pub.error) {
    // Recorded first: a crash in between then over-counts by one rather than under-counting.
    TargetResult stopped = stop(*pub.error, "publishing");
    quota.give_back();
    return stopped;
  }
  crash_after("publishing");
  r.status = "published";
  r.id = string_of(pub.result, "id");
  r.url = string_of(pub.result, "url");
  record(post_id, i, "published", r);
  spdlog::info("published {} target {} ({}): {}", post_id, i, r.platform, r.url.value_or(""));
  return r;
}

void Publisher::run_targets(const Post &post, const Todo &todo, PostResult &result) {
  // One account's targets go in order (its rate limit and pacing are shared); accounts go in
  // parallel, up to publish.parallel_accounts at once.
  std::map<std::string, Todo> by_account;
  for (const auto &item : todo) {
    const Target &t = post.targets[item.first->plan.index];
    by_account[t.platform + "/" + t.account_id].push_back(item);
  }
  std::vector<Todo> groups;
  for (auto &kv : by_account) groups.push_back(std::move(kv.second));
  std::atomic<size_t> next{0};
  std::mutex failure_mu;
  std::exception_ptr failure;  // the first error a worker threw (the state database, say)
  auto worker = [&] {
    try {
      for (size_t g = next++; g < groups.size(); g = next++) {
        for (const auto &[pt, run] : groups[g]) {
          result.targets[pt->plan.index] = publish_target(post, *pt, result.id, run);
        }
      }
    } catch (...) {
      std::lock_guard lock(failure_mu);
      if (!failure) failure = std::current_exception();
    }
  };
  const size_t workers =
      std::min<size_t>(groups.size(), static_cast<size_t>(deps_.config->publish_parallel_accounts));
  std::vector<std::thread> threads;
  for (size_t w = 1; w < workers; ++w) threads.emplace_back(worker);
  worker();
  for (auto &t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
}

PostResult Publisher::publish(const ParseResult &parsed, const std::string &body_json,
                              const std::string &api_key) {
  PostResult result;
  result.id = new_id("post");
  if (!parsed.post) {
    result.status = "failed";
    result.errors = parsed.errors;
    if (deps_.journal) {
      deps_.journal->begin(nullptr, body_json, result, api_key);
      deps_.journal->finish(result);
    }
    return result;
  }
  const Post &post = *parsed.post;
  const bool scheduled = is_future(post);
  for (size_t i = 0; i < post.targets.size(); ++i) {
    result.targets.push_back(target_result(post, i, scheduled ? "scheduled" : "queued"));
  }
  result.status = overall_status(result.targets);
  if (deps_.journal) deps_.journal->begin(&post, body_json, result, api_key);
  if (scheduled) return result;
  const LeaseRenewer::Hold lease = hold_lease(result.id);

  auto planned = plan_targets(post, *deps_.config, *deps_.registry, deps_.credentials, deps_.media);
  // A scheduledAt in the past means "now"; the result says it was late.
  TargetRun run;
  run.late = post.scheduled_at.has_value();
  Todo todo;
  for (auto &pt : planned) todo.emplace_back(&pt, run);
  run_targets(post, todo, result);
  result.status = overall_status(result.targets);
  if (deps_.journal) deps_.journal->finish(result);
  return result;
}

PostResult Publisher::resume(const PostRecord &rec, bool late, bool defer_retryable) {
  const LeaseRenewer::Hold lease = hold_lease(rec.id);
  PostResult result = rec.to_result();
  ParseResult parsed = parse_post(json::serialize(rec.body));
  if (!parsed.post) {
    // Only a post recorded by another version could fail to parse now: fail what is left.
    result.errors = parsed.errors;
    for (size_t i = 0; i < rec.targets.size() && i < result.targets.size(); ++i) {
      if (!unfinished(rec.targets[i].step)) continue;
      TargetResult &r = result.targets[i];
      r.status = "failed";
      if (!parsed.errors.empty()) r.error = parsed.errors.front();
      // Recorded, so no later pass takes the post up again.
      record(rec.id, i, "failed", r);
    }
  } else {
    const Post &post = *parsed.post;
    auto planned =
        plan_targets(post, *deps_.config, *deps_.registry, deps_.credentials, deps_.media);
    const int64_t now = host_clock().now_unix_ms();
    Todo todo;
    for (auto &pt : planned) {
      const size_t i = pt.plan.index;
      if (i >= rec.targets.size() || !unfinished(rec.targets[i].step)) continue;
      const TargetRecord &t = rec.targets[i];
      if (t.next_attempt_at_ms && *t.next_attempt_at_ms > now) continue;  // not due yet
      TargetRun run;
      run.late = late || t.late;
      run.defer_retryable = defer_retryable;
      run.attempts = t.attempts;
      if (t.step == "publishing") {
        run.unknown_since = search_from(t.updated_at_ms, *deps_.config);
        // A crash (status still "publishing") kept its count; a deferred failure gave it back.
        run.quota_counted = t.status == "publishing";
      }
      todo.emplace_back(&pt, run);
    }
    spdlog::info("{}: taking up {} unfinished target(s){}", rec.id, todo.size(),
                 late ? ", late" : "");
    run_targets(post, todo, result);
  }
  result.status = overall_status(result.targets);
  if (deps_.journal) deps_.journal->finish(result);
  return result;
}

}  // namespace lmp
