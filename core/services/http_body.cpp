#include "core/services/http_body.hpp"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <memory>
#include <vector>

#include "core/net/url.hpp"
#include "core/services/http_request_fields.hpp"

namespace lmp {
namespace {

using http_fields::bad_request;
using http_fields::io_error;
using BodyResult = std::variant<HttpBody, HttpTransportError>;

struct FileCloser {
  void operator()(std::FILE *f) const { std::fclose(f); }
};

// The size of a readable regular file, or an io error.
std::variant<uint64_t, HttpTransportError> readable_file_size(const std::string &path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return io_error(path, "open", errno);
  struct stat st {};
  const int rc = ::fstat(fd, &st);
  const int saved = errno;
  ::close(fd);
  if (rc != 0) return io_error(path, "stat", saved);
  if (!S_ISREG(st.st_mode)) {
    return HttpTransportError{http_error_kind::kIo, "'" + path + "' is not a regular file"};
  }
  return static_cast<uint64_t>(st.st_size);
}

// Replaces, in place, every {"$base64File": PATH} inside `v` by the base64 of that file.
std::optional<HttpTransportError> embed_files(boost::json::value &v, const std::string &where) {
  if (v.is_array()) {
    auto &array = v.get_array();
    for (size_t i = 0; i < array.size(); ++i) {
      if (auto e = embed_files(array[i], where + "[" + std::to_string(i) + "]")) return e;
    }
    return std::nullopt;
  }
  if (!v.is_object()) return std::nullopt;
  auto &object = v.get_object();
  if (const auto *path = object.if_contains("$base64File")) {
    if (object.size() != 1 || !path->is_string()) {
      return bad_request("'" + where +
                         "': a $base64File object must hold just one string, the path");
    }
    std::string encoded;
    if (auto e = append_base64_of_file(std::string(path->get_string()), encoded)) return e;
    v = boost::json::string(encoded);
    return std::nullopt;
  }
  for (auto &kv : object) {
    if (auto e = embed_files(kv.value(), where + "." + std::string(kv.key()))) return e;
  }
  return std::nullopt;
}

std::optional<std::string> content_type_field(const boost::json::object &body, BodyResult *error) {
  const auto *v = body.if_contains("contentType");
  if (!v) return std::nullopt;
  if (!v->is_string() || v->get_string().empty()) {
    *error = bad_request("'body.contentType' must be a non-empty string");
    return std::nullopt;
  }
  return std::string(v->get_string());
}

BodyResult json_body(const boost::json::object &body) {
  if (auto k = http_fields::unknown_key(body, {"json", "contentType"})) {
    return bad_request("unknown key 'body." + *k + "'");
  }
  BodyResult error = HttpBody{};
  HttpBody out;
  out.kind = HttpBody::Kind::kBytes;
  out.content_type = content_type_field(body, &error).value_or("application/json");
  if (std::holds_alternative<HttpTransportError>(error)) return error;
  boost::json::value copy = body.at("json");
  if (auto e = embed_files(copy, "body.json")) return *e;
  out.bytes = boost::json::serialize(copy);
  return out;
}

BodyResult text_body(const boost::json::object &body) {
  if (auto k = http_fields::unknown_key(body, {"text", "contentType"})) {
    return bad_request("unknown key 'body." + *k + "'");
  }
  if (!body.at("text").is_string()) return bad_request("'body.text' must be a string");
  BodyResult error = HttpBody{};
  HttpBody out;
  out.kind = HttpBody::Kind::kBytes;
  out.content_type = content_type_field(body, &error).value_or("text/plain; charset=utf-8");
  if (std::holds_alternative<HttpTransportError>(error)) return error;
  out.bytes = std::string(body.at("text").get_string());
  return out;
}

BodyResult form_body(const boost::json::object &body) {
  if (auto k = http_fields::unknown_key(body, {"form"})) {
    return bad_request("unknown key 'body." + *k + "'");
  }
  if (!body.at("form").is_object()) return bad_request("'body.form' must be an object");
  HttpBody out;
  out.kind = HttpBody::Kind::kBytes;
  out.content_type = "application/x-www-form-urlencoded";
  for (const auto &kv : body.at("form").get_object()) {
    auto text = http_fields::scalar_text(kv.value());
    if (!text) {
      return bad_request("'body.form." + std::string(kv.key()) +
                         "' must be a string, number or boolean");
    }
    if (!out.bytes.empty()) out.bytes += '&';
    out.bytes += url_escape(kv.key()) + "=" + url_escape(*text);
  }
  return out;
}

std::optional<std::string> optional_string(const boost::json::object &o, std::string_view key,
                                           const std::string &where, BodyResult *error) {
  const auto *v = o.if_contains(key);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    *error = bad_request("'" + where + "." + std::string(key) + "' must be a string");
    return std::nullopt;
  }
  return std::string(v->get_string());
}

BodyResult multipart_body(const boost::json::object &body) {
  if (auto k = http_fields::unknown_key(body, {"multipart"})) {
    return bad_request("unknown key 'body." + *k + "'");
  }
  if (!body.at("multipart").is_array()) return bad_request("'body.multipart' must be an array");
  HttpBody out;
  out.kind = HttpBody::Kind::kMultipart;
  const auto &parts = body.at("multipart").get_array();
  for (size_t i = 0; i < parts.size(); ++i) {
    const std::string where = "body.multipart[" + std::to_string(i) + "]";
    if (!parts[i].is_object()) return bad_request("'" + where + "' must be an object");
    const auto &p = parts[i].get_object();
    if (auto k =
            http_fields::unknown_key(p, {"name", "value", "file", "filename", "contentType"})) {
      return bad_request("unknown key '" + where + "." + *k + "'");
    }
    BodyResult error = HttpBody{};
    HttpMultipartPart part;
    auto name = optional_string(p, "name", where, &error);
    part.file = optional_string(p, "file", where, &error);
    part.filename = optional_string(p, "filename", where, &error);
    part.content_type = optional_string(p, "contentType", where, &error);
    if (std::holds_alternative<HttpTransportError>(error)) return error;
    if (!name || name->empty()) return bad_request("'" + where + ".name' is required");
    part.name = *name;
    if (const auto *value = p.if_contains("value")) {
      part.value = http_fields::scalar_text(*value);
      if (!part.value) {
        return bad_request("'" + where + ".value' must be a string, number or boolean");
      }
    }
    if (part.value.has_value() == part.file.has_value()) {
      return bad_request("'" + where + "' needs exactly one of 'value' and 'file'");
    }
    if (part.file) {
      auto size = readable_file_size(*part.file);
      if (auto *e = std::get_if<HttpTransportError>(&size)) return *e;
    }
    out.parts.push_back(std::move(part));
  }
  return out;
}

BodyResult file_body(const boost::json::object &body) {
  if (auto k = http_fields::unknown_key(body, {"file", "offset", "length", "contentType"})) {
    return bad_request("unknown key 'body." + *k + "'");
  }
  if (!body.at("file").is_string() || body.at("file").get_string().empty()) {
    return bad_request("'body.file' must be a path");
  }
  BodyResult error = HttpBody{};
  HttpBody out;
  out.kind = HttpBody::Kind::kFile;
  out.file = std::string(body.at("file").get_string());
  out.content_type = content_type_field(body, &error).value_or("application/octet-stream");
  if (std::holds_alternative<HttpTransportError>(error)) return error;
  std::optional<int64_t> offset = 0, length;
  if (const auto *v = body.if_contains("offset")) offset = http_fields::integer(*v);
  if (!offset || *offset < 0) return bad_request("'body.offset' must be a non-negative integer");
  if (const auto *v = body.if_contains("length")) {
    length = http_fields::integer(*v);
    if (!length || *length < 0) return bad_request("'body.length' must be a non-negative integer");
  }
  auto size_or_error = readable_file_size(out.file);
  if (auto *e = std::get_if<HttpTransportError>(&size_or_error)) return *e;
  const uint64_t size = std::get<uint64_t>(size_or_error);
  out.offset = static_cast<uint64_t>(*offset);
  if (out.offset > size || (length && static_cast<uint64_t>(*length) > size - out.offset)) {
    return HttpTransportError{http_error_kind::kIo,
                              "'" + out.file + "' has " + std::to_string(size) +
                                  " bytes, fewer than offset + length asks for"};
  }
  out.length = length ? static_cast<uint64_t>(*length) : size - out.offset;
  return out;
}

}  // namespace

