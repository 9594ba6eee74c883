// `letmepost serve [--listen HOST:PORT]`: the HTTP API until SIGTERM or SIGINT.
#include <spdlog/spdlog.h>

#include <csignal>
#include <cstdio>

#include "core/cli/command.hpp"
#include "core/cli/context.hpp"
#include "core/httpd/server.hpp"
#include "core/schedule/scheduler.hpp"
#include "core/server/api.hpp"
#include "core/webhooks/worker.hpp"

namespace lmp::cli {

namespace {

// "HOST:PORT" or "[V6]:PORT" into the server's address and port.
httpd::ServerOptions listen_options(const std::string &listen) {
  const auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == listen.size()) {
    throw UsageError{"--listen takes HOST:PORT, not '" + listen + "'"};
  }
  httpd::ServerOptions o;
  o.address = listen.substr(0, colon);
  if (o.address.front() == '[' && o.address.back() == ']') {
    o.address = o.address.substr(1, o.address.size() - 2);
  }
  const std::string port = listen.substr(colon + 1);
  if (port.find_first_not_of("0123456789") != std::string::npos || port.size() > 5 ||
      std::stoi(port) > 65535) {
    throw UsageError{"--listen: '" + port + "' is not a port (0 picks a free one)"};
  }
  o.port = static_cast<std::uint16_t>(std::stoi(port));
  return o;
}

}  // namespace

int run_serve(Context &ctx, const std::vector<std::string> &args) {
  // The signals are taken by sigwait below: block them before any thread (adapters, HTTP client,
  // server) exists, since threads inherit the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  std::string listen = ctx.config().server_listen;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--listen" && i + 1 < args.size()) {
      listen = args[++i];
    } else {
      throw UsageError{"unexpected argument '" + args[i] + "'"};
    }
  }
  httpd::ServerOptions options = listen_options(listen);
  // Everything the handlers share is made now, before the server's threads start.
  server::ApiDeps deps;
  deps.config = &ctx.config();
  deps.store = &ctx.store();
  deps.registry = &ctx.registry();
  deps.publisher = &ctx.publisher();
  deps.credentials = ctx.credential_access();
  deps.services = &ctx.stateful_services();
  deps.media = &ctx.media_library();
  server::Api api(std::move(deps));
  options.stream_for = [&api](const httpd::Request &head) { return api.stream_for(head); };
  httpd::Server server([&api](const httpd::Request &r) { return api.handle(r); }, options);
  server.start();
  // Webhook deliveries, and token.expiring checks, run on their own thread while serving
  // (docs/webhooks.md).
  TokenExpiryWatch tokens(ctx.store().credentials(), ctx.store().webhooks(), ctx.config());
  WebhookWorker webhooks(ctx.webhook_dispatcher(), host_clock(), ctx.config().webhook_poll_ms,
                         &tokens);
  // Due posts, and those a crash left unfinished, publish from this thread while serving.
  Scheduler scheduler(ctx.store().posts(), ctx.publisher(), ctx.config());
  scheduler.start();
  std::printf("listening on %s\n", server.base_url().c_str());
  std::fflush(stdout);
  spdlog::info("serving the API on {}", server.base_url());
  int signal = 0;
  sigwait(&stop_signals, &signal);
  spdlog::info("signal {}: finishing requests in flight, then stopping", signal);
  scheduler.stop();
  server.drain();
  spdlog::info("stopped");
  return kExitOk;
}

}  // namespace lmp::cli
