#include "plugins/pinterest/simulator/media_status.hpp"

namespace lmp::sim {

std::string media_status(const Media &media, TimePoint now, std::chrono::milliseconds processing) {
  if (!media.uploaded) return "registered";
  if (now < media.uploaded_at + processing) return "processing";
  return media.is_video ? "succeeded" : "failed";
}

}  // namespace lmp::sim
