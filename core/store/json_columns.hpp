// JSON-valued columns of the SQLite store: how records' JSON fields are written and read back.
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/error.hpp"
#include "core/store/sqlite.hpp"

namespace lmp {

// The serialized value, or nullopt (SQL NULL) for a JSON null.
std::optional<std::string> json_column(const boost::json::value &value);

// A JSON array of error objects, or nullopt (SQL NULL) when there are none.
std::optional<std::string> errors_column(const std::vector<Error> &errors);

// Parses a stored JSON column; SQL NULL gives a JSON null. Throws StoreError (host.storage)
// naming `column` when the stored text is not JSON (a damaged database).
boost::json::value read_json_column(Database &db, const std::optional<std::string> &text,
                                    std::string_view column);

// The errors stored by errors_column; none for SQL NULL.
std::vector<Error> read_errors_column(Database &db, const std::optional<std::string> &text,
                                      std::string_view column);

}  // namespace lmp
