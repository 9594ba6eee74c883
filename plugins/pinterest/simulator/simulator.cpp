#include "plugins/pinterest/simulator/simulator.hpp"

#include <spdlog/spdlog.h>

#include "plugins/pinterest/simulator/auth.hpp"
#include "plugins/pinterest/simulator/errors.hpp"
#include "plugins/pinterest/simulator/routes.hpp"

namespace lmp::sim {

namespace {

constexpr const char *kControlPrefix = "/_sim/";

// Carousels of base64 images are large JSON bodies; the S3 endpoint streams instead.
constexpr std::size_t kBodyLimit = 128u << 20;

LogEntry new_entry(Sim &sim, const httpd::Request &request, const std::string &rid) {
  LogEntry entry;
  entry.time = sim.clock.now();
  entry.method = request.method;
  entry.path = request.path;
  entry.query = loggable_query(request);
  entry.body = loggable_body(request);
  entry.rid = rid;
  return entry;
}

std::string route_name(const Router::Match &match) {
  return match.route ? match.route->method + " " + match.route->pattern : std::string{};
}

}  // namespace

// The S3 upload's body stream wrapped with what every API request gets: its fault, its log
// entry and its request id.
class DispatchStream : public httpd::BodyStream {
 public:
  DispatchStream(Simulator &simulator, std::unique_ptr<Call> call, LogEntry entry,
                 std::optional<Fault> fault)
      : simulator_(simulator),
        call_(std::move(call)),
        entry_(std::move(entry)),
        fault_(std::move(fault)) {
    if (!fault_ || fault_->runs_handler()) inner_ = make_s3_upload(*call_);
  }
  ~DispatchStream() override {
    if (!finished_) {  // the client went away mid-body
      entry_.body = inner_ ? inner_->log_body() : boost::json::value(nullptr);
      simulator_.sim().log.add(std::move(entry_));
    }
  }
  bool wants_body() override { return inner_ && inner_->wants_body(); }
  bool on_chunk(std::string_view data) override { return inner_->on_chunk(data); }
  httpd::Response finish() override {
    finished_ = true;
    httpd::Response r = inner_ ? inner_->finish() : httpd::Response{};
    if (fault_) r = apply_fault(*fault_, std::move(r));
    entry_.body = inner_ ? inner_->log_body() : boost::json::value(nullptr);
    return simulator_.finish(std::move(r), std::move(entry_), call_->rid);
  }

