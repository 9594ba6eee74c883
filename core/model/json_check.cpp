#include "core/model/json_check.hpp"

#include "core/model/suggest.hpp"

namespace lmp {

namespace json = boost::json;

std::string json_type_name(const json::value &v) {
  switch (v.kind()) {
    case json::kind::null:
      return "null";
    case json::kind::bool_:
      return "boolean";
    case json::kind::int64:
    case json::kind::uint64:
    case json::kind::double_:
      return "number";
    case json::kind::string:
      return "string";
    case json::kind::array:
      return "array";
    case json::kind::object:
      return "object";
  }
  return "value";
}

std::string field_path(std::string_view prefix, std::string_view key) {
  if (prefix.empty()) return std::string(key);
  std::string path(prefix);
  path += '.';
  path += key;
  return path;
}

std::string index_path(std::string_view prefix, size_t index) {
  return std::string(prefix) + "[" + std::to_string(index) + "]";
}

void FieldChecker::add(std::string code, std::string message, std::optional<std::string> field) {
  errors_.push_back(make_error(std::move(code), std::move(message), std::move(field)));
}

void FieldChecker::reject_unknown(const json::object &object, std::string_view prefix,
                                  std::string_view what,
                                  std::initializer_list<std::string_view> known) {
  for (const auto &entry : object) {
    const std::string_view key = entry.key();
    bool is_known = false;
    for (std::string_view name : known) is_known = is_known || name == key;
    if (is_known) continue;
    add("validation.unknown_field",
        "Unknown key \"" + std::string(key) + "\" in " + std::string(what) + "." +
            suggestion_sentence(key, known),
        field_path(prefix, key));
  }
}

const json::value *FieldChecker::find(const json::object &object, std::string_view key) {
  const json::value *v = object.if_contains(key);
  return (v && !v->is_null()) ? v : nullptr;
}

void FieldChecker::wrong_type(const json::value &value, const std::string &field,
                              std::string_view expected) {
  add("validation.type",
      field + " must be " + std::string(expected) + ", not " + json_type_name(value) + ".", field);
}

std::optional<std::string> FieldChecker::optional_string(const json::object &object,
                                                         std::string_view key,
                                                         std::string_view prefix) {
  const json::value *v = find(object, key);
  if (!v) return std::nullopt;
  if (const json::string *s = v->if_string()) return std::string(*s);
  wrong_type(*v, field_path(prefix, key), "a string");
  return std::nullopt;
}

std::optional<double> FieldChecker::optional_number(const json::object &object,
                                                    std::string_view key, std::string_view prefix) {
  const json::value *v = find(object, key);
  if (!v) return std::nullopt;
  if (v->is_number()) return v->to_number<double>();
  wrong_type(*v, field_path(prefix, key), "a number");
  return std::nullopt;
}

const json::object *FieldChecker::optional_object(const json::object &object, std::string_view key,
                                                  std::string_view prefix) {
  const json::value *v = find(object, key);
  if (!v) return nullptr;
  if (const json::object *o = v->if_object()) return o;
  wrong_type(*v, field_path(prefix, key), "an object");
  return nullptr;
}

const json::array *FieldChecker::optional_array(const json::object &object, std::string_view key,
                                                std::string_view prefix) {
  const json::value *v = find(object, key);
  if (!v) return nullptr;
  if (const json::array *a = v->if_array()) return a;
  wrong_type(*v, field_path(prefix, key), "an array");
  return nullptr;
}

}  // namespace lmp
