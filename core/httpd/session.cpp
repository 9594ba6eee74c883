#include "core/httpd/session.hpp"

#include <algorithm>
#include <exception>
#include <utility>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/status.hpp>

namespace lmp::httpd {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

namespace {

// Large enough for any real client's head, small enough to refuse abuse.
constexpr std::uint32_t kHeaderLimit = 64 * 1024;
constexpr std::size_t kReadBuffer = 64 * 1024;
// How long and how much a closing connection keeps reading what the client still sends.
constexpr std::chrono::seconds kLingerTime{2};
constexpr std::size_t kLingerBytes = 16u << 20;

bool is_http_parse_error(const beast::error_code &ec) {
  return ec.category() == http::make_error_code(http::error::bad_version).category();
}

// Header names and values must not break the framing.
std::string strip_crlf(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c != '\r' && c != '\n') out.push_back(c);
  }
  return out;
}

bool status_has_body(int status) {
  return !(status < 200 || status == 204 || status == 304);
}

Response error_reply(int status, std::string text) {
  return Response::text(status, std::move(text) + "\n");
}

}  // namespace

BodyStream::~BodyStream() = default;

Session::Session(asio::ip::tcp::socket socket, std::shared_ptr<const ServerShared> shared)
    : shared_(std::move(shared)), stream_(std::move(socket)), timer_(stream_.get_executor()) {
  // Beast reads at most the buffer's free capacity at a time: give large bodies large reads.
  buffer_.reserve(kReadBuffer);
}

Session::~Session() {
  set_busy(false);
}

void Session::set_busy(bool busy) {
  if (busy == busy_) return;
  busy_ = busy;
  if (busy) {
    ++shared_->busy;
  } else {
    --shared_->busy;
  }
}

void Session::run() {
  asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read_head(); });
}

void Session::read_head() {
  parser_.emplace();
  parser_->header_limit(kHeaderLimit);
  parser_->body_limit(boost::none);  // enforced below: buffered bodies only
  body_stream_.reset();              // before the request it may refer to
  request_ = Request{};
  stream_.expires_after(shared_->options.idle_timeout);
  http::async_read_header(
      stream_, buffer_, *parser_,
      [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_head(ec); });
}

void Session::on_head(beast::error_code ec) {
  if (ec == http::error::end_of_stream || (ec && !is_http_parse_error(ec))) return close();
  set_busy(true);
  if (ec) {
    const int status = ec == http::error::header_limit ? 431 : 400;
    return reply(error_reply(status, "bad request: " + ec.message()), true);
  }
  const auto &head = parser_->get();
  request_.method = std::string(head.method_string());
  request_.target = std::string(head.target());
  const auto question = request_.target.find('?');
  request_.path = request_.target.substr(0, question);
  if (question != std::string::npos) request_.query = request_.target.substr(question + 1);
  for (const auto &field : head) {
    request_.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  }
  request_.chunked = parser_->chunked();
  if (auto length = parser_->content_length()) request_.content_length = *length;
  keep_alive_ = head.keep_alive() && head.version() >= 11;
  start_body();
}

void Session::start_body() {
  try {
    if (shared_->options.stream_for) body_stream_ = shared_->options.stream_for(request_);
    if (body_stream_ && !body_stream_->wants_body()) return finish_request(false);
  } catch (const std::exception &) {
    return reply(error_reply(500, "internal error"), true);
  }
  if (!body_stream_ && request_.content_length &&
      *request_.content_length > shared_->options.body_limit) {
    return reply(error_reply(413, "request body too large"), true);
  }
  if (parser_->is_done()) return finish_request(true);
  if (iequals(request_.header("Expect"), "100-continue")) {
    out_ = "HTTP/1.1 100 Continue\r\n\r\n";
    stream_.expires_never();
    asio::async_write(stream_, asio::buffer(out_),
                      [self = shared_from_this()](beast::error_code ec, std::size_t) {
                        if (ec) return self->close();
                        self->read_body();
                      });
    return;
  }
  read_body();
}

