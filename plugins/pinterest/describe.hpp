// What the Pinterest adapter says about itself (describe_json).
#pragma once

namespace pinterest {

// The static describe_json document: name, version, platforms, capabilities, config schema and
// the error catalog. Valid for the library's lifetime.
const char *describe_json();

}  // namespace pinterest
