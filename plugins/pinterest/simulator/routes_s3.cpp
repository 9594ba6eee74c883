// The S3-style upload endpoint (POST Sim::kUploadPath): a presigned multipart/form-data POST,
// read as it streams in. The form fields come first and are checked against the policy before
// any file byte is taken; the file (the last part) is hashed with SHA-256 and kept on disk
// only with --keep-uploads. Success is 204 (or what success_action_status asks); refusals are
// S3's XML errors.
#include <filesystem>
#include <fstream>

#include "core/httpd/multipart_reader.hpp"
#include "core/util/sha256.hpp"
#include "plugins/pinterest/simulator/crypto.hpp"
#include "plugins/pinterest/simulator/errors.hpp"
#include "plugins/pinterest/simulator/routes.hpp"
#include "plugins/pinterest/simulator/sniff.hpp"
#include "plugins/pinterest/simulator/upload_policy.hpp"

namespace lmp::sim {

namespace {

using httpd::MultipartReader;
using httpd::PartHead;
using httpd::PartListener;

// Room for the form fields and part headers around the file in Content-Length.
constexpr std::uint64_t kFormOverhead = 1u << 20;
constexpr std::size_t kMaxFieldBytes = 64 * 1024;
constexpr std::size_t kSniffBytes = 64;

class S3Upload : public LoggedBodyStream, private PartListener {
 public:
  explicit S3Upload(Call &call) : sim_(call.sim), request_(call.request), rid_(call.rid) {}

