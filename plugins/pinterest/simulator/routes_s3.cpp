// The S3-style upload endpoint. (Uploads arrive with POST /v5/media; until then it refuses.)
#include "plugins/pinterest/simulator/errors.hpp"
#include "plugins/pinterest/simulator/routes.hpp"

namespace lmp::sim {

namespace {

class RefusedUpload : public LoggedBodyStream {
 public:
  explicit RefusedUpload(std::string rid) : rid_(std::move(rid)) {}
  bool wants_body() override { return false; }
  bool on_chunk(std::string_view) override { return false; }
  httpd::Response finish() override {
    return s3_error(501, "NotImplemented", "Uploads are not available yet.", rid_);
  }
  boost::json::value log_body() const override { return nullptr; }

 private:
  std::string rid_;
};

}  // namespace

std::unique_ptr<LoggedBodyStream> make_s3_upload(Call &call) {
  return std::make_unique<RefusedUpload>(call.rid);
}

}  // namespace lmp::sim
