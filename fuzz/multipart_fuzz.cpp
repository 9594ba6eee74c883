// Fuzzes the simulator's hand-written multipart reader. The oracle: reading a body whole and
// reading it in chunks (sizes taken from the input) must give the same parts, data and verdict,
// and callbacks must come in order (begin, data..., end).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/httpd/multipart_reader.hpp"

namespace {

using lmp::httpd::MultipartReader;
using lmp::httpd::PartHead;

// Records every event as text, and checks their order.
class Recorder : public lmp::httpd::PartListener {
 public:
  bool on_part_begin(const PartHead &head) override {
    if (in_part_) std::abort();
    in_part_ = true;
    events += "begin:" + head.name + "|" + head.filename.value_or("-") + "|" + head.content_type;
    for (const auto &[k, v] : head.headers) events += "|" + k + "=" + v;
    events += "\n";
    return true;
  }
  bool on_part_data(std::string_view data) override {
    if (!in_part_) std::abort();
    events += data;  // chunking changes the calls, not the bytes
    return true;
  }
  bool on_part_end() override {
    if (!in_part_) std::abort();
    in_part_ = false;
    events += "\nend\n";
    return true;
  }
  std::string events;

 private:
  bool in_part_ = false;
};

struct Outcome {
  std::string events;
  bool fed = false;
  bool finished = false;
  bool complete = false;
};

// Reads body in pieces of the given sizes (cycled); an empty sizes reads it whole.
Outcome read(const std::string &boundary, std::string_view body, std::string_view sizes) {
  Recorder rec;
  MultipartReader reader(boundary, rec, MultipartReader::Limits{512, 16});
  Outcome out;
  out.fed = true;
  size_t at = 0, k = 0;
  while (at < body.size() && out.fed) {
    size_t n = sizes.empty() ? body.size() : static_cast<unsigned char>(sizes[k++ % sizes.size()]);
    n = n == 0 ? 1 : n;
    out.fed = reader.feed(body.substr(at, n));
    at += n;
  }
  out.finished = reader.finish();
  out.complete = reader.complete();
  if (!out.finished && reader.error().empty()) std::abort();
  out.events = rec.events;
  return out;
}

}  // namespace

// Input: "CONTENT-TYPE\nSIZES\nBODY". A content type without a usable boundary uses "b0und".
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::string_view in(reinterpret_cast<const char *>(data), size);
  const size_t l1 = in.find('\n');
  if (l1 == std::string_view::npos) return 0;
  const size_t l2 = in.find('\n', l1 + 1);
  if (l2 == std::string_view::npos) return 0;
  const std::string boundary =
      MultipartReader::boundary_from_content_type(in.substr(0, l1)).value_or("b0und");
  if (boundary.empty() || boundary.size() > 70) std::abort();
  const std::string_view sizes = in.substr(l1 + 1, l2 - l1 - 1);
  const std::string_view body = in.substr(l2 + 1);

  const Outcome whole = read(boundary, body, {});
  const Outcome chunked = read(boundary, body, sizes.empty() ? std::string_view("\x01") : sizes);
  // Whatever the chunking, the same body means the same parts and the same verdict.
  if (whole.finished != chunked.finished || whole.complete != chunked.complete) std::abort();
  if (whole.finished && whole.events != chunked.events) std::abort();
  return 0;
}
