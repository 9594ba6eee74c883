// Malformed and mutated request documents for the malformed_requests rule. Deterministic: the
// same request always gives the same inputs, so a failure names an input that can be replayed.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <string>
#include <vector>

namespace lmp::conformance {

// One input and what it is, for messages.
struct Mutation {
  std::string label;  // e.g. "replace credentials.accessToken with 42"
  std::string text;   // the request document as sent
};

// Inputs that are not a JSON object at all (not JSON, other JSON types, deep nesting): an
// adapter must refuse each with a validation.* or adapter.* error.
std::vector<Mutation> hopeless_inputs();

// Variants of request: every member (two levels deep) removed or given a wrong type, each string
// made 64 KiB long, then `byte_mutations` byte-level edits of its text from a PRNG seeded with
// seed.
std::vector<Mutation> mutations_of(const boost::json::value &request, int byte_mutations,
                                   uint32_t seed);

}  // namespace lmp::conformance
