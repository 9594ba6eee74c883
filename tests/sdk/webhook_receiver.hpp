// A webhook endpoint on 127.0.0.1 for the example adapter's tests: it reads each POST's
// multipart/form-data body with the host's multipart reader, keeps what it got, and answers
// with the reply a test scripted (by default 200 {"id":"hook-N"}).
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/httpd/server.hpp"

namespace lmp::test {

// One part of a received form.
struct ReceivedPart {
  std::string name;
  std::optional<std::string> filename;
  std::string content_type;
  std::string data;
};

// One request the endpoint received.
struct ReceivedPost {
  std::string path;
  std::string authorization;  // the Authorization header, "" when none
  std::string content_type;
  std::vector<ReceivedPart> parts;
  std::string multipart_error;  // why the body was not a well-formed form; "" when it was
};

class WebhookReceiver {
 public:
  // Binds a free port on 127.0.0.1 and starts serving.
  WebhookReceiver();

  // The URL the example adapter posts to: base URL + "/hook".
  std::string url() const;
  // Answers the next requests with this reply instead of the default success.
  void reply_with(httpd::Response response);
  // Every request received so far, in order.
  std::vector<ReceivedPost> received() const;

 private:
  httpd::Response handle(const httpd::Request &request);

  mutable std::mutex mutex_;
  std::vector<ReceivedPost> received_;
  std::optional<httpd::Response> scripted_;
  std::unique_ptr<httpd::Server> server_;
};

}  // namespace lmp::test
