// `letmepost connect PLATFORM --account ID [--redirect-uri URI] [--no-browser]`: the OAuth
// authorization-code flow. The adapter builds the authorize URL (connect_begin); the code comes
// back to a loopback listener on the redirect URI, or pasted on stdin with --no-browser; the
// adapter exchanges it (connect_finish); the credentials go to the state database only (never
// the YAML), and the board cache is refreshed. Tokens are never printed nor logged.
#include <openssl/rand.h>
#include <spawn.h>
#include <spdlog/spdlog.h>
#include <sys/wait.h>

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>

#include "core/cli/command.hpp"
#include "core/cli/context.hpp"
#include "core/cli/output.hpp"
#include "core/httpd/server.hpp"
#include "core/publish/account_call.hpp"
#include "core/services/clock.hpp"
#include "core/util/hex.hpp"
#include "core/util/redact.hpp"

extern char **environ;

namespace lmp::cli {

namespace json = boost::json;

// Defined in cmd_boards.cpp.
std::pair<const AccountConfig *, LoadedAdapter *> account_and_adapter(Context &ctx,
                                                                      const std::string &id);

namespace {

using Params = std::map<std::string, std::string>;

// 32 hex digits from OpenSSL's random generator.
std::string random_state() {
  unsigned char bytes[16];
  if (RAND_bytes(bytes, sizeof bytes) != 1) throw std::runtime_error("RAND_bytes failed");
  return hex_lower(bytes, sizeof bytes);
}

// The query parameters of a URL (or of a bare "a=1&b=2"), decoded; the fragment is dropped.
Params query_of(std::string url) {
  while (!url.empty() && (url.back() == '\n' || url.back() == '\r' || url.back() == ' ')) {
    url.pop_back();
  }
  if (auto hash = url.find('#'); hash != std::string::npos) url.erase(hash);
  auto q = url.find('?');
  std::string query = q == std::string::npos ? url : url.substr(q + 1);
  Params out;
  for (auto &[k, v] : httpd::parse_form(query)) out[k] = v;
  return out;
}

// Where a loopback redirect URI listens.
struct Loopback {
  std::string host;
  uint16_t port = 80;
  std::string path = "/";
};

// Splits an http://127.0.0.1|localhost[:PORT]/path URI, or throws a UsageError.
Loopback parse_loopback(const std::string &uri) {
  const std::string scheme = "http://";
  if (uri.rfind(scheme, 0) != 0) {
    throw UsageError{"the redirect URI must start with http:// to be served locally: " + uri};
  }
  std::string rest = uri.substr(scheme.size());
  auto slash = rest.find_first_of("/?#");
  std::string authority = rest.substr(0, slash);
  Loopback lb;
  if (slash != std::string::npos && rest[slash] == '/') {
    lb.path = rest.substr(slash);
    lb.path = lb.path.substr(0, lb.path.find_first_of("?#"));
  }
  auto colon = authority.rfind(':');
  lb.host = authority.substr(0, colon);
  if (colon != std::string::npos) {
    try {
      size_t used = 0;
      int port = std::stoi(authority.substr(colon + 1), &used);
      if (used != authority.size() - colon - 1 || port <= 0 || port > 65535) throw 0;
      lb.port = static_cast<uint16_t>(port);
    } catch (...) {
      throw UsageError{"bad port in the redirect URI " + uri};
    }
  }
  if (lb.host != "127.0.0.1" && lb.host != "localhost") {
    throw UsageError{
        "the redirect URI's host must be 127.0.0.1 or localhost (or use --no-browser): " + uri};
  }
  return lb;
}

// Seconds to wait for the browser's redirect: LMP_CONNECT_TIMEOUT_S, default 300.
std::chrono::seconds connect_timeout() {
  if (const char *v = std::getenv("LMP_CONNECT_TIMEOUT_S")) {
    try {
      long s = std::stol(v);
      if (s > 0) return std::chrono::seconds(s);
    } catch (...) {
    }
  }
  return std::chrono::seconds(300);
}

// Starts xdg-open on url when a display is set; never fails.
void try_open_browser(const std::string &url) {
  const char *display = std::getenv("DISPLAY");
  if (!display || !*display) return;
  std::string prog = "xdg-open";
  std::vector<char *> argv = {prog.data(), const_cast<char *>(url.c_str()), nullptr};
  pid_t pid = 0;
  if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, argv.data(), environ) != 0) {
    spdlog::debug("could not start xdg-open");
  }
}