  bool wants_body() override {
    if (request_.chunked || !request_.content_length) {
      return refuse(411, "MissingContentLength",
                    "You must provide the Content-Length HTTP header.");
    }
    if (*request_.content_length > sim_.options.upload_max_bytes + kFormOverhead) {
      return refuse(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size");
    }
    const auto boundary =
        MultipartReader::boundary_from_content_type(request_.header("Content-Type"));
    if (!boundary) {
      return refuse(412, "PreconditionFailed",
                    "Bucket POST must be of the enclosure-type multipart/form-data");
    }
    reader_.emplace(*boundary, static_cast<PartListener &>(*this));
    return true;
  }

  bool on_chunk(std::string_view data) override {
    if (refusal_) return false;
    if (!reader_->feed(data) && !refusal_) malformed();
    return !refusal_;
  }

  httpd::Response finish() override {
    if (!refusal_ && reader_ && !reader_->finish()) malformed();
    if (!refusal_ && !file_done_) {
      refuse(400, "InvalidArgument", "POST requires exactly one file upload per request.");
    }
    if (!refusal_ && size_ < permit_.min_bytes) {
      refuse(400, "EntityTooSmall",
             "Your proposed upload is smaller than the minimum allowed size");
    }
    if (refusal_) {
      discard_file();
      auto r = s3_error(refusal_->status, refusal_->code, refusal_->message, rid_);
      r.set_header("x-amz-request-id", rid_);
      return r;
    }
    record_upload();
    httpd::Response r;
    r.status = permit_.success_action_status == "200"   ? 200
               : permit_.success_action_status == "201" ? 201
                                                        : 204;
    if (r.status == 201) {
      r = httpd::Response::text(
          201,
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PostResponse><Location>" +
              sim_.upload_url() + permit_.key + "</Location><Bucket>" + kUploadBucket +
              "</Bucket><Key>" + permit_.key + "</Key><ETag>\"" + sha256_ +
              "\"</ETag></PostResponse>",
          "application/xml");
    }
    r.set_header("ETag", "\"" + sha256_ + "\"");
    r.set_header("x-amz-request-id", rid_);
    return r;
  }

  boost::json::value log_body() const override {
    boost::json::object fields;
    boost::json::array order;
    for (const auto &name : order_) order.push_back(boost::json::value(name));
    for (const auto &[name, value] : fields_) fields[name] = value;
    boost::json::value file = nullptr;
    if (file_started_) {
      file = boost::json::object{
          {"size", size_},
          {"sha256", file_done_ ? boost::json::value(sha256_) : boost::json::value(nullptr)},
          {"filename", filename_ ? boost::json::value(*filename_) : boost::json::value(nullptr)},
          {"contentType", file_type_}};
    }
    return boost::json::object{
        {"fields", redact(std::move(fields), false)},
        {"partOrder", std::move(order)},
        {"file", std::move(file)},
        {"error", refusal_ ? boost::json::value(refusal_->code) : boost::json::value(nullptr)}};
  }

 private:
  bool refuse(int status, std::string code, std::string message) {
    if (!refusal_) refusal_ = S3Refusal{status, std::move(code), std::move(message)};
    return false;
  }

  void malformed() {
    refuse(400, "MalformedPOSTRequest",
           "The body of your POST request is not well-formed multipart/form-data. (" +
               reader_->error() + ")");
  }

  bool on_part_begin(const PartHead &head) override {
    order_.push_back(head.name);
    if (file_started_) {
      return refuse(
          400, "InvalidArgument",
          "The file must be the last field of the form; '" + head.name + "' came after it.");
    }
    if (head.name != "file") {
      if (fields_.count(head.name)) {
        return refuse(400, "InvalidArgument",
                      "Bucket POST has more than one value for the field '" + head.name + "'.");
      }
      current_field_ = head.name;
      fields_[head.name];
      return true;
    }
    file_started_ = true;
    filename_ = head.filename;
    file_type_ = head.content_type;
    auto [permit, refusal] = check_upload_form(fields_, sim_.signing_key, sim_.clock.now());
    if (refusal) {
      refusal_ = std::move(refusal);
      return false;
    }
    permit_ = *permit;
    return open_media();
  }

  bool on_part_data(std::string_view data) override {
    if (!file_started_) {
      std::string &value = fields_[current_field_];
      if (value.size() + data.size() > kMaxFieldBytes) {
        return refuse(400, "InvalidArgument",
                      "The form field '" + current_field_ + "' is too long.");
      }
      value.append(data);
      return true;
    }
    size_ += data.size();
    if (size_ > permit_.max_bytes) {
      return refuse(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size");
    }
    if (head_.size() < kSniffBytes) head_.append(data.substr(0, kSniffBytes - head_.size()));
    hash_.update(data);
    if (out_) out_.write(data.data(), static_cast<std::streamsize>(data.size()));
    return true;
  }

  bool on_part_end() override {
    if (file_started_ && !file_done_) {
      file_done_ = true;
      sha256_ = hash_.hex_digest();
    }
    return true;
  }

  // Finds the media the key belongs to and opens the kept file, if any.
  bool open_media() {
    {
      std::lock_guard lock(sim_.state.mutex);
      for (const auto &[id, m] : sim_.state.media) {
        if (m.key == permit_.key) media_id_ = id;
      }
    }
    if (media_id_.empty()) return refuse(403, "AccessDenied", "Access Denied");
    if (!sim_.options.keep_uploads_dir.empty()) {
      std::filesystem::create_directories(sim_.options.keep_uploads_dir);
      path_ =
          (std::filesystem::path(sim_.options.keep_uploads_dir) / (media_id_ + ".upload")).string();
      out_.open(path_, std::ios::binary | std::ios::trunc);
      if (!out_) return refuse(500, "InternalError", "We encountered an internal error.");
    }
    return true;
  }

  void discard_file() {
    if (out_.is_open()) {
      out_.close();
      std::filesystem::remove(path_);
    }
  }

  void record_upload() {
    if (out_.is_open()) out_.close();
    std::lock_guard lock(sim_.state.mutex);
    Media &m = sim_.state.media.at(media_id_);
    m.uploaded = true;
    m.uploaded_at = sim_.clock.now();
    m.is_video = looks_like_video(head_);
    m.size = size_;
    m.sha256 = sha256_;
    m.stored_path = path_;
  }

  Sim &sim_;
  const httpd::Request &request_;
  std::string rid_;
  std::optional<MultipartReader> reader_;
  std::optional<S3Refusal> refusal_;
  std::map<std::string, std::string> fields_;
  std::vector<std::string> order_;
  std::string current_field_;
  bool file_started_ = false;
  bool file_done_ = false;
  std::optional<std::string> filename_;
  std::string file_type_;
  UploadPermit permit_;
  std::string media_id_;
  std::uint64_t size_ = 0;
  std::string head_;
  lmp::Sha256 hash_;
  std::string sha256_;
  std::string path_;
  std::ofstream out_;
};

}  // namespace

std::unique_ptr<LoggedBodyStream> make_s3_upload(Call &call) {
  return std::make_unique<S3Upload>(call);
}

}  // namespace lmp::sim