void Session::read_body() {
  auto &body = parser_->get().body();
  body.data = chunk_.data();
  body.size = chunk_.size();
  stream_.expires_after(shared_->options.idle_timeout);
  http::async_read_some(
      stream_, buffer_, *parser_,
      [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_body(ec); });
}

void Session::on_body(beast::error_code ec) {
  if (ec == http::error::need_buffer) ec = {};
  if (ec && !is_http_parse_error(ec)) return close();
  if (ec) return reply(error_reply(400, "bad request body: " + ec.message()), true);
  const std::size_t got = chunk_.size() - parser_->get().body().size;
  const std::string_view data(chunk_.data(), got);
  bool more = true;
  if (body_stream_) {
    try {
      more = data.empty() || body_stream_->on_chunk(data);
    } catch (const std::exception &) {
      return reply(error_reply(500, "internal error"), true);
    }
  } else if (request_.body.size() + data.size() > shared_->options.body_limit) {
    return reply(error_reply(413, "request body too large"), true);
  } else {
    request_.body.append(data);
  }
  if (!more) return finish_request(false);
  if (parser_->is_done()) return finish_request(true);
  read_body();
}

void Session::finish_request(bool body_complete) {
  Response response;
  try {
    response = body_stream_ ? body_stream_->finish() : shared_->handler(request_);
  } catch (const std::exception &) {
    response = error_reply(500, "internal error");
  }
  body_stream_.reset();
  reply(std::move(response), !body_complete);
}

void Session::reply(Response response, bool close_after) {
  response_ = std::move(response);
  close_after_ = close_after || !keep_alive_ || iequals(response_.header("Connection"), "close");
  if (response_.delay.count() > 0) {
    timer_.expires_after(response_.delay);
    stream_.expires_never();
    timer_.async_wait([self = shared_from_this()](beast::error_code ec) {
      if (ec) return self->close();
      self->write_reply();
    });
    return;
  }
  write_reply();
}

void Session::write_reply() {
  Response &r = response_;
  if (r.drop_connection) return close();
  const bool has_body = status_has_body(r.status);
  const bool head_only = request_.method == "HEAD";
  out_ = "HTTP/1.1 " + std::to_string(r.status) + " " +
         std::string(http::obsolete_reason(static_cast<http::status>(r.status))) + "\r\n";
  for (const auto &[name, value] : r.headers) {
    if (iequals(name, "Connection")) continue;
    out_ += strip_crlf(name) + ": " + strip_crlf(value) + "\r\n";
  }
  if (has_body && r.header("Content-Length").empty()) {
    out_ += "Content-Length: " + std::to_string(r.body.size()) + "\r\n";
  }
  std::size_t body_bytes = has_body && !head_only ? r.body.size() : 0;
  if (r.truncate_body_at) {
    body_bytes = std::min(body_bytes, *r.truncate_body_at);
    close_after_ = true;
  }
  if (shared_->draining) close_after_ = true;
  if (close_after_) out_ += "Connection: close\r\n";
  out_ += "\r\n";
  out_.append(r.body, 0, body_bytes);
  stream_.expires_never();
  asio::async_write(
      stream_, asio::buffer(out_),
      [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_written(ec); });
}

void Session::on_written(beast::error_code ec) {
  set_busy(false);
  if (ec) return close();
  if (close_after_) return linger_close();
  out_.clear();
  response_ = Response{};
  read_head();
}

void Session::linger_close() {
  // Closing a socket with unread input sends a reset, which can make the client lose the reply
  // it has not read yet; so half-close and drain what the client still sends, for a while.
  beast::error_code ignored;
  stream_.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
  stream_.expires_after(kLingerTime);
  drain(kLingerBytes);
}

void Session::drain(std::size_t budget) {
  stream_.async_read_some(asio::buffer(chunk_), [self = shared_from_this(), budget](
                                                    beast::error_code ec, std::size_t got) {
    if (ec || got >= budget) return self->close();
    self->drain(budget - got);
  });
}

void Session::close() {
  set_busy(false);
  beast::error_code ignored;
  timer_.cancel();
  stream_.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
  stream_.socket().close(ignored);
}

}  // namespace lmp::httpd
