// letmepost-upload-bench: sends FILE to the S3-style upload form of a registered Pinterest media
// (the POST /v5/media reply in REGISTER.json) through the host's HTTP service, as the adapter
// does: every upload parameter echoed, `file` last, streamed from disk with a Content-Length.
// Prints the status and the time taken. Usage: letmepost-upload-bench REGISTER.json FILE
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/services/http_client.hpp"

namespace json = boost::json;

int main(int argc, char **argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s REGISTER.json FILE\n", argv[0]);
    return 2;
  }
  std::stringstream text;
  text << std::ifstream(argv[1]).rdbuf();
  const json::value reg = json::parse(text.str());
  json::array parts;
  for (const auto &[name, value] : reg.at("upload_parameters").as_object()) {
    parts.push_back(json::object{{"name", name}, {"value", value}});
  }
  parts.push_back(json::object{{"name", "file"}, {"file", argv[2]}});
  const json::value request = json::object{{"method", "POST"},
                                           {"url", reg.at("upload_url")},
                                           {"timeoutMs", 3600000},
                                           {"body", json::object{{"multipart", parts}}}};
  lmp::HttpClient http;
  const auto start = std::chrono::steady_clock::now();
  lmp::HttpReply reply = http.send(request, {}, {}, true);
  const std::chrono::duration<double, std::milli> ms = std::chrono::steady_clock::now() - start;
  if (reply.transport_error) {
    std::fprintf(stderr, "%s: %s\n", reply.transport_error->first.c_str(),
                 reply.transport_error->second.c_str());
    return 1;
  }
  std::printf("%d %.0f\n", reply.status, ms.count());
  return reply.status / 100 == 2 ? 0 : 1;
}
