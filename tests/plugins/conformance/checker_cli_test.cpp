// letmepost-adapter-check's command line: a fixture it cannot read stops it with status 2 and a
// message naming the file, before any rule runs.
#include <catch2/catch.hpp>

#include "support/process.hpp"
#include "support/scratch.hpp"

namespace {

struct CheckerRun {
  int status;
  std::string out, err;
};

CheckerRun run_checker(const lmp::test::Scratch &s, std::vector<std::string> args) {
  args.insert(args.begin(), std::string(LMP_BIN_DIR) + "/letmepost-adapter-check");
  lmp::test::ChildProcess child(std::move(args), {.stderr_path = s.path("stderr.log")});
  std::string out = child.read_all();
  const int status = child.wait();
  return {status, out, s.read("stderr.log")};
}

const std::string kGood = std::string(LMP_TEST_PLUGIN_DIR) + "/faulty/faulty-good.so";

}  // namespace

TEST_CASE("the checker refuses fixtures it cannot read, naming the file", "[conformance]") {
  lmp::test::Scratch s;
  s.write("cases/a/request.json", R"({"operation":"publish","request":{}})");
  s.write("cases/a/expected.json", R"({"result":{}})");

  SECTION("a conversation that is not JSON") {
    s.write("cases/a/conversation.json", "[{\"method\":");
    auto r = run_checker(s, {kGood, "--fixtures", s.path("cases")});
    CHECK(r.status == 2);
    CHECK(r.err.find(s.path("cases/a/conversation.json") + ": is not valid JSON") !=
          std::string::npos);
    CHECK(r.out.empty());
  }
  SECTION("an exchange whose url is not a regular expression") {
    s.write("cases/a/conversation.json", R"([{"method":"GET","url":"(","status":200}])");
    auto r = run_checker(s, {kGood, "--fixtures", s.path("cases")});
    CHECK(r.status == 2);
    CHECK(r.err.find("\"(\" is not a valid regular expression") != std::string::npos);
  }
  SECTION("an unknown operation") {
    s.write("cases/a/request.json", R"({"operation":"post_it","request":{}})");
    auto r = run_checker(s, {kGood, "--fixtures", s.path("cases")});
    CHECK(r.status == 2);
    CHECK(r.err.find("names the unknown operation \"post_it\"") != std::string::npos);
  }
  SECTION("no adapter") {
    auto r = run_checker(s, {});
    CHECK(r.status == 2);
    CHECK(r.err.find("usage: letmepost-adapter-check PATH.so [--fixtures DIR]") !=
          std::string::npos);
  }
}

TEST_CASE("the checker fails a file that is no adapter at negotiation", "[conformance]") {
  lmp::test::Scratch s;
  const std::string not_an_adapter = s.write("nothing.so", "not an ELF file").string();
  auto r = run_checker(s, {not_an_adapter});
  CHECK(r.status == 1);
  CHECK(r.out.find("FAIL negotiation: plugin.load_failed:") != std::string::npos);
}
