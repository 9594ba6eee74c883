// Helpers for the state-database tests: a scratch directory for real SQLite files.
#pragma once

#include "support/scratch.hpp"

namespace lmp::store_test {

// A fresh folder removed with everything in it (the shared test scratch folder).
using TempDir = lmp::test::Scratch;

}  // namespace lmp::store_test
