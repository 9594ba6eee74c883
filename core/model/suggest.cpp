#include "core/model/suggest.hpp"

#include <algorithm>
#include <cctype>
#include <numeric>
#include <vector>

namespace lmp {

namespace {

char lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), size_t{0});
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      const size_t substitute = diagonal + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, substitute});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::optional<std::string> nearest_name(std::string_view word,
                                        std::initializer_list<std::string_view> known) {
  std::optional<std::string> best;
  size_t best_distance = 0;
  for (std::string_view name : known) {
    const size_t distance = edit_distance(word, name);
    const size_t allowed = std::max<size_t>(2, std::max(word.size(), name.size()) / 3);
    if (distance > allowed) continue;
    if (!best || distance < best_distance) {
      best = std::string(name);
      best_distance = distance;
    }
  }
  return best;
}

std::string suggestion_sentence(std::string_view word,
                                std::initializer_list<std::string_view> known) {
  if (auto near = nearest_name(word, known)) return " Did you mean \"" + *near + "\"?";
  std::string list;
  for (std::string_view name : known) {
    if (!list.empty()) list += ", ";
    list += name;
  }
  return " Known keys: " + list + ".";
}

}  // namespace lmp
