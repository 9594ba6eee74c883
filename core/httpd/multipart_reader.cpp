#include "core/httpd/multipart_reader.hpp"

#include <algorithm>

namespace lmp::httpd {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char &c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Reads the parameters of a header value such as `form-data; name="a"; filename="b.mp4"`.
// Quoted strings may hold "\"" escapes. Returns (lowercase name, value) pairs.
std::vector<std::pair<std::string, std::string>> header_params(std::string_view value) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t i = value.find(';');
  while (i != std::string_view::npos && i < value.size()) {
    ++i;  // past ';'
    while (i < value.size() && (value[i] == ' ' || value[i] == '\t')) ++i;
    const std::size_t eq = value.find('=', i);
    const std::size_t semi = value.find(';', i);
    if (eq == std::string_view::npos || (semi != std::string_view::npos && semi < eq)) {
      i = semi;
      continue;
    }
    const std::string name = lower(trim(value.substr(i, eq - i)));
    std::size_t j = eq + 1;
    while (j < value.size() && (value[j] == ' ' || value[j] == '\t')) ++j;
    std::string param;
    if (j < value.size() && value[j] == '"') {
      ++j;
      while (j < value.size() && value[j] != '"') {
        if (value[j] == '\\' && j + 1 < value.size()) ++j;
        param.push_back(value[j++]);
      }
      i = value.find(';', j);
    } else {
      const std::size_t end = value.find(';', j);
      param = std::string(trim(value.substr(j, end == std::string_view::npos ? end : end - j)));
      i = end;
    }
    out.emplace_back(name, std::move(param));
  }
  return out;
}

}  // namespace

MultipartReader::MultipartReader(std::string boundary, PartListener &listener, Limits limits)
    : delimiter_("\r\n--" + boundary), listener_(listener), limits_(limits) {
  // The first boundary may open the body without a preceding CRLF: pretend one came.
  buffer_ = "\r\n";
}

bool MultipartReader::fail(std::string why) {
  if (state_ != State::kFailed) error_ = std::move(why);
  state_ = State::kFailed;
  buffer_.clear();
  return false;
}

bool MultipartReader::feed(std::string_view data) {
  if (state_ == State::kFailed) return false;
  if (state_ == State::kEpilogue) return true;
  buffer_.append(data);
  return step();
}

bool MultipartReader::finish() {
  if (state_ == State::kFailed) return false;
  if (state_ != State::kEpilogue) {
    return fail("the body ended before the closing boundary \"--" + delimiter_.substr(4) + "--\"");
  }
  return true;
}

bool MultipartReader::step() {
  for (;;) {
    switch (state_) {
      case State::kPreamble:
      case State::kBody: {
        const std::size_t at = buffer_.find(delimiter_);
        // Everything that cannot be the start of a delimiter is part data (or preamble).
        const std::size_t safe =
            at != std::string::npos
                ? at
                : (buffer_.size() >= delimiter_.size() ? buffer_.size() - delimiter_.size() + 1
                                                       : 0);
        if (state_ == State::kBody && safe > 0 &&
            !listener_.on_part_data(std::string_view(buffer_).substr(0, safe))) {
          return fail("the listener stopped reading");
        }
        if (at == std::string::npos) {
          buffer_.erase(0, safe);
          return true;
        }
        if (state_ == State::kBody && !listener_.on_part_end()) {
          return fail("the listener stopped reading");
        }
        buffer_.erase(0, at + delimiter_.size());
        state_ = State::kAfterBoundary;
        break;
      }
      case State::kAfterBoundary: {
        if (buffer_.size() < 2) return true;
        if (buffer_.compare(0, 2, "--") == 0) {
          state_ = State::kEpilogue;
          buffer_.clear();
          return true;
        }
        // Transport padding (spaces, tabs) may follow a boundary before its CRLF.
        const std::size_t pad = buffer_.find_first_not_of(" \t");
        if (pad == std::string::npos) {
          if (buffer_.size() > 256) return fail("a boundary line does not end");
          return true;
        }
        if (buffer_.size() < pad + 2) return true;
        if (buffer_.compare(pad, 2, "\r\n") != 0) {
          return fail("a boundary is not followed by CRLF or \"--\"");
        }
        buffer_.erase(0, pad + 2);
        state_ = State::kHead;
        break;
      }
      case State::kHead: {
        if (buffer_.compare(0, 2, "\r\n") == 0) {  // a part with no header lines
          buffer_.erase(0, 2);
          if (!parse_head({})) return false;
          state_ = State::kBody;
          break;
        }
        const std::size_t end = buffer_.find("\r\n\r\n");
        if (end == std::string::npos) {
          if (buffer_.size() > limits_.max_head_bytes) {
            return fail("a part's headers are longer than " +
                        std::to_string(limits_.max_head_bytes) + " bytes");
          }
          return true;
        }
        if (end > limits_.max_head_bytes) {
          return fail("a part's headers are longer than " + std::to_string(limits_.max_head_bytes) +
                      " bytes");
        }
        const std::string block = buffer_.substr(0, end + 2);
        buffer_.erase(0, end + 4);
        if (!parse_head(block)) return false;
        state_ = State::kBody;
        break;
      }
      case State::kEpilogue:
        buffer_.clear();
        return true;
      case State::kFailed:
        return false;
    }
  }
}

bool MultipartReader::parse_head(std::string_view block) {
  if (++parts_ > limits_.max_parts) {
    return fail("more than " + std::to_string(limits_.max_parts) + " parts");
  }
  PartHead head;
  bool disposition = false;
  while (!block.empty()) {
    const std::size_t eol = block.find("\r\n");
    const std::string_view line = block.substr(0, eol);
    block = eol == std::string_view::npos ? std::string_view{} : block.substr(eol + 2);
    if (line.empty()) continue;
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      return fail("a part header line has no name: \"" + std::string(line.substr(0, 80)) + "\"");
    }
    const std::string name(trim(line.substr(0, colon)));
    const std::string_view value = trim(line.substr(colon + 1));
    head.headers.emplace_back(name, std::string(value));
    const std::string key = lower(name);
    if (key == "content-type") {
      head.content_type = std::string(value);
    } else if (key == "content-disposition") {
      if (lower(trim(value.substr(0, value.find(';')))) != "form-data") {
        return fail("a part's Content-Disposition is not form-data");
      }
      disposition = true;
      for (auto &[param, text] : header_params(value)) {
        if (param == "name") head.name = std::move(text);
        if (param == "filename") head.filename = std::move(text);
      }
    }
  }
  if (!disposition) return fail("a part has no Content-Disposition: form-data header");
  if (head.name.empty()) return fail("a part has no name");
  if (!listener_.on_part_begin(head)) return fail("the listener stopped reading");
  return true;
}

std::optional<std::string> MultipartReader::boundary_from_content_type(
    std::string_view content_type) {
  const std::string type = lower(trim(content_type.substr(0, content_type.find(';'))));
  if (type != "multipart/form-data") return std::nullopt;
  for (auto &[name, value] : header_params(content_type)) {
    if (name == "boundary") {
      if (value.empty() || value.size() > 70) return std::nullopt;
      return value;
    }
  }
  return std::nullopt;
}

}  // namespace lmp::httpd
