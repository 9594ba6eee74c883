// Pinterest's bookmark paging: `page_size` (default 25, 1..250) and an opaque `bookmark`.
#pragma once

#include <cstddef>
#include <string>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "core/httpd/message.hpp"

namespace lmp::sim {

struct PageRequest {
  std::size_t offset = 0;
  std::size_t size = 25;
};

// Reads page_size and bookmark. Throws ApiError 400 code 1 naming the bad parameter.
PageRequest read_page(const httpd::Request &request);

// {"items": items[offset, offset+size), "bookmark": next or null}. `items` is the whole list.
boost::json::object page_of(const boost::json::array &items, const PageRequest &page);

}  // namespace lmp::sim
