// An incremental multipart/form-data reader (RFC 7578 / RFC 2046): fed the body in chunks of
// any size, it reports each part's head, its data (never buffered whole) and its end. Written by
// hand for the simulator's S3-style endpoint and `POST /v1/media`, so it has its own unit tests
// and a fuzz target.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lmp::httpd {

// What one part says about itself.
struct PartHead {
  std::string name;                     // Content-Disposition's name="..."
  std::optional<std::string> filename;  // filename="...", when given
  std::string content_type;             // the part's Content-Type, "" when none
  std::vector<std::pair<std::string, std::string>> headers;  // every header line, in order
};

// Receives the parts. Returning false from any callback stops the reader (feed() then returns
// false and error() says the listener stopped it).
class PartListener {
 public:
  virtual ~PartListener() = default;
  virtual bool on_part_begin(const PartHead &head) = 0;
  virtual bool on_part_data(std::string_view data) = 0;
  virtual bool on_part_end() = 0;
};

class MultipartReader {
 public:
  // Limits against abuse; the defaults suit form uploads.
  struct Limits {
    std::size_t max_head_bytes = 16 * 1024;  // one part's header block
    std::size_t max_parts = 1000;
  };

  // REQUIRES: `boundary` is 1..70 characters (see boundary_from_content_type).
  MultipartReader(std::string boundary, PartListener &listener, Limits limits);
  MultipartReader(std::string boundary, PartListener &listener)
      : MultipartReader(std::move(boundary), listener, Limits{}) {}

  // Feeds the next bytes of the body. Returns false once the body is malformed or the listener
  // stopped; later calls do nothing and return false. Bytes after the closing boundary are
  // ignored (the epilogue).
  bool feed(std::string_view data);
  // Says the body has ended. Returns true when the closing boundary was seen and nothing failed;
  // otherwise false with error() set.
  bool finish();
  // Why reading failed; "" while nothing has.
  const std::string &error() const { return error_; }
  // True once the closing boundary has been read.
  bool complete() const { return state_ == State::kEpilogue; }

  // The boundary parameter of a "multipart/form-data; boundary=..." Content-Type value
  // (quoted or not, 1..70 characters); nullopt when the type is another or has none.
  static std::optional<std::string> boundary_from_content_type(std::string_view content_type);

 private:
  enum class State { kPreamble, kAfterBoundary, kHead, kBody, kEpilogue, kFailed };

  bool fail(std::string why);
  bool step();  // processes buffer_ as far as possible; false on failure
  bool parse_head(std::string_view block);

  std::string delimiter_;  // "\r\n--" + boundary
  PartListener &listener_;
  Limits limits_;
  State state_ = State::kPreamble;
  std::string buffer_;  // bytes received but not yet consumed
  std::size_t parts_ = 0;
  std::string error_;
};

}  // namespace lmp::httpd
