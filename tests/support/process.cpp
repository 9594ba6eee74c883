#include "support/process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <utility>

#include "support/http_client.hpp"

extern char **environ;

namespace lmp::test {

namespace {

std::vector<std::string> merged_environment(const std::vector<std::string> &extra) {
  std::vector<std::string> env;
  for (char **e = environ; *e; ++e) {
    const std::string entry(*e);
    const std::string name = entry.substr(0, entry.find('='));
    bool replaced = false;
    for (const auto &x : extra) replaced = replaced || x.substr(0, x.find('=')) == name;
    if (!replaced) env.push_back(entry);
  }
  env.insert(env.end(), extra.begin(), extra.end());
  return env;
}

std::vector<char *> c_strings(std::vector<std::string> &strings) {
  std::vector<char *> out;
  for (auto &s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

int decode_status(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

ChildProcess::ChildProcess(std::vector<std::string> argv, ChildOptions options) {
  if (argv.empty()) throw std::invalid_argument("ChildProcess needs a program");
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  const std::string stdin_path = options.stdin_path.empty() ? "/dev/null" : options.stdin_path;
  posix_spawn_file_actions_addopen(&actions, 0, stdin_path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 1);
  if (!options.stderr_path.empty()) {
    posix_spawn_file_actions_addopen(&actions, 2, options.stderr_path.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
  }
  if (!options.cwd.empty()) posix_spawn_file_actions_addchdir_np(&actions, options.cwd.c_str());

  std::vector<std::string> env = merged_environment(options.env);
  auto c_argv = c_strings(argv);
  auto c_env = c_strings(env);
  const int rc =
      argv[0].find('/') == std::string::npos
          ? ::posix_spawnp(&pid_, argv[0].c_str(), &actions, nullptr, c_argv.data(), c_env.data())
          : ::posix_spawn(&pid_, argv[0].c_str(), &actions, nullptr, c_argv.data(), c_env.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipe_fds[1]);
  if (rc != 0) {
    ::close(pipe_fds[0]);
    throw std::runtime_error("cannot start " + argv[0] + ": " + std::strerror(rc));
  }
  reader_ = std::thread([this, fd = pipe_fds[0]] { drain_stdout(fd); });
}

ChildProcess::~ChildProcess() {
  if (running()) {
    kill(SIGKILL);
    wait();
  }
  if (reader_.joinable()) reader_.join();
}

void ChildProcess::drain_stdout(int fd) {
  char buffer[4096];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    std::lock_guard lock(mutex_);
    if (n <= 0) {
      eof_ = true;
      changed_.notify_all();
      break;
    }
    pending_.append(buffer, static_cast<std::size_t>(n));
    changed_.notify_all();
  }
  ::close(fd);
}

std::string ChildProcess::read_line(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  const bool got = changed_.wait_for(
      lock, timeout, [&] { return eof_ || pending_.find('\n') != std::string::npos; });
  const auto newline = pending_.find('\n');
  if (newline == std::string::npos) {
    const std::string seen = pending_;
    lock.unlock();
    if (!got) throw std::runtime_error("no stdout line within the timeout; got: " + seen);
    throw std::runtime_error("stdout ended (exit status " + std::to_string(wait()) +
                             ") before a full line; got: " + seen);
  }
  std::string line = pending_.substr(0, newline);
  pending_.erase(0, newline + 1);
  return line;
}

std::string ChildProcess::read_all(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  if (!changed_.wait_for(lock, timeout, [&] { return eof_; })) {
    throw std::runtime_error("stdout still open after the timeout; got so far: " + pending_);
  }
  return std::exchange(pending_, {});
}

int ChildProcess::wait() {
  if (exit_status_) return *exit_status_;
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0) {
    if (errno != EINTR) throw std::runtime_error("waitpid failed");
  }
  exit_status_ = decode_status(status);
  return *exit_status_;
}

void ChildProcess::kill(int sig) {
  if (!exit_status_) ::kill(pid_, sig);
}

bool ChildProcess::running() {
  if (exit_status_) return false;
  int status = 0;
  const pid_t done = ::waitpid(pid_, &status, WNOHANG);
  if (done == pid_) exit_status_ = decode_status(status);
  return !exit_status_;
}

SimulatorProcess::SimulatorProcess(std::vector<std::string> extra_args, ChildOptions options)
    : child_(
          [&] {
            std::vector<std::string> argv{std::string(LMP_BIN_DIR) + "/letmepost-pinterest-sim",
                                          "--port", "0"};
            argv.insert(argv.end(), extra_args.begin(), extra_args.end());
            return argv;
          }(),
          std::move(options)) {
  const std::string line = child_.read_line(std::chrono::seconds(30));
  const std::string prefix = "listening on http://127.0.0.1:";
  if (line.rfind(prefix, 0) != 0) {
    throw std::runtime_error("letmepost-pinterest-sim printed '" + line + "' instead of '" +
                             prefix + "PORT'");
  }
  port_ = static_cast<std::uint16_t>(std::stoi(line.substr(prefix.size())));
  base_url_ = "http://127.0.0.1:" + std::to_string(port_);
}

boost::json::array SimulatorProcess::log(const std::string &method, const std::string &path) const {
  std::string url = base_url_ + "/_sim/log?";
  if (!method.empty()) url += "method=" + method + "&";
  if (!path.empty()) url += "path=" + path;
  HttpReply reply = TestHttp::get(url);
  if (reply.status != 200) throw std::runtime_error("the simulator's log answered " + reply.body);
  return reply.json().as_array();
}

void SimulatorProcess::fault(const boost::json::object &fault) const {
  HttpReply reply = TestHttp::post_json(base_url_ + "/_sim/faults", fault);
  if (reply.status != 201) throw std::runtime_error("the simulator refused a fault: " + reply.body);
}

}  // namespace lmp::test
