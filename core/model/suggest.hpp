// "Did you mean ...?" for unknown keys: the nearest known name by edit distance.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace lmp {

// Returns the name in `known` closest to `word` (case-insensitive Levenshtein distance), or
// nullopt when none is close enough to be a plausible typo: at most 2 edits, or a third of the
// longer name, whichever is more. Ties go to the earlier name in `known`.
std::optional<std::string> nearest_name(std::string_view word,
                                        std::initializer_list<std::string_view> known);

// An English sentence suggesting the nearest known name, e.g. ` Did you mean "media"?`, or one
// listing every known name when none is close. Starts with a space, so it can end a message.
std::string suggestion_sentence(std::string_view word,
                                std::initializer_list<std::string_view> known);

}  // namespace lmp
