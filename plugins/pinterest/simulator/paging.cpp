#include "plugins/pinterest/simulator/paging.hpp"

#include <charconv>

#include "plugins/pinterest/simulator/crypto.hpp"
#include "plugins/pinterest/simulator/errors.hpp"

namespace lmp::sim {

namespace {

constexpr const char *kBookmarkPrefix = "sim-offset:";

std::optional<std::size_t> to_size(const std::string &text) {
  std::size_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

}  // namespace

PageRequest read_page(const httpd::Request &request) {
  PageRequest page;
  const auto params = request.query_params();
  if (const auto it = params.find("page_size"); it != params.end()) {
    const auto size = to_size(it->second);
    if (!size || *size < 1 || *size > 250) {
      throw ApiError(400, 1, "Invalid parameter: page_size must be an integer from 1 to 250.");
    }
    page.size = *size;
  }
  if (const auto it = params.find("bookmark"); it != params.end() && !it->second.empty()) {
    const auto decoded = base64_decode(it->second);
    const std::string prefix = kBookmarkPrefix;
    std::optional<std::size_t> offset;
    if (decoded && decoded->rfind(prefix, 0) == 0) offset = to_size(decoded->substr(prefix.size()));
    if (!offset) throw ApiError(400, 1, "Invalid parameter: bookmark is not valid.");
    page.offset = *offset;
  }
  return page;
}

boost::json::object page_of(const boost::json::array &items, const PageRequest &page) {
  boost::json::array slice;
  for (std::size_t i = page.offset; i < items.size() && i < page.offset + page.size; ++i) {
    slice.push_back(items[i]);
  }
  boost::json::value bookmark = nullptr;
  if (page.offset + page.size < items.size()) {
    bookmark = base64_encode(kBookmarkPrefix + std::to_string(page.offset + page.size));
  }
  return {{"items", std::move(slice)}, {"bookmark", std::move(bookmark)}};
}

}  // namespace lmp::sim
