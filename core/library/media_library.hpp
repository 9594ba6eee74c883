// The media library: files copied under state.media_dir and files a post references in place,
// indexed by content (SHA-256) in the state database with what probing found. The CLI's `media`
// commands, media preparation and the HTTP API share it.
#pragma once

#include <boost/json.hpp>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/media/media_error.hpp"
#include "core/media/probe.hpp"
#include "core/store/store.hpp"

namespace lmp {

// Receives the next bytes of a stream; throws to stop it.
using ByteSink = std::function<void(std::string_view)>;
// Pushes every byte of some content, in order, into the sink; throws to abandon the import.
using ByteSource = std::function<void(const ByteSink &)>;

// What an import did.
struct ImportResult {
  MediaEntry entry;
  bool added = false;  // false: the library already held these bytes (nothing was copied)
};

// The media index and the library folder. Thread-safe as far as its MediaStore is; two processes
// importing the same bytes at once end with one file.
class MediaLibrary {
 public:
  // REQUIRES: `store` outlives this object. Library files go to `media_dir` (created on first
  // import).
  MediaLibrary(MediaStore &store, std::filesystem::path media_dir);

  // The entry for a file referenced in place (in_library false): hashed and probed only when its
  // path is new to the index or its size or mtime changed, otherwise the recorded facts are
  // returned as they are. Throws MediaError (media.unreadable) when the file cannot be read or
  // is not media; StoreError when the database fails.
  MediaEntry reference(const std::filesystem::path &file);

  // Copies `file` into the library, named by its SHA-256, after probing it. The same bytes twice
  // give the same entry and one copy. Throws MediaError: media.unreadable (cannot be read, not
  // media), media.unsupported_kind (neither an image nor a video), media.write_failed (the
  // library folder cannot be written).
  ImportResult import_file(const std::filesystem::path &file);

  // Like import_file, for content that arrives as a stream (a download, an HTTP upload): written
  // to a temporary file in the library folder while it is hashed, so memory stays flat. `what`
  // names the content in error messages. Exceptions the source throws pass through, after the
  // temporary file is removed.
  ImportResult import_stream(const ByteSource &source, const std::string &what);

  // Like import_stream, for content already written to `file` (a temporary file in dir(), so it
  // moves into the library by a rename, without a copy) whose SHA-256 the caller computed while
  // writing it. When the library already held these bytes, `file` is left where it is, for the
  // caller to delete. Throws what import_stream throws.
  ImportResult import_staged(const std::filesystem::path &file, const std::string &sha256,
                             const std::string &what);

  // The entry with this mediaId, or nullopt.
  std::optional<MediaEntry> find(const std::string &id);

  // Library entries (or every indexed file, when !library_only), oldest first.
  std::vector<MediaEntry> list(bool library_only);

  // Forgets the entry and, when it is a library file, deletes the file. False when there is no
  // such entry.
  bool remove(const std::string &id);

  // Records `cover` (what the host extracted for the video's default cover: its path and facts)
  // in the entry's probe, so the next post of the same video reuses it.
  void set_cover(MediaEntry entry, const boost::json::object &cover);

  // The library folder.
  const std::filesystem::path &dir() const { return dir_; }

 private:
  MediaStore &store_;
  std::filesystem::path dir_;
};

// An entry as the CLI and the HTTP API show it: {"mediaId", "sha256", "kind", "path",
// "sizeBytes", "inLibrary", "createdAt", "probe"}.
boost::json::object entry_json(const MediaEntry &entry);

// The probe recorded in an entry. Throws MediaError (media.unreadable) when the entry has none.
MediaProbe entry_probe(const MediaEntry &entry);

}  // namespace lmp
