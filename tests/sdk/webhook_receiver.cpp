#include "sdk/webhook_receiver.hpp"

#include <boost/json.hpp>

#include "core/httpd/multipart_reader.hpp"

namespace lmp::test {

namespace {

// Collects every part of one body.
class Collector : public httpd::PartListener {
 public:
  explicit Collector(std::vector<ReceivedPart> &parts) : parts_(parts) {}
  bool on_part_begin(const httpd::PartHead &head) override {
    parts_.push_back({head.name, head.filename, head.content_type, {}});
    return true;
  }
  bool on_part_data(std::string_view data) override {
    parts_.back().data.append(data);
    return true;
  }
  bool on_part_end() override { return true; }

 private:
  std::vector<ReceivedPart> &parts_;
};

}  // namespace

WebhookReceiver::WebhookReceiver()
    : server_(
          std::make_unique<httpd::Server>([this](const httpd::Request &r) { return handle(r); })) {
  server_->start();
}

std::string WebhookReceiver::url() const {
  return server_->base_url() + "/hook";
}

void WebhookReceiver::reply_with(httpd::Response response) {
  std::lock_guard lock(mutex_);
  scripted_ = std::move(response);
}

std::vector<ReceivedPost> WebhookReceiver::received() const {
  std::lock_guard lock(mutex_);
  return received_;
}

httpd::Response WebhookReceiver::handle(const httpd::Request &request) {
  ReceivedPost post{
      request.path, request.header("Authorization"), request.header("Content-Type"), {}, {}};
  if (auto boundary = httpd::MultipartReader::boundary_from_content_type(post.content_type)) {
    Collector collector(post.parts);
    httpd::MultipartReader reader(*boundary, collector);
    if (!reader.feed(request.body) || !reader.finish()) post.multipart_error = reader.error();
  } else {
    post.multipart_error = "not multipart/form-data";
  }
  std::lock_guard lock(mutex_);
  received_.push_back(std::move(post));
  if (scripted_) return *scripted_;
  const std::string id = "hook-" + std::to_string(received_.size());
  return httpd::Response::json(
      200, boost::json::object{{"id", id}, {"url", server_->base_url() + "/posts/" + id}});
}

}  // namespace lmp::test
