#include "plugins/pinterest/simulator/errors.hpp"

namespace lmp::sim {

namespace {

std::string xml_escape(const std::string &text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

}  // namespace

httpd::Response pinterest_error(int status, int code, const std::string &message) {
  return httpd::Response::json(status, {{"code", code}, {"message", message}});
}

httpd::Response s3_error(int status, const std::string &code, const std::string &message,
                         const std::string &request_id) {
  return httpd::Response::text(status,
                               "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" +
                                   xml_escape(code) + "</Code><Message>" + xml_escape(message) +
                                   "</Message><RequestId>" + xml_escape(request_id) +
                                   "</RequestId><HostId>letmepost-pinterest-sim</HostId></Error>",
                               "application/xml");
}

}  // namespace lmp::sim
