// Checks one entry of a post's `media[]` (part of parse_post).
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>

#include "core/model/json_check.hpp"
#include "core/model/post.hpp"

namespace lmp {

// Reads `media[index]`, reporting each problem through `checker`. Returns the item when it has no
// problem, else nullopt.
std::optional<MediaItem> parse_media_item(const boost::json::value &value, size_t index,
                                          FieldChecker &checker);

// Reports validation.invalid_value at `field` unless `text` is an absolute http:// or https:// URL.
// Returns whether it is. The message never repeats the URL, which may carry credentials.
bool check_http_url(const std::string &text, const std::string &field, FieldChecker &checker);

}  // namespace lmp
