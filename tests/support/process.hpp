// Child processes for tests: the host CLI, the simulator, anything with an argv. Their stdout is
// captured (drained by a thread, so a chatty child never blocks); stderr is inherited unless
// redirected to a file.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <boost/json.hpp>

namespace lmp::test {

struct ChildOptions {
  std::vector<std::string>
      env{};                  // "NAME=VALUE" entries added to (or replacing in) the environment
  std::string cwd{};          // working directory; "" = the test's
  std::string stdin_path{};   // file read as stdin; "" = /dev/null
  std::string stderr_path{};  // file that receives stderr (truncated); "" = inherited
};

// A running child process. Not copyable; the destructor kills (SIGKILL) and reaps it if it is
// still running.
class ChildProcess {
 public:
  // Spawns argv[0] (looked up in PATH when it has no '/'). Throws std::runtime_error naming the
  // program when it cannot be started.
  explicit ChildProcess(std::vector<std::string> argv, ChildOptions options = {});
  ChildProcess(const ChildProcess &) = delete;
  ChildProcess &operator=(const ChildProcess &) = delete;
  ~ChildProcess();

  pid_t pid() const { return pid_; }
  // The next line of stdout without its '\n'. Throws std::runtime_error when none arrives within
  // `timeout`, or when stdout ended first (the message holds what was read and the exit status).
  std::string read_line(std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // Everything stdout still holds, once the child has closed it (usually: exited).
  // Throws std::runtime_error if that does not happen within `timeout`.
  std::string read_all(std::chrono::milliseconds timeout = std::chrono::seconds(60));
  // Waits for the child to exit: its exit code, or 128 + the signal that killed it.
  int wait();
  // Sends `sig` (no effect once the child has been reaped).
  void kill(int sig);
  // True until the child has exited and been reaped by wait().
  bool running();

 private:
  void drain_stdout(int fd);

  pid_t pid_ = -1;
  std::optional<int> exit_status_;
  std::thread reader_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::string pending_;  // stdout read but not yet returned
  bool eof_ = false;
};

// letmepost-pinterest-sim from the build tree, started on a free port.
class SimulatorProcess {
 public:
  // Starts LMP_BIN_DIR/letmepost-pinterest-sim --port 0 plus `extra_args`, and waits for its
  // "listening on http://127.0.0.1:PORT" line. Throws std::runtime_error if it does not come.
  explicit SimulatorProcess(std::vector<std::string> extra_args = {}, ChildOptions options = {});

  // "http://127.0.0.1:PORT", no trailing slash.
  const std::string &base_url() const { return base_url_; }
  // base_url() + "/v5".
  std::string api_url() const { return base_url_ + "/v5"; }
  std::uint16_t port() const { return port_; }
  ChildProcess &process() { return child_; }

  // The simulator's request log (docs/simulator.md), filtered by method and exact path when
  // given. Fails the test when the simulator does not answer.
  boost::json::array log(const std::string &method = "", const std::string &path = "") const;
  // Arms a fault (docs/simulator.md, "Faults"). Fails the test when the simulator refuses it.
  void fault(const boost::json::object &fault) const;

 private:
  ChildProcess child_;
  std::string base_url_;
  std::uint16_t port_ = 0;
};

}  // namespace lmp::test