// Serves the redirect URI on loopback until a request carrying a code or an error arrives;
// nullopt after the timeout.
std::optional<Params> wait_for_redirect(const Loopback &lb, const std::string &authorize_url) {
  std::mutex m;
  std::condition_variable cv;
  std::optional<Params> got;
  httpd::ServerOptions opts;
  opts.address = "127.0.0.1";
  opts.port = lb.port;
  opts.threads = 1;
  httpd::Server server(
      [&](const httpd::Request &req) {
        if (req.path != lb.path) return httpd::Response::text(404, "not found\n");
        Params p;
        for (auto &[k, v] : req.query_params()) p[k] = v;
        if (!p.count("code") && !p.count("error")) {
          return httpd::Response::text(400, "missing code\n");
        }
        {
          std::lock_guard<std::mutex> lock(m);
          if (!got) got = std::move(p);
        }
        cv.notify_all();
        return httpd::Response::text(
            200,
            "<!doctype html><title>letmepost</title><p>letmepost received the answer. You can "
            "close this tab.</p>\n",
            "text/html; charset=utf-8");
      },
      opts);
  server.start();
  std::cerr << "Open this URL to authorize letmepost:\n"
            << authorize_url << "\n"
            << "Waiting for the redirect on " << lb.host << ":" << server.port() << lb.path << "\n"
            << std::flush;
  try_open_browser(authorize_url);
  std::unique_lock<std::mutex> lock(m);
  cv.wait_for(lock, connect_timeout(), [&] { return got.has_value(); });
  std::optional<Params> result = got;
  lock.unlock();
  server.stop();
  return result;
}

// Prints {"error": ...} and returns the failure exit code.
int fail(const Error &e) {
  print_error(e);
  return kExitFailed;
}

}  // namespace

