#include "core/server/media_upload.hpp"

#include <cerrno>
#include <cstring>
#include <system_error>

#include "core/model/ids.hpp"

namespace lmp::server {

namespace fs = std::filesystem;

namespace {

// The media type of a Content-Type value, lowercased, without parameters.
std::string media_type(std::string_view content_type) {
  std::string type(content_type.substr(0, content_type.find(';')));
  while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.pop_back();
  for (char &c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type;
}

// Raw bodies are probed by their bytes; the type only has to say they are media.
bool raw_media_type(const std::string &type) {
  return type.rfind("image/", 0) == 0 || type.rfind("video/", 0) == 0 ||
         type == "application/octet-stream";
}

ApiError too_large(std::uint64_t max_bytes) {
  return ApiError{413, make_error("api.payload_too_large",
                                  "The upload is larger than server.max_upload_bytes (" +
                                      std::to_string(max_bytes) + " bytes).")};
}

ApiError write_failed(const fs::path &where) {
  return ApiError{
      500, make_error("media.write_failed", "Cannot write the upload to " + where.string() + ": " +
                                                std::strerror(errno) + ".")};
}

ApiError bad_form(const std::string &why) {
  return bad_request("file", "The multipart/form-data body " + why + ".");
}

}  // namespace

StagedUpload::StagedUpload(StagedUpload &&other) noexcept
    : file(std::move(other.file)),
      file_sha256(std::move(other.file_sha256)),
      body_sha256(std::move(other.body_sha256)),
      failure(std::move(other.failure)) {
  other.file.clear();
}

StagedUpload::~StagedUpload() {
  std::error_code ec;
  if (!file.empty()) fs::remove(file, ec);
}

UploadStager::UploadStager(const httpd::Request &head, fs::path dir, std::uint64_t max_bytes)
    : head_(head), dir_(std::move(dir)), max_bytes_(max_bytes) {}

UploadStager::~UploadStager() {
  out_.close();
  std::error_code ec;
  if (!path_.empty()) fs::remove(path_, ec);
}

bool UploadStager::refuse(ApiError error) {
  if (!failure_) failure_ = std::move(error);
  return false;
}

bool UploadStager::begin() {
  const std::string content_type = head_.header("Content-Type");
  const std::string type = media_type(content_type);
  if (type == "multipart/form-data") {
    auto boundary = httpd::MultipartReader::boundary_from_content_type(content_type);
    if (!boundary) return refuse(bad_form("has no usable boundary in its Content-Type"));
    form_ = std::make_unique<httpd::MultipartReader>(*boundary,
                                                     static_cast<httpd::PartListener &>(*this));
  } else if (!raw_media_type(type)) {
    return refuse(ApiError{
        415, make_error("api.unsupported_media_type",
                        "Content-Type '" + content_type +
                            "' is not an upload: send the bytes as image/*, video/* or "
                            "application/octet-stream, or a multipart/form-data form with one "
                            "'file' part.",
                        std::string("Content-Type"))});
  }
  if (head_.content_length && *head_.content_length > max_bytes_) {
    return refuse(too_large(max_bytes_));
  }
  std::error_code ec;
  fs::create_directories(dir_, ec);
  path_ = dir_ / ("." + new_id("upload") + ".part");
  out_.open(path_, std::ios::binary | std::ios::trunc);
  if (ec || !out_) return refuse(write_failed(path_));
  return true;
}

bool UploadStager::write(std::string_view data) {
  file_hash_.update(data);
  if (out_.write(data.data(), static_cast<std::streamsize>(data.size()))) return true;
  return refuse(write_failed(path_));
}

bool UploadStager::feed(std::string_view data) {
  if (failure_) return false;
  received_ += data.size();
  if (received_ > max_bytes_) return refuse(too_large(max_bytes_));
  body_hash_.update(data);
  if (!form_) return write(data);
  if (form_->feed(data)) return true;
  return refuse(bad_form("is malformed: " + form_->error()));
}

bool UploadStager::on_part_begin(const httpd::PartHead &head) {
  if (head.name != "file")
    return refuse(bad_form("has a part '" + head.name + "'; send only 'file'"));
  if (++file_parts_ > 1) return refuse(bad_form("has more than one 'file' part"));
  in_file_ = true;
  return true;
}

bool UploadStager::on_part_data(std::string_view data) {
  return !in_file_ || write(data);
}

bool UploadStager::on_part_end() {
  in_file_ = false;
  return true;
}

StagedUpload UploadStager::finish(bool complete) {
  StagedUpload result;
  if (!failure_ && !complete) refuse(bad_request("body", "The upload ended before its body."));
  if (!failure_ && form_ && !form_->finish()) refuse(bad_form("is malformed: " + form_->error()));
  if (!failure_ && form_ && file_parts_ == 0) refuse(bad_form("has no 'file' part"));
  out_.close();
  if (!failure_ && !out_) refuse(write_failed(path_));
  if (!failure_ && received_ == 0) refuse(bad_request("body", "The upload is empty."));
  if (failure_) {
    result.failure = std::move(failure_);
    return result;
  }
  result.body_sha256 = body_hash_.hex_digest();
  result.file_sha256 = file_hash_.hex_digest();
  result.file = std::move(path_);
  path_.clear();
  return result;
}

}  // namespace lmp::server
