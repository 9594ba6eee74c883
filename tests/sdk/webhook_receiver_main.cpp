// letmepost-webhook-receiver: the loopback endpoint of the out-of-tree SDK test. Prints its URL,
// waits (at most 60 s) for one POST, then prints what it received, one "key value" per line,
// and exits 0 (1 when nothing came).
#include <chrono>
#include <iostream>
#include <thread>

#include "sdk/webhook_receiver.hpp"

int main() {
  lmp::test::WebhookReceiver hook;
  std::cout << "url " << hook.url() << std::endl;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (hook.received().empty()) {
    if (std::chrono::steady_clock::now() > deadline) return 1;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  const lmp::test::ReceivedPost post = hook.received().front();
  std::cout << "authorization " << post.authorization << "\n";
  std::cout << "multipart_error " << post.multipart_error << "\n";
  for (const auto &part : post.parts) {
    std::cout << "part " << part.name << " " << part.content_type << " " << part.data.size()
              << "\n";
  }
  std::cout << "end" << std::endl;
  return 0;
}
