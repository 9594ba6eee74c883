#include "plugins/sdk/conformance/fake_host.hpp"

#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <regex>

#include "core/plugins/loader.hpp"

namespace lmp::conformance {

namespace json = boost::json;

namespace {

// Hands every formatted line to the fake host.
class CaptureSink : public spdlog::sinks::base_sink<std::mutex> {
 public:
  explicit CaptureSink(FakeHost &host) : host_(host) {}

 protected:
  void sink_it_(const spdlog::details::log_msg &msg) override {
    host_.on_log(std::string(msg.payload.data(), msg.payload.size()));
  }
  void flush_() override {}

 private:
  FakeHost &host_;
};

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

// Keeps the window flag up while the adapter runs code on the host's behalf.
class Window {
 public:
  explicit Window(std::atomic<bool> &flag) : flag_(flag) { flag_ = true; }
  ~Window() { flag_ = false; }
  Window(const Window &) = delete;
  Window &operator=(const Window &) = delete;

 private:
  std::atomic<bool> &flag_;
};

// Answers one http_send from the script; unmatched requests fail as refused connections.
int scripted_send(std::string_view request_json, const std::vector<Exchange> &script,
                  std::vector<bool> &used, Run &run, lmp_http_response &out) {
  json::error_code ec;
  json::value req = json::parse(request_json, ec);
  const json::object *o = ec ? nullptr : req.if_object();
  const json::value *m = o ? o->if_contains("method") : nullptr;
  const json::value *u = o ? o->if_contains("url") : nullptr;
  if (!m || !m->is_string() || !u || !u->is_string()) {
    out.error_json = R"({"kind":"bad_request","message":"method and url are required"})";
    return LMP_ERROR;
  }
  const std::string method = upper(std::string(m->get_string()));
  const std::string url(u->get_string());
  for (size_t i = 0; i < script.size(); ++i) {
    if (used[i] || script[i].method != method) continue;
    if (!std::regex_search(url, std::regex(script[i].url))) continue;
    used[i] = true;
    out.status = script[i].status;
    for (const auto &kv : script[i].headers) {
      out.headers.emplace_back(lower(std::string(kv.key())), std::string(kv.value().as_string()));
    }
    out.body = script[i].body;
    return LMP_OK;
  }
  run.unscripted.push_back(method + " " + url);
  out.error_json = R"({"kind":"connect","message":"no scripted exchange answers this request"})";
  return LMP_ERROR;
}

}  // namespace

FakeHost::FakeHost() : cache_(std::make_unique<MemoryCache>(clock_)) {
  set_host_clock(&clock_);
  services_.cache = cache_.get();
  auto logger =
      std::make_shared<spdlog::logger>("conformance", std::make_shared<CaptureSink>(*this));
  logger->set_level(spdlog::level::trace);
  spdlog::set_default_logger(logger);
}

FakeHost::~FakeHost() {
  spdlog::set_default_logger(std::make_shared<spdlog::logger>("null"));
  set_host_clock(nullptr);
}

void FakeHost::on_log(std::string line) {
  std::lock_guard lock(log_mu_);
  if (!window_open_.load()) stray_.push_back(line);
  logs_.push_back(std::move(line));
}

std::shared_ptr<LoadedAdapter> FakeHost::open(const std::filesystem::path &file,
                                              const json::object &config,
                                              std::optional<Error> *error) {
  Window window(window_open_);
  LoadResult loaded = load_adapter(file);
  if (loaded.error) {
    *error = loaded.error;
    return nullptr;
  }
  services_.http = [](std::string_view, lmp_call &, lmp_http_response &out) {
    out.error_json = R"({"kind":"other","message":"create may not send HTTP requests"})";
    return LMP_ERROR;
  };
  if (auto e = loaded.adapter->create(config, services_)) {
    *error = e;
    return nullptr;
  }
  return loaded.adapter;
}

void FakeHost::close(std::shared_ptr<LoadedAdapter> &adapter) {
  Window window(window_open_);
  adapter.reset();
}

Run FakeHost::run(LoadedAdapter &adapter, Operation op, std::string_view request,
                  const std::vector<Exchange> &script, HttpMode mode) {
  Run run;
  std::vector<bool> used(script.size(), false);
  // A fresh cache per operation, so one case never sees another's cached replies.
  cache_ = std::make_unique<MemoryCache>(clock_);
  services_.cache = cache_.get();
  services_.http = [&](std::string_view json_text, lmp_call &call, lmp_http_response &out) {
    ++run.sends;
    if (mode == HttpMode::kCancelOnSend) {
      call.cancel();
      return LMP_CANCELLED;
    }
    return scripted_send(json_text, script, used, run, out);
  };
  lmp_call &call = *calls_.emplace_back(std::make_unique<lmp_call>(services_));
  call.account_id = "acc_conformance";
  call.request_id = "req_conformance";
  call.on_credentials = [](std::string_view) { return true; };
  size_t first_log = 0;
  {
    std::lock_guard lock(log_mu_);
    first_log = logs_.size();
  }
  {
    Window window(window_open_);
    run.outcome = adapter.invoke(op, call, request);
  }
  services_.http = nullptr;
  run.raw_error = call.error;
  run.raw_result = call.result;
  std::lock_guard lock(log_mu_);
  run.logs.assign(logs_.begin() + static_cast<std::ptrdiff_t>(first_log), logs_.end());
  return run;
}

int FakeHost::late_service_calls() const {
  int n = 0;
  for (const auto &c : calls_) n += c->late_service_calls.load();
  return n;
}

std::vector<std::string> FakeHost::stray_logs() const {
  std::lock_guard lock(log_mu_);
  return stray_;
}

std::vector<std::string> FakeHost::all_logs() const {
  std::lock_guard lock(log_mu_);
  return logs_;
}

}  // namespace lmp::conformance
