// A test-only fault: a process that dies at a chosen step of publishing, so tests can check what
// a rerun resumes (docs/pinterest.md, "Testing a crash"). Off unless LMP_TEST_CRASH_AFTER is set.
#pragma once

#include <string_view>

namespace lmp {

// Kills the process with SIGKILL (a shell sees status 137) when the environment variable
// LMP_TEST_CRASH_AFTER equals step; otherwise does nothing. Called when a step of a target is over:
// "preflighted", "uploading" (upload_media returned its uploads, publish not yet called),
// "publishing" (publish returned, the result not yet recorded).
void crash_after(std::string_view step);

}  // namespace lmp