 private:
  Simulator &simulator_;
  std::unique_ptr<Call> call_;  // the request head outlives the stream
  LogEntry entry_;
  std::optional<Fault> fault_;
  std::unique_ptr<LoggedBodyStream> inner_;
  bool finished_ = false;
};

Simulator::Simulator(SimOptions options, const Fixtures &fixtures)
    : sim_(std::make_unique<Sim>(std::move(options), fixtures)) {
  add_oauth_routes(api_);
  add_user_routes(api_);
  add_board_routes(api_);
  add_pin_routes(api_);
  add_media_routes(api_);
  add_asset_routes(api_);
  add_destination_routes(api_);
  add_control_routes(control_);
  if (!sim_->options.scenario_path.empty()) {
    for (auto &fault : load_scenario(sim_->options.scenario_path)) {
      sim_->faults.add(std::move(fault));
    }
  }
  httpd::ServerOptions server_options;
  server_options.port = sim_->options.port;
  server_options.threads = sim_->options.threads;
  server_options.body_limit = kBodyLimit;
  server_options.stream_for = [this](const httpd::Request &head) { return stream_for(head); };
  server_ = std::make_unique<httpd::Server>(
      [this](const httpd::Request &request) { return handle(request); }, server_options);
  sim_->base_url = server_->base_url();
}

Simulator::~Simulator() {
  stop();
}

std::uint16_t Simulator::port() const {
  return server_->port();
}
const std::string &Simulator::base_url() const {
  return sim_->base_url;
}
void Simulator::start() {
  server_->start();
}
void Simulator::stop() {
  server_->stop();
}

httpd::Response Simulator::handle(const httpd::Request &request) {
  const std::string rid = sim_->new_request_id();
  if (request.path.rfind(kControlPrefix, 0) == 0) {
    const auto match = control_.match(request.method, request.path);
    Call call{*sim_, request, match.params, rid};
    httpd::Response r;
    try {
      r = match.route ? match.route->fn(call)
                      : pinterest_error(404, 404, "No such control route: " + request.path);
    } catch (const ApiError &e) {
      r = pinterest_error(e.status, e.code, e.what());
    }
    r.set_header("x-pinterest-rid", rid);
    return r;
  }
  const auto match = api_.match(request.method, request.path);
  LogEntry entry = new_entry(*sim_, request, rid);
  entry.route = route_name(match);
  std::optional<Fault> fault = sim_->faults.take(request.method, request.path);
  httpd::Response r;
  Call call{*sim_, request, match.params, rid};
  if (!fault || fault->runs_handler()) r = run_route(match, call, entry);
  if (fault) {
    r = apply_fault(*fault, std::move(r));
    entry.fault = fault->kind();
  }
  return finish(std::move(r), std::move(entry), rid);
}

std::unique_ptr<httpd::BodyStream> Simulator::stream_for(const httpd::Request &head) {
  if (head.path != Sim::kUploadPath || head.method != "POST") return nullptr;
  auto call = std::make_unique<Call>(Call{*sim_, head, {}, sim_->new_request_id()});
  LogEntry entry = new_entry(*sim_, head, call->rid);
  entry.route = std::string("POST ") + Sim::kUploadPath;
  std::optional<Fault> fault = sim_->faults.take(head.method, head.path);
  if (fault) entry.fault = fault->kind();
  return std::make_unique<DispatchStream>(*this, std::move(call), std::move(entry),
                                          std::move(fault));
}

httpd::Response Simulator::run_route(const Router::Match &match, Call &call, LogEntry &entry) {
  if (!match.route) {
    return match.path_known ? pinterest_error(405, 405, "Method not allowed.")
                            : pinterest_error(404, 404, "Not found.");
  }
  const Route &route = *match.route;
  std::optional<RateDecision> rate;
  try {
    if (route.needs_user) {
      call.user = &authenticate(*sim_, call.request, route.scopes);
      entry.user = call.user->username;
    }
    if (call.user && route.category != Category::kNone) {
      const bool read = route.category == Category::kOrgRead;
      const int limit = read ? call.user->rate_limit_read.value_or(sim_->options.rate_limit_read)
                             : call.user->rate_limit_write.value_or(sim_->options.rate_limit_write);
      rate = sim_->rate_limits.take(call.user->id, category_name(route.category), limit,
                                    sim_->clock.now());
    }
  } catch (const ApiError &e) {
    return pinterest_error(e.status, e.code, e.what());
  }
  httpd::Response r;
  if (rate && !rate->allowed) {
    r = pinterest_error(429, 8, msg::kRateLimited);
  } else {
    try {
      r = route.fn(call);
    } catch (const ApiError &e) {
      r = pinterest_error(e.status, e.code, e.what());
    }
  }
  if (rate) {
    r.set_header("x-ratelimit-limit", std::to_string(rate->limit));
    r.set_header("x-ratelimit-remaining", std::to_string(rate->remaining));
    r.set_header("x-ratelimit-reset", std::to_string(rate->reset_s));
  }
  return r;
}

httpd::Response Simulator::finish(httpd::Response response, LogEntry entry,
                                  const std::string &rid) {
  response.set_header("x-pinterest-rid", rid);
  entry.status = response.drop_connection ? 0 : response.status;
  spdlog::info("{} {} -> {} rid={}{}", entry.method, entry.path, entry.status, rid,
               entry.fault.empty() ? "" : " fault=" + entry.fault);
  sim_->log.add(std::move(entry));
  return response;
}

}  // namespace lmp::sim
