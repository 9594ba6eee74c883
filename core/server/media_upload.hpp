// The body of `POST /v1/media` on its way to disk: raw bytes, or a multipart/form-data form with
// one `file` part, written to a temporary file as it arrives so that memory stays flat whatever
// the size, with the file hashed for the library and the whole body for Idempotency-Key.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/httpd/message.hpp"
#include "core/httpd/multipart_reader.hpp"
#include "core/server/api_error.hpp"
#include "core/util/sha256.hpp"

namespace lmp::server {

// What a finished upload left: the media bytes in a temporary file (deleted with this object),
// or why the body was refused.
struct StagedUpload {
  StagedUpload() = default;
  StagedUpload(StagedUpload &&other) noexcept;
  StagedUpload &operator=(StagedUpload &&) = delete;
  ~StagedUpload();

  std::filesystem::path file;       // the media bytes; empty when refused
  std::string file_sha256;          // hex SHA-256 of those bytes
  std::string body_sha256;          // hex SHA-256 of the whole request body
  std::optional<ApiError> failure;  // set when the body was refused
};

// Receives one request's body. Refusals: 415 api.unsupported_media_type (a Content-Type that is
// not image/*, video/*, application/octet-stream or multipart/form-data), 413
// api.payload_too_large (a body over `max_bytes`), 400 api.bad_request (a malformed form, or not
// exactly one `file` part, or an empty body), 500 media.write_failed (the folder cannot be
// written).
class UploadStager : private httpd::PartListener {
 public:
  // REQUIRES: `head` outlives this object. The temporary file goes in `dir` (created if needed).
  UploadStager(const httpd::Request &head, std::filesystem::path dir, std::uint64_t max_bytes);
  ~UploadStager() override;

  // Checks the head (type, declared length) and opens the temporary file. False when refused:
  // finish() then says why, and no body byte should be fed.
  bool begin();
  // Takes the next body bytes. False once the body is refused (stop reading it).
  bool feed(std::string_view data);
  // The result; `complete` says whether the whole body arrived.
  StagedUpload finish(bool complete);

 private:
  bool refuse(ApiError error);
  bool write(std::string_view data);
  bool on_part_begin(const httpd::PartHead &head) override;
  bool on_part_data(std::string_view data) override;
  bool on_part_end() override;

  const httpd::Request &head_;
  std::filesystem::path dir_;
  std::uint64_t max_bytes_;
  std::uint64_t received_ = 0;
  std::filesystem::path path_;
  std::ofstream out_;
  std::unique_ptr<httpd::MultipartReader> form_;  // set for a multipart body
  int file_parts_ = 0;
  bool in_file_ = false;
  Sha256 body_hash_;
  Sha256 file_hash_;
  std::optional<ApiError> failure_;
};

}  // namespace lmp::server
