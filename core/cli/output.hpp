// How commands print: one JSON document on stdout, logs on stderr.
#pragma once

#include <boost/json.hpp>

#include "core/model/error.hpp"

namespace lmp::cli {

// Writes v to stdout as JSON followed by a newline, secrets redacted.
void print_json(const boost::json::value &v);

// Writes {"error": e} to stdout.
void print_error(const Error &e);

}  // namespace lmp::cli