std::optional<HttpTransportError> append_base64_of_file(const std::string &path, std::string &out) {
  std::unique_ptr<std::FILE, FileCloser> f(std::fopen(path.c_str(), "rbe"));
  if (!f) return io_error(path, "open", errno);
  // A multiple of 3 so that only the last chunk can need padding.
  std::vector<unsigned char> in(3 * 16384);
  std::vector<unsigned char> encoded(4 * 16384 + 1);
  for (;;) {
    const size_t n = std::fread(in.data(), 1, in.size(), f.get());
    if (n > 0) {
      const int written = EVP_EncodeBlock(encoded.data(), in.data(), static_cast<int>(n));
      out.append(reinterpret_cast<const char *>(encoded.data()), static_cast<size_t>(written));
    }
    if (n < in.size()) break;
  }
  if (std::ferror(f.get())) return io_error(path, "read", errno);
  return std::nullopt;
}

std::variant<HttpBody, HttpTransportError> parse_http_body(const boost::json::value &body) {
  if (!body.is_object()) return bad_request("'body' must be an object");
  const auto &o = body.get_object();
  try {
    if (o.contains("json")) return json_body(o);
    if (o.contains("text")) return text_body(o);
    if (o.contains("form")) return form_body(o);
    if (o.contains("multipart")) return multipart_body(o);
    if (o.contains("file")) return file_body(o);
  } catch (const std::length_error &e) {
    return bad_request(std::string("body: ") + e.what());
  }
  return bad_request("'body' needs one of 'json', 'text', 'form', 'multipart' or 'file'");
}

}  // namespace lmp
