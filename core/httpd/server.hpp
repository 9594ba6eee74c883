// A small HTTP/1.1 server on 127.0.0.1 for the simulator, `letmepost serve` and the loopback
// servers of the tests. Asio and Beast stay inside core/httpd: this header shows none of them.
//
// Threading: the server runs `Options::threads` threads. Handlers, `Options::stream_for` and
// every BodyStream method may be called concurrently from several of them (one connection's
// calls never overlap), so anything they share must be synchronized. A handler that blocks
// holds one of those threads; use Response::delay to answer late without blocking.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/httpd/message.hpp"

namespace lmp::httpd {

// Receives one request's body piece by piece instead of buffering it (large uploads).
// Destroyed without finish() when the connection is lost before the body ends.
class BodyStream {
 public:
  virtual ~BodyStream();
  // Called once before any body byte is read. Returning false skips the body: finish() is
  // called at once and the connection is closed after its reply (e.g. 411 for a chunked body).
  virtual bool wants_body() { return true; }
  // Receives the next bytes of the (de-chunked) body, in order. Returning false stops reading:
  // finish() is called at once and the connection is closed after its reply.
  virtual bool on_chunk(std::string_view data) = 0;
  // Called once, after the last chunk or after reading stopped; its result is sent.
  virtual Response finish() = 0;
};

// Answers one request whose body has been read whole into Request::body.
using Handler = std::function<Response(const Request &)>;
// Looks at a request's head (Request::body empty) and returns a BodyStream to receive its
// body, or nullptr to have the body buffered and the request passed to the Handler. The head
// stays valid until the returned stream is destroyed.
using StreamFor = std::function<std::unique_ptr<BodyStream>(const Request &head)>;

struct ServerOptions {
  std::string address = "127.0.0.1";  // the address to bind
  std::uint16_t port = 0;             // 0 = any free port (see Server::port())
  int threads = 4;                    // threads serving connections
  // Largest body buffered for the Handler; a larger one is answered 413 and the connection
  // closed. Streamed bodies have no limit here.
  std::size_t body_limit = 32u << 20;
  // Optional: picks requests whose body is streamed.
  StreamFor stream_for{};
  // A connection with no request in progress for this long is closed.
  std::chrono::milliseconds idle_timeout{30000};
};

// An HTTP/1.1 server with keep-alive and concurrent connections. Requests it cannot parse are
// answered 400; a handler that throws gets 500 (the exception text is not sent).
// Every reply carries Content-Length (none for 1xx, 204, 304); a HEAD reply sends the headers
// the same GET would, without the body.
class Server {
 public:
  // Binds options.address:options.port at once (throws std::runtime_error if it cannot).
  explicit Server(Handler handler, ServerOptions options = {});
  Server(const Server &) = delete;
  Server &operator=(const Server &) = delete;
  // Stops the server (see stop()).
  ~Server();

  // The bound port (the chosen one when options.port was 0). Valid from construction.
  std::uint16_t port() const;
  // "http://ADDRESS:PORT", without a trailing slash.
  std::string base_url() const;
  // Starts accepting and serving on background threads. Calling it twice does nothing.
  void start();
  // Graceful stop: closes the listener at once, lets the requests already being read or
  // answered finish and get their replies (each with Connection: close), for at most `grace`,
  // then stop()s. Idempotent.
  void drain(std::chrono::milliseconds grace = std::chrono::seconds(30));
  // Closes the listener and every connection, waits for running handlers to return and joins
  // the threads. Idempotent; the server cannot be restarted.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lmp::httpd
