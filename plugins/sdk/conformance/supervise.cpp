#include "plugins/sdk/conformance/supervise.hpp"

#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstring>

namespace lmp::conformance {

namespace {

struct Progress {
  char rule[64];
  char step[448];
  int finished;
};

Progress *shared_progress() {
  static Progress *p = [] {
    void *mem =
        mmap(nullptr, sizeof(Progress), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    return mem == MAP_FAILED ? nullptr : static_cast<Progress *>(mem);
  }();
  return p;
}

void copy_to(char *dst, size_t size, const std::string &src) {
  std::strncpy(dst, src.c_str(), size - 1);
  dst[size - 1] = '\0';
}

}  // namespace

void set_step(const std::string &rule, const std::string &step) {
  if (Progress *p = shared_progress()) {
    copy_to(p->rule, sizeof p->rule, rule);
    copy_to(p->step, sizeof p->step, step);
  }
}

int supervise(const std::function<int()> &body, unsigned timeout_s) {
  Progress *p = shared_progress();
  if (!p) return body();
  std::memset(p, 0, sizeof *p);
  copy_to(p->rule, sizeof p->rule, "negotiation");
  copy_to(p->step, sizeof p->step, "loading the adapter");
  std::fflush(stdout);
  const pid_t child = fork();
  if (child < 0) return body();
  if (child == 0) {
    alarm(timeout_s);
    const int code = body();
    std::fflush(stdout);
    p->finished = 1;
    _exit(code);
  }
  int status = 0;
  while (waitpid(child, &status, 0) < 0) {
  }
  if (p->finished && WIFEXITED(status)) return WEXITSTATUS(status);
  std::string why;
  if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM) {
    why = "the adapter did not finish within " + std::to_string(timeout_s) + " s";
  } else if (WIFSIGNALED(status)) {
    why = std::string("the adapter crashed (signal ") + std::to_string(WTERMSIG(status)) + ", " +
          strsignal(WTERMSIG(status)) + ")";
  } else {
    why = "the adapter ended the process (exit status " + std::to_string(WEXITSTATUS(status)) + ")";
  }
  std::printf("FAIL %s: %s while %s; the checks after it did not run\n", p->rule, why.c_str(),
              p->step);
  std::fflush(stdout);
  return 1;
}

}  // namespace lmp::conformance
