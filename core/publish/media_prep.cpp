#include "core/publish/media_prep.hpp"

#include <functional>
#include <string>

#include "core/library/media_download.hpp"
#include "core/media/cover_frame.hpp"
#include "core/media/image_convert.hpp"
#include "core/media/media_error.hpp"
#include "core/media/probe.hpp"

namespace lmp {

namespace json = boost::json;
namespace fs = std::filesystem;

namespace {

// capabilities.media.image.<key> of the description, as a list of strings.
std::vector<std::string> image_formats(const json::object &description, const char *key) {
  std::vector<std::string> out;
  const json::value *v = description.if_contains("capabilities");
  for (const char *step : {"media", "image", key}) {
    v = v && v->is_object() ? v->get_object().if_contains(step) : nullptr;
  }
  if (v && v->is_array()) {
    for (const auto &f : v->get_array()) {
      if (f.is_string()) out.emplace_back(f.get_string());
    }
  }
  return out;
}

bool contains(const std::vector<std::string> &list, const std::string &s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

// A name for a derived file that changes when the source changes (path, size, mtime).
fs::path derived_name(const fs::path &source, const std::string &suffix) {
  std::error_code ec;
  auto stamp = fs::last_write_time(source, ec).time_since_epoch().count();
  size_t h = std::hash<std::string>{}(fs::absolute(source).string() + "|" +
                                      std::to_string(fs::file_size(source, ec)) + "|" +
                                      std::to_string(stamp));
  return source.stem().string() + "-" + std::to_string(h) + suffix;
}

void copy_item_texts(const MediaItem &m, json::object &item) {
  if (m.title) item["title"] = *m.title;
  if (m.link) item["link"] = *m.link;
  if (m.alt_text) item["altText"] = *m.alt_text;
}

void describe_probe(const MediaProbe &p, json::object &item) {
  item["contentType"] = p.content_type;
  item["sizeBytes"] = p.size_bytes;
  item["container"] = p.container;
  item["width"] = p.width;
  item["height"] = p.height;
  if (p.kind == "video") {
    item["durationMs"] = p.duration_ms;
    item["videoCodec"] = p.video_codec;
  }
}

json::object extract_cover_json(const fs::path &video, std::optional<double> at,
                                const fs::path &out) {
  CoverFrame c = extract_cover(video, at, out);
  return json::object{{"path", out.string()},
                      {"contentType", "image/jpeg"},
                      {"atSeconds", c.at_seconds},
                      {"width", c.width},
                      {"height", c.height}};
}

// The default cover recorded for this video, when its file is still there.
std::optional<json::object> recorded_cover(const MediaEntry &entry) {
  const json::object *probe = entry.probe.if_object();
  const json::value *cover = probe ? probe->if_contains("cover") : nullptr;
  const json::value *path =
      cover && cover->is_object() ? cover->get_object().if_contains("path") : nullptr;
  std::error_code ec;
  if (!path || !path->is_string() || !fs::is_regular_file(path->get_string().c_str(), ec)) {
    return std::nullopt;
  }
  return cover->get_object();
}

json::object prepare_cover(const MediaItem &m, const MediaEntry &video, const MediaSources &src) {
  if (m.cover && m.cover->url) return json::object{{"url", *m.cover->url}};
  if (m.cover && m.cover->path) {
    MediaProbe p = probe_file(m.cover->path.value());
    return json::object{{"path", fs::absolute(*m.cover->path).string()},
                        {"contentType", p.content_type}};
  }
  const fs::path path = video.path;
  if (m.cover && m.cover->at_seconds) {
    const double at = *m.cover->at_seconds;
    return extract_cover_json(
        path, at, src.derived_dir / derived_name(path, "-cover-" + std::to_string(at) + ".jpg"));
  }
  if (auto recorded = recorded_cover(video)) return *recorded;
  json::object cover =
      extract_cover_json(path, std::nullopt, src.derived_dir / derived_name(path, "-cover.jpg"));
  src.library->set_cover(video, cover);
  return cover;
}

// The item for a local file the index knows (`entry`, probed).
json::object prepare_file(const MediaItem &m, MediaEntry entry, const json::object &description,
                          const MediaSources &src) {
  MediaProbe p = entry_probe(entry);
  json::object item{{"type", m.type.empty() ? entry.kind : m.type}};
  copy_item_texts(m, item);
  if (p.kind == "image") {
    const auto promised = image_formats(description, "formats");
    const auto embeddable = image_formats(description, "base64Formats");
    // Convert only what the adapter promises but cannot embed (a WebP for Pinterest); any other
    // format goes on as it is, for the adapter to refuse with its own code.
    if (!embeddable.empty() && contains(promised, p.container) &&
        !contains(embeddable, p.container) && contains(embeddable, "png")) {
      fs::path png = src.derived_dir / derived_name(entry.path, ".png");
      convert_image_to_png(entry.path, png);
      item["convertedFrom"] = p.content_type;
      entry = src.library->reference(png);
      p = entry_probe(entry);
    }
  }
  item["path"] = entry.path;
  item["sha256"] = entry.sha256;
  describe_probe(p, item);
  if (p.kind == "video") item["cover"] = prepare_cover(m, entry, src);
  return item;
}

// The index entry of a local item: its URL downloaded into the library, its path referenced in
// place, or its library entry. Adds an error and returns nullopt when there is none.
std::optional<MediaEntry> local_entry(const MediaItem &m, const std::string &field,
                                      const MediaSources &src, std::vector<Error> &errors) {
  if (m.url) {
    DownloadOptions options;
    options.allow_private_addresses = src.allow_private_addresses;
    return download_to_library(*src.library, *src.http, *m.url, options).entry;
  }
  if (m.media_id) {
    auto e = src.library->find(*m.media_id);
    std::error_code ec;
    if (!e) {
      errors.push_back(make_error("validation.unknown_media",
                                  "No media library entry " + *m.media_id + ".",
                                  field + ".mediaId"));
    } else if (!fs::is_regular_file(e->path, ec)) {
      errors.push_back(
          make_error("validation.unknown_media",
                     "Media library entry " + *m.media_id + " has lost its file " + e->path + ".",
                     field + ".mediaId"));
      return std::nullopt;
    }
    return e;
  }
  std::error_code ec;
  if (!fs::is_regular_file(*m.path, ec)) {
    errors.push_back(
        make_error("validation.file_not_found", "No file at " + *m.path + ".", field + ".path"));
    return std::nullopt;
  }
  return src.library->reference(*m.path);
}

}  // namespace

PreparedMedia prepare_media(const Post &post, const json::object &description,
                            const MediaSources &sources) {
  PreparedMedia out;
  for (size_t i = 0; i < post.media.size(); ++i) {
    const MediaItem &m = post.media[i];
    const std::string field = "media[" + std::to_string(i) + "]";
    if (m.url && !(m.type == "video" && sources.http)) {
      json::object item{{"type", m.type}, {"url", *m.url}};
      copy_item_texts(m, item);
      if (m.cover) {
        item["cover"] = m.cover->url ? json::object{{"url", *m.cover->url}} : json::object();
      }
      out.items.push_back(std::move(item));
      continue;
    }
    const std::string source_field = field + (m.media_id ? ".mediaId" : m.url ? ".url" : ".path");
    std::error_code ec;
    fs::create_directories(sources.derived_dir, ec);
    try {
      auto entry = local_entry(m, field, sources, out.errors);
      if (!entry) {
        out.items.push_back(json::object{{"type", m.type}});
        continue;
      }
      out.items.push_back(prepare_file(m, std::move(*entry), description, sources));
    } catch (const MediaError &e) {
      Error err = e.error();
      err.field = source_field;
      out.errors.push_back(std::move(err));
      out.items.push_back(json::object{{"type", m.type}});
    }
  }
  return out;
}

}  // namespace lmp
