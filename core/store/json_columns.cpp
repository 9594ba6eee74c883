#include "core/store/json_columns.hpp"

namespace lmp {

namespace json = boost::json;

std::optional<std::string> json_column(const json::value &value) {
  if (value.is_null()) return std::nullopt;
  return json::serialize(value);
}

std::optional<std::string> errors_column(const std::vector<Error> &errors) {
  if (errors.empty()) return std::nullopt;
  json::array a;
  for (const Error &e : errors) a.push_back(e.to_json());
  return json::serialize(a);
}

json::value read_json_column(Database &db, const std::optional<std::string> &text,
                             std::string_view column) {
  if (!text) return nullptr;
  boost::system::error_code ec;
  json::value v = json::parse(*text, ec);
  if (ec) throw storage_error(db.path(), "column " + std::string(column) + " holds invalid JSON");
  return v;
}

std::vector<Error> read_errors_column(Database &db, const std::optional<std::string> &text,
                                      std::string_view column) {
  std::vector<Error> errors;
  json::value v = read_json_column(db, text, column);
  if (const json::array *a = v.if_array()) {
    for (const json::value &e : *a) errors.push_back(Error::from_json(e));
  }
  return errors;
}

}  // namespace lmp
