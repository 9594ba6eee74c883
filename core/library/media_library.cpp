#include "core/library/media_library.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

#include "core/model/ids.hpp"
#include "core/model/time.hpp"
#include "core/services/clock.hpp"
#include "core/util/sha256.hpp"

namespace lmp {

namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

MediaError unreadable(const fs::path &file, const std::string &why) {
  return MediaError(
      make_error("media.unreadable", "Cannot read " + file.string() + ": " + why + "."));
}

MediaError write_failed(const fs::path &file, const std::string &why) {
  return MediaError(make_error("media.write_failed", "Cannot write " + file.string() +
                                                         " in the media library: " + why + "."));
}

// Size and modification time (ns) of a file, as the index compares them.
std::pair<int64_t, int64_t> size_and_mtime(const fs::path &file) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) throw unreadable(file, std::strerror(errno));
  if (!S_ISREG(st.st_mode)) throw unreadable(file, "not a regular file");
  return {static_cast<int64_t>(st.st_size),
          static_cast<int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec};
}

// The library file name for content: its hash and the extension of what probing found.
std::string library_name(const std::string &sha256, const MediaProbe &p) {
  return sha256 + "." + (p.container == "jpeg" ? std::string("jpg") : p.container);
}

// Removes a temporary file unless released.
class TempFile {
 public:
  explicit TempFile(fs::path path) : path_(std::move(path)) {}
  ~TempFile() {
    std::error_code ec;
    if (!path_.empty()) fs::remove(path_, ec);
  }
  TempFile(const TempFile &) = delete;
  TempFile &operator=(const TempFile &) = delete;
  const fs::path &path() const { return path_; }
  void release() { path_.clear(); }

 private:
  fs::path path_;
};

// The index entry for the bytes at path, as probing found them.
MediaEntry entry_for(std::string sha256, const fs::path &path, int64_t size, int64_t mtime_ns,
                     const MediaProbe &p, bool in_library) {
  MediaEntry e;
  e.id = media_id_for_sha256(sha256);
  e.sha256 = std::move(sha256);
  e.path = path.string();
  e.size = size;
  e.mtime_ns = mtime_ns;
  e.kind = p.kind;
  e.probe = p.to_json();
  e.created_at_ms = host_clock().now_unix_ms();
  e.in_library = in_library;
  return e;
}

}  // namespace

MediaLibrary::MediaLibrary(MediaStore &store, fs::path media_dir)
    : store_(store), dir_(fs::absolute(media_dir).lexically_normal()) {}

MediaEntry MediaLibrary::reference(const fs::path &file) {
  const fs::path path = fs::absolute(file).lexically_normal();
  const auto [size, mtime_ns] = size_and_mtime(path);
  if (auto known = store_.find_by_path(path.string(), size, mtime_ns);
      known && MediaProbe::from_json(known->probe)) {
    return *known;
  }
  std::string sha256;
  try {
    sha256 = sha256_file_hex(path);
  } catch (const std::runtime_error &err) {
    throw unreadable(path, err.what());
  }
  MediaEntry e = entry_for(std::move(sha256), path, size, mtime_ns, probe_file(path), false);
  store_.upsert(e);
  return e;
}

ImportResult MediaLibrary::import_file(const fs::path &file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw unreadable(file, std::strerror(errno));
  size_and_mtime(file);  // a folder opens as a stream too
  return import_stream(
      [&](const ByteSink &write) {
        std::vector<char> buffer(1 << 16);
        while (in) {
          in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
          if (in.gcount() > 0) write(std::string_view(buffer.data(), in.gcount()));
        }
        if (in.bad()) throw unreadable(file, "read error");
      },
      file.string());
}

ImportResult MediaLibrary::import_stream(const ByteSource &source, const std::string &what) {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec) throw write_failed(dir_, ec.message());
  TempFile temp(dir_ / ("." + new_id("incoming")));
  Sha256 hash;
  {
    std::ofstream out(temp.path(), std::ios::binary | std::ios::trunc);
    if (!out) throw write_failed(temp.path(), std::strerror(errno));
    source([&](std::string_view bytes) {
      hash.update(bytes);
      if (!out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
        throw write_failed(temp.path(), std::strerror(errno));
      }
    });
    out.close();
    if (!out) throw write_failed(temp.path(), std::strerror(errno));
  }
  ImportResult result = import_staged(temp.path(), hash.hex_digest(), what);
  if (result.added) temp.release();  // moved into the library
  return result;
}

ImportResult MediaLibrary::import_staged(const fs::path &temp, const std::string &sha256,
                                         const std::string &what) {
  std::error_code ec;
  if (auto known = store_.find(media_id_for_sha256(sha256));
      known && known->in_library && fs::is_regular_file(known->path, ec)) {
    return {*known, false};
  }
  MediaProbe p;
  try {
    p = probe_file(temp);
  } catch (const MediaError &) {
    throw MediaError(make_error("media.unreadable", "Cannot read " + what + " as media."));
  }
  if (p.kind != "image" && p.kind != "video") {
    throw MediaError(make_error("media.unsupported_kind",
                                what + " is " + (p.kind == "audio" ? "audio only" : "no picture") +
                                    "; the media library keeps images and videos."));
  }
  const fs::path final_path = dir_ / library_name(sha256, p);
  fs::rename(temp, final_path, ec);
  if (ec) throw write_failed(final_path, ec.message());
  const auto [size, mtime_ns] = size_and_mtime(final_path);
  const MediaEntry e = entry_for(sha256, final_path, size, mtime_ns, p, true);
  store_.upsert(e);
  return {store_.find(e.id).value_or(e), true};
}

std::optional<MediaEntry> MediaLibrary::find(const std::string &id) {
  return store_.find(id);
}

std::vector<MediaEntry> MediaLibrary::list(bool library_only) {
  return store_.list(library_only);
}

bool MediaLibrary::remove(const std::string &id) {
  auto e = store_.find(id);
  if (!e || !store_.remove(id)) return false;
  if (e->in_library) {
    std::error_code ec;
    fs::remove(e->path, ec);
  }
  return true;
}

void MediaLibrary::set_cover(MediaEntry entry, const json::object &cover) {
  if (!entry.probe.is_object()) return;
  entry.probe.as_object()["cover"] = cover;
  store_.upsert(entry);
}

json::object entry_json(const MediaEntry &entry) {
  return json::object{
      {"mediaId", entry.id},
      {"sha256", entry.sha256},
      {"kind", entry.kind},
      {"path", entry.path},
      {"sizeBytes", entry.size},
      {"inLibrary", entry.in_library},
      {"createdAt", format_rfc3339_ms(TimePoint(std::chrono::milliseconds(entry.created_at_ms)))},
      {"probe", entry.probe}};
}

MediaProbe entry_probe(const MediaEntry &entry) {
  auto p = MediaProbe::from_json(entry.probe);
  if (!p) throw unreadable(entry.path, "the media index holds no probe for it");
  return *p;
}

}  // namespace lmp
