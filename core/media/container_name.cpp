#include "core/media/container_name.hpp"

#include <string_view>

namespace lmp::av {

namespace {

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// The ISO base media family, told apart by the major brand of the ftyp box.
ContainerName iso_family(const AVFormatContext &fmt, bool audio_only) {
  const AVDictionaryEntry *e = av_dict_get(fmt.metadata, "major_brand", nullptr, 0);
  std::string_view brand = e ? e->value : "";
  if (brand.substr(0, 2) == "qt") return {"mov", "video/quicktime"};
  if (brand.substr(0, 3) == "M4V") return {"m4v", "video/x-m4v"};
  if (brand.substr(0, 3) == "M4A" || brand.substr(0, 3) == "M4B") return {"m4a", "audio/mp4"};
  if (brand.substr(0, 3) == "3gp") return {"3gp", audio_only ? "audio/3gpp" : "video/3gpp"};
  return {"mp4", audio_only ? "audio/mp4" : "video/mp4"};
}

}  // namespace

ContainerName name_container(const AVFormatContext &fmt, bool audio_only) {
  std::string_view name = fmt.iformat->name;
  if (name.substr(0, 4) == "mov,") return iso_family(fmt, audio_only);

  // Image demuxers are "<codec>_pipe" (png_pipe, jpeg_pipe, webp_pipe, ...), plus gif and apng.
  if (ends_with(name, "_pipe") || name == "gif" || name == "apng" || name == "image2") {
    std::string base(name.substr(0, name.find('_')));
    if (base == "image2") base = "image";
    return {base, base == "image" ? "application/octet-stream" : "image/" + base, true};
  }

  // Others: the first of the demuxer's names, and its own MIME type when it declares one.
  std::string container(name.substr(0, name.find(',')));
  std::string type = "application/octet-stream";
  if (fmt.iformat->mime_type && *fmt.iformat->mime_type) {
    std::string_view mime = fmt.iformat->mime_type;
    type = std::string(mime.substr(0, mime.find(',')));
  }
  return {container, type};
}

}  // namespace lmp::av
