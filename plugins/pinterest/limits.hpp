// Pinterest's limits on an image pin (REFERENCE.md §4, §5), in the units Pinterest counts.
#pragma once

#include <cstdint>

namespace pinterest::limits {

inline constexpr size_t kDescriptionChars = 500;  // shown; the API takes 800, users see 500
inline constexpr size_t kTitleChars = 100;
inline constexpr size_t kAltTextChars = 500;
inline constexpr size_t kLinkChars = 2048;
inline constexpr int64_t kImageBytes = 10 * 1024 * 1024;
inline constexpr size_t kCarouselMin = 2;
inline constexpr size_t kCarouselMax = 5;

}  // namespace pinterest::limits
