// Pinterest's limits on a pin and its media (REFERENCE.md §4, §5), in the units Pinterest counts.
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
inline constexpr int64_t kVideoBytes = int64_t(2) * 1024 * 1024 * 1024;
inline constexpr int64_t kVideoMinMs = 4 * 1000;
inline constexpr int64_t kVideoMaxMs = 15 * 60 * 1000;
// A video's width:height lies between 1:2 and 1.91:1 (as the fraction kNum/kDen).
inline constexpr int64_t kVideoWidestNum = 191, kVideoWidestDen = 100;
inline constexpr int64_t kVideoTallestNum = 1, kVideoTallestDen = 2;

}  // namespace pinterest::limits
