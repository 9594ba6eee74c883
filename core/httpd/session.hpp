// One client connection of lmp::httpd::Server: reads requests, runs the handler, writes
// replies, with keep-alive. Private to core/httpd (it includes Beast).
#pragma once

#include <array>
#include <atomic>
#include <memory>
#include <optional>
#include <string>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/buffer_body.hpp>
#include <boost/beast/http/parser.hpp>

#include "core/httpd/server.hpp"

namespace lmp::httpd {

// What every connection of one server shares; immutable once serving starts, but for the
// counters of a drain.
struct ServerShared {
  Handler handler;
  ServerOptions options;
  mutable std::atomic<int> busy{0};           // requests read but not yet answered
  mutable std::atomic<bool> draining{false};  // replies close their connection
};

// Serves one accepted socket until the client or the server closes it. Keeps itself alive
// through the handlers of its pending operations (create with std::make_shared, then run()).
class Session : public std::enable_shared_from_this<Session> {
 public:
  // REQUIRES: `socket` runs on a strand of its own.
  Session(boost::asio::ip::tcp::socket socket, std::shared_ptr<const ServerShared> shared);
  // Starts reading the first request.
  void run();
  ~Session();

 private:
  void set_busy(bool busy);
  void read_head();
  void on_head(boost::beast::error_code ec);
  void start_body();
  void read_body();
  void on_body(boost::beast::error_code ec);
  void finish_request(bool body_complete);
  void reply(Response response, bool close_after);
  void write_reply();
  void on_written(boost::beast::error_code ec);
  void linger_close();
  void drain(std::size_t budget);
  void close();

  std::shared_ptr<const ServerShared> shared_;
  boost::beast::tcp_stream stream_;
  boost::asio::steady_timer timer_;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::buffer_body>> parser_;
  Request request_;
  std::unique_ptr<BodyStream> body_stream_;
  bool keep_alive_ = true;
  bool close_after_ = false;
  bool busy_ = false;  // counted in shared_->busy
  Response response_;
  std::string out_;
  std::array<char, 64 * 1024> chunk_{};
};

}  // namespace lmp::httpd
