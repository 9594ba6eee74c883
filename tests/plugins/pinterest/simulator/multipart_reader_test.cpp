// Unit tests of the simulator's incremental multipart/form-data reader.
#include <catch2/catch.hpp>

#include "core/httpd/multipart_reader.hpp"

using lmp::httpd::MultipartReader;
using lmp::httpd::PartHead;
using lmp::httpd::PartListener;

using namespace std::string_literals;

namespace {

struct Part {
  PartHead head;
  std::string data;
  bool ended = false;
};

// Records every callback; can stop at the n-th part.
class Recorder : public PartListener {
 public:
  bool on_part_begin(const PartHead &head) override {
    parts.push_back({head, "", false});
    return parts.size() != stop_at_part;
  }
  bool on_part_data(std::string_view data) override {
    ++data_calls;
    parts.back().data.append(data);
    return true;
  }
  bool on_part_end() override {
    parts.back().ended = true;
    return true;
  }
  std::vector<Part> parts;
  std::size_t stop_at_part = 0;
  int data_calls = 0;
};

const std::string kBody =
    "preamble to ignore\r\n"
    "--XyZ\r\n"
    "Content-Disposition: form-data; name=\"key\"\r\n"
    "\r\n"
    "uploads/a:b\r\n"
    "--XyZ\r\n"
    "content-disposition: form-data; name=\"file\"; filename=\"clip \\\"1\\\".mp4\"\r\n"
    "Content-Type: video/mp4\r\n"
    "\r\n"
    "\x00\x01 binary \r\n--XyNotTheBoundary \r\n-- and \r\n\r\n\r\n"
    "--XyZ--\r\n"
    "epilogue to ignore"s;

void check_parsed(const Recorder &r) {
  REQUIRE(r.parts.size() == 2);
  CHECK(r.parts[0].head.name == "key");
  CHECK_FALSE(r.parts[0].head.filename);
  CHECK(r.parts[0].data == "uploads/a:b");
  CHECK(r.parts[1].head.name == "file");
  CHECK(r.parts[1].head.filename == std::string("clip \"1\".mp4"));
  CHECK(r.parts[1].head.content_type == "video/mp4");
  CHECK(r.parts[1].data ==
        std::string("\x00\x01 binary \r\n--XyNotTheBoundary \r\n-- and \r\n\r\n", 44));
  CHECK(r.parts[0].ended);
  CHECK(r.parts[1].ended);
}

}  // namespace

TEST_CASE("multipart reader reads a body fed whole", "[sim][multipart]") {
  const std::string body(kBody.data(), kBody.size());
  Recorder r;
  MultipartReader reader("XyZ", r);
  CHECK(reader.feed(body));
  CHECK(reader.finish());
  CHECK(reader.complete());
  check_parsed(r);
}

TEST_CASE("multipart reader gives the same parts for every split of the body", "[sim][multipart]") {
  const std::string body(kBody.data(), kBody.size());
  for (std::size_t cut = 0; cut <= body.size(); ++cut) {
    Recorder r;
    MultipartReader reader("XyZ", r);
    CHECK(reader.feed(body.substr(0, cut)));
    CHECK(reader.feed(body.substr(cut)));
    CHECK(reader.finish());
    check_parsed(r);
  }
  Recorder bytewise;
  MultipartReader reader("XyZ", bytewise);
  for (char c : body) REQUIRE(reader.feed(std::string_view(&c, 1)));
  CHECK(reader.finish());
  check_parsed(bytewise);
}

TEST_CASE("multipart reader streams a large part without holding it", "[sim][multipart]") {
  Recorder r;
  MultipartReader reader("b", r);
  REQUIRE(reader.feed("--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n"));
  const std::string chunk(64 * 1024, 'v');
  std::size_t total = 0;
  for (int i = 0; i < 64; ++i) {
    REQUIRE(reader.feed(chunk));
    total += chunk.size();
  }
  REQUIRE(reader.feed("\r\n--b--"));
  CHECK(reader.finish());
  REQUIRE(r.parts.size() == 1);
  CHECK(r.parts[0].data.size() == total);
  CHECK(r.data_calls >= 64);  // data went out as it came, chunk by chunk
}

TEST_CASE("multipart reader accepts a part with no headers only when named", "[sim][multipart]") {
  Recorder r;
  MultipartReader reader("b", r);
  CHECK_FALSE(reader.feed("--b\r\n\r\nvalue\r\n--b--"));
  CHECK_THAT(reader.error(), Catch::Contains("Content-Disposition"));
}

TEST_CASE("multipart reader refuses malformed bodies", "[sim][multipart]") {
  auto error_of = [](const std::string &body) {
    Recorder r;
    MultipartReader reader("b", r, {.max_head_bytes = 256, .max_parts = 3});
    if (reader.feed(body) && reader.finish()) return std::string("no error");
    return reader.error();
  };
  CHECK_THAT(error_of("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx"),
             Catch::Contains("closing boundary"));
  CHECK_THAT(error_of("no boundary at all"), Catch::Contains("closing boundary"));
  CHECK_THAT(error_of("--bX\r\n"), Catch::Contains("CRLF"));
  CHECK_THAT(error_of("--b junk\r\n"), Catch::Contains("CRLF"));
  CHECK_THAT(error_of("--b\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n--b--"),
             Catch::Contains("form-data"));
  CHECK_THAT(error_of("--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--"),
             Catch::Contains("no name"));
  CHECK_THAT(error_of("--b\r\nno colon here\r\n\r\nx\r\n--b--"), Catch::Contains("no name"));
  CHECK_THAT(error_of("--b\r\nX-Long: " + std::string(300, 'h') + "\r\n\r\nx\r\n--b--"),
             Catch::Contains("longer than 256"));
  std::string many;
  for (int i = 0; i < 4; ++i) many += "--b\r\nContent-Disposition: form-data; name=p\r\n\r\nv\r\n";
  CHECK_THAT(error_of(many + "--b--"), Catch::Contains("more than 3 parts"));
  CHECK(error_of("--b  \t\r\nContent-Disposition: form-data; name=p\r\n\r\nv\r\n--b--") ==
        "no error");
}

TEST_CASE("multipart reader stops when the listener says so", "[sim][multipart]") {
  Recorder r;
  r.stop_at_part = 2;
  MultipartReader reader("XyZ", r);
  CHECK_FALSE(reader.feed(kBody));
  CHECK_THAT(reader.error(), Catch::Contains("listener"));
  CHECK_FALSE(reader.feed("more"));
  CHECK_FALSE(reader.finish());
  CHECK(r.parts.size() == 2);
}

TEST_CASE("multipart boundary is read from the Content-Type", "[sim][multipart]") {
  using M = MultipartReader;
  CHECK(M::boundary_from_content_type("multipart/form-data; boundary=abc") == std::string("abc"));
  CHECK(M::boundary_from_content_type("Multipart/Form-Data;boundary=\"a b;c\"") ==
        std::string("a b;c"));
  CHECK(M::boundary_from_content_type("multipart/form-data; charset=utf-8; boundary=z") ==
        std::string("z"));
  CHECK_FALSE(M::boundary_from_content_type("multipart/form-data"));
  CHECK_FALSE(M::boundary_from_content_type("multipart/form-data; boundary="));
  CHECK_FALSE(
      M::boundary_from_content_type("multipart/form-data; boundary=" + std::string(71, 'x')));
  CHECK_FALSE(M::boundary_from_content_type("application/json; boundary=abc"));
}