int run_connect(Context &ctx, const std::vector<std::string> &args) {
  std::string platform, account_id, redirect_flag;
  bool no_browser = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string &a = args[i];
    if (a == "--no-browser") {
      no_browser = true;
    } else if (a == "--account" || a == "--redirect-uri") {
      if (i + 1 >= args.size()) throw UsageError{a + " needs a value"};
      (a == "--account" ? account_id : redirect_flag) = args[++i];
    } else if (platform.empty() && a.rfind("--", 0) != 0) {
      platform = a;
    } else {
      throw UsageError{"unexpected argument '" + a + "'"};
    }
  }
  if (platform.empty()) throw UsageError{"connect needs a PLATFORM (e.g. pinterest)"};
  if (account_id.empty()) throw UsageError{"connect needs --account ID"};
  auto [account, adapter] = account_and_adapter(ctx, account_id);
  if (account->platform != platform) {
    throw UsageError{"account '" + account_id + "' is on platform '" + account->platform +
                     "', not '" + platform + "'"};
  }
  const std::string redirect_uri =
      redirect_flag.empty() ? ctx.config().redirect_uri : redirect_flag;
  std::optional<Loopback> loopback;
  if (!no_browser) loopback = parse_loopback(redirect_uri);

  CredentialAccess creds = ctx.credential_access();
  json::object current = creds.load(*account);
  auto value_of = [&](const char *key, const std::optional<std::string> &yaml) -> std::string {
    if (auto it = current.find(key); it != current.end() && it->value().is_string()) {
      return std::string(it->value().get_string());
    }
    return yaml.value_or("");
  };
  const std::string client_id = value_of("clientId", account->client_id);
  const std::string client_secret = value_of("clientSecret", account->client_secret);
  if (!client_secret.empty()) register_secret(client_secret);
  const bool allow_private = ctx.config().allow_private_addresses;
  HostServices &services = ctx.stateful_services();

  const std::string state = random_state();
  CallOutcome begin =
      call_account(Operation::kConnectBegin, *account, *adapter, creds, services, allow_private,
                   json::object{{"state", state},
                                {"redirectUri", redirect_uri},
                                {"credentials", json::object{{"clientId", client_id}}}});
  if (!begin.ok()) return fail(*begin.error);
  const json::value *url =
      begin.result.is_object() ? begin.result.get_object().if_contains("authorizeUrl") : nullptr;
  if (!url || !url->is_string()) {
    return fail(make_error("adapter.protocol_violation", "connect_begin returned no authorizeUrl"));
  }
  const std::string authorize_url(url->get_string());

  std::optional<Params> answer;
  if (loopback) {
    answer = wait_for_redirect(*loopback, authorize_url);
    if (!answer) {
      return fail(make_error("validation.connect_timeout",
                             "no redirect arrived at " + redirect_uri + " in time"));
    }
  } else {
    std::cerr << "Open this URL to authorize letmepost:\n"
              << authorize_url << "\n"
              << "Then paste the full URL your browser was redirected to:\n"
              << std::flush;
    std::string line;
    if (!std::getline(std::cin, line) || line.empty()) {
      return fail(make_error("validation.connect_no_code", "no redirect URL was pasted"));
    }
    answer = query_of(line);
  }
  if (answer->count("error")) {
    return fail(make_error("validation.connect_denied",
                           "the authorization was refused: " + answer->at("error")));
  }
  if (!answer->count("state") || answer->at("state") != state) {
    return fail(make_error("validation.connect_state_mismatch",
                           "the redirect's state does not match the one sent; start again"));
  }
  if (!answer->count("code") || answer->at("code").empty()) {
    return fail(make_error("validation.connect_no_code", "the redirect carries no code"));
  }
  register_secret(answer->at("code"));

  CallOutcome finish = call_account(
      Operation::kConnectFinish, *account, *adapter, creds, services, allow_private,
      json::object{
          {"code", answer->at("code")},
          {"redirectUri", redirect_uri},
          {"credentials", json::object{{"clientId", client_id}, {"clientSecret", client_secret}}}});
  if (!finish.ok()) return fail(*finish.error);
  const json::object *fr = finish.result.if_object();
  const json::value *got = fr ? fr->if_contains("credentials") : nullptr;
  if (!got || !got->is_object()) {
    return fail(make_error("adapter.protocol_violation", "connect_finish returned no credentials"));
  }
  json::object new_creds = got->get_object();
  register_credential_secrets(new_creds);
  ctx.store().credentials().update(account->id, account->platform, new_creds,
                                   host_clock().now_unix_ms());

  json::object doc{{"accountId", account->id},
                   {"platform", account->platform},
                   {"username", nullptr},
                   {"connected", true}};
  if (const json::value *u = fr->if_contains("username"); u && u->is_string()) doc["username"] = *u;
  if (const json::value *t = fr->if_contains("accountType"); t && t->is_string()) {
    doc["accountType"] = *t;
  }
  CallOutcome boards = call_account(Operation::kListDestinations, *account, *adapter, creds,
                                    services, allow_private, json::object{{"refresh", true}});
  if (!boards.ok()) {
    spdlog::warn("connected, but the boards could not be listed: {} ({})", boards.error->message,
                 boards.error->code);
    doc["boards"] = nullptr;
  } else {
    const json::object *br = boards.result.if_object();
    const json::value *d = br ? br->if_contains("destinations") : nullptr;
    doc["boards"] = d && d->is_array() ? static_cast<int64_t>(d->get_array().size()) : 0;
  }
  print_json(doc);
  return kExitOk;
}

}  // namespace lmp::cli
