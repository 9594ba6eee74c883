#include "core/httpd/server.hpp"

#include <future>
#include <stdexcept>
#include <thread>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>

#include "core/httpd/session.hpp"

namespace lmp::httpd {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

struct Server::Impl {
  std::shared_ptr<const ServerShared> shared;
  // Owned through a pointer so stop() can destroy it: that destroys the pending operations and
  // with them every session and socket.
  std::unique_ptr<asio::io_context> io;
  std::optional<tcp::acceptor> acceptor;
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
  std::vector<std::thread> threads;
  std::string address;
  std::uint16_t port = 0;
  bool started = false;
  bool stopped = false;

  void accept() {
    acceptor->async_accept(asio::make_strand(*io),
                           [this](boost::system::error_code ec, tcp::socket socket) {
                             if (ec == asio::error::operation_aborted || !acceptor->is_open())
                               return;
                             if (!ec) std::make_shared<Session>(std::move(socket), shared)->run();
                             accept();
                           });
  }
};

Server::Server(Handler handler, ServerOptions options) : impl_(std::make_unique<Impl>()) {
  if (!handler) throw std::invalid_argument("lmp::httpd::Server needs a handler");
  if (options.threads < 1) options.threads = 1;
  impl_->address = options.address;
  impl_->io = std::make_unique<asio::io_context>(options.threads);
  boost::system::error_code ec;
  const auto address = asio::ip::make_address(options.address, ec);
  if (ec)
    throw std::runtime_error("cannot listen on address '" + options.address + "': " + ec.message());
  const tcp::endpoint endpoint(address, options.port);
  auto &acceptor = impl_->acceptor.emplace(*impl_->io);
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    throw std::runtime_error("cannot listen on " + options.address + ":" +
                             std::to_string(options.port) + ": " + ec.message());
  }
  impl_->port = acceptor.local_endpoint().port();
  auto shared = std::make_shared<ServerShared>();
  shared->handler = std::move(handler);
  shared->options = std::move(options);
  impl_->shared = std::move(shared);
}

Server::~Server() {
  stop();
}

std::uint16_t Server::port() const {
  return impl_->port;
}

std::string Server::base_url() const {
  const bool v6 = impl_->address.find(':') != std::string::npos;
  return "http://" + (v6 ? "[" + impl_->address + "]" : impl_->address) + ":" +
         std::to_string(impl_->port);
}

void Server::start() {
  if (impl_->started || impl_->stopped) return;
  impl_->started = true;
  impl_->work.emplace(impl_->io->get_executor());
  impl_->accept();
  const int threads = impl_->shared->options.threads;
  for (int i = 0; i < threads; ++i) {
    impl_->threads.emplace_back([io = impl_->io.get()] { io->run(); });
  }
}

void Server::drain(std::chrono::milliseconds grace) {
  if (impl_->stopped) return;
  if (impl_->started) {
    // The acceptor belongs to the io threads: close it there.
    std::promise<void> closed;
    asio::post(*impl_->io, [this, &closed] {
      boost::system::error_code ignored;
      impl_->acceptor->close(ignored);
      closed.set_value();
    });
    closed.get_future().wait();
    impl_->shared->draining = true;
    const auto deadline = std::chrono::steady_clock::now() + grace;
    while (impl_->shared->busy > 0 && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
  stop();
}

void Server::stop() {
  if (impl_->stopped) return;
  impl_->stopped = true;
  impl_->work.reset();
  impl_->io->stop();
  for (auto &thread : impl_->threads) thread.join();
  impl_->threads.clear();
  boost::system::error_code ignored;
  impl_->acceptor->close(ignored);
  impl_->acceptor.reset();
  impl_->io.reset();
}

}  // namespace lmp::httpd
