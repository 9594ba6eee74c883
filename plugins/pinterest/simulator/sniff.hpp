// Recognising uploaded bytes by their content, never by a name: images (JPEG, PNG) for
// base64 media sources, ISO-BMFF videos (MP4, MOV, M4V) for media uploads.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace lmp::sim {

struct ImageInfo {
  std::string content_type;  // "image/jpeg" or "image/png"
  int width = 0;             // 0 when the header does not say
  int height = 0;
};

// The image type and size of `bytes`; nullopt when they are neither JPEG nor PNG.
std::optional<ImageInfo> sniff_image(std::string_view bytes);

// True when `head` (the first bytes of a file, at least 12) starts like an MP4/MOV/M4V file:
// an ISO-BMFF box whose type is ftyp (or, for old QuickTime files, moov, mdat, wide, free,
// skip) with a plausible size.
bool looks_like_video(std::string_view head);

}  // namespace lmp::sim
