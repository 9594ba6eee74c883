// Reading a user's JSON document while collecting every problem, each with its field path: the
// shared groundwork of the post parser (post_parse.cpp, media_parse.cpp).
#pragma once

#include <boost/json.hpp>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/error.hpp"

namespace lmp {

// "string", "number", "object", ... : a JSON value's type as a user would name it.
std::string json_type_name(const boost::json::value &v);

// The path of `key` inside the object at `prefix`: "targets[0]" + "platform" gives
// "targets[0].platform"; an empty prefix gives "platform".
std::string field_path(std::string_view prefix, std::string_view key);

// The path of element `index` of the array at `prefix`: "media" + 1 gives "media[1]".
std::string index_path(std::string_view prefix, size_t index);

// Collects validation errors found while reading one document. Every reader treats a key that is
// missing and a key whose value is null the same way (absent).
class FieldChecker {
 public:
  // Errors are appended to `errors`, which must outlive the checker.
  explicit FieldChecker(std::vector<Error> &errors) : errors_(errors) {}

  // Appends one error.
  void add(std::string code, std::string message, std::optional<std::string> field);

  // How many errors have been collected so far (to tell whether a part of the document had any).
  size_t count() const { return errors_.size(); }

  // Reports validation.unknown_field for each key of `object` not in `known`, naming the nearest
  // known key. `prefix` is the object's own path ("" for the document, "media[0]" ...), and
  // `what` names it for a person ("the post", "a media item").
  void reject_unknown(const boost::json::object &object, std::string_view prefix,
                      std::string_view what, std::initializer_list<std::string_view> known);

  // The value at `key`, or nullptr when it is missing or null.
  static const boost::json::value *find(const boost::json::object &object, std::string_view key);

  // Reads an optional string; reports validation.type (and returns nullopt) for another type.
  std::optional<std::string> optional_string(const boost::json::object &object,
                                             std::string_view key, std::string_view prefix);

  // Reads an optional number; reports validation.type (and returns nullopt) for another type.
  std::optional<double> optional_number(const boost::json::object &object, std::string_view key,
                                        std::string_view prefix);

  // Reads an optional object; reports validation.type (and returns nullptr) for another type.
  const boost::json::object *optional_object(const boost::json::object &object,
                                             std::string_view key, std::string_view prefix);

  // Reads an optional array; reports validation.type (and returns nullptr) for another type.
  const boost::json::array *optional_array(const boost::json::object &object, std::string_view key,
                                           std::string_view prefix);

  // Reports validation.type for `value` at `field`, which should have been `expected`.
  void wrong_type(const boost::json::value &value, const std::string &field,
                  std::string_view expected);

 private:
  std::vector<Error> &errors_;
};

}  // namespace lmp
