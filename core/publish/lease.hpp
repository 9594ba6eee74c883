// Who is working on a post: each process names itself "host:pid", so that a process that finds
// a post held by a dead process on the same machine (a crash) can take it up at once instead of
// waiting for the lease to run out.
#pragma once

#include <string>

namespace lmp {

// This process's owner name, "HOSTNAME:PID".
std::string process_lease_owner();

// True when `owner` names a process on this machine that no longer runs. False for a live
// process, another machine's, or a name of another shape (their leases run out instead).
bool lease_owner_is_gone(const std::string &owner);

}  // namespace lmp
