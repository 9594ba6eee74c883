// Progress lines: formatting of sizes, rates and ETA, and the throttle, on a fake clock.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/services/progress.hpp"

TEST_CASE("format_progress shows bytes, percentage, rate and time left", "[progress]") {
  CHECK(lmp::format_progress(12'500'000, 100'000'000, 3'200'000) ==
        "12.5 MB / 100.0 MB (12%)  3.2 MB/s  ETA 0:27");
  CHECK(lmp::format_progress(0, 2'000'000'000, 0) == "0 B / 2.0 GB (0%)  0 B/s");
  CHECK(lmp::format_progress(512, 0, 100) == "512 B  100 B/s");
  CHECK(lmp::format_progress(1'000'000'000, 1'000'000'000, 50'000'000) ==
        "1.0 GB / 1.0 GB (100%)  50.0 MB/s  ETA 0:00");
  CHECK(lmp::format_progress(0, 10'000'000'000, 1'000'000) ==
        "0 B / 10.0 GB (0%)  1.0 MB/s  ETA 2:46:40");
}

TEST_CASE("ProgressMeter reports the first update, then at most one per interval, and the end",
          "[progress]") {
  lmp::FakeClock clock;
  std::vector<std::string> lines;
  std::vector<bool> last;
  lmp::ProgressMeter meter(
      clock,
      [&](const std::string &l, bool end) {
        lines.push_back(l);
        last.push_back(end);
      },
      250);
  meter.update(0, 4'000'000);
  REQUIRE(lines.size() == 1);
  clock.advance(100);
  meter.update(100'000, 4'000'000);  // too soon: dropped
  CHECK(lines.size() == 1);
  clock.advance(150);
  meter.update(1'000'000, 4'000'000);  // 250 ms after the last line: 1 MB in 0.25 s
  REQUIRE(lines.size() == 2);
  CHECK(lines[1] == "1.0 MB / 4.0 MB (25%)  4.0 MB/s  ETA 0:01");
  clock.advance(10);
  meter.update(4'000'000, 4'000'000);  // the end is always shown, however soon
  REQUIRE(lines.size() == 3);
  CHECK(lines[2].rfind("4.0 MB / 4.0 MB (100%)", 0) == 0);
  clock.advance(1000);
  meter.update(4'000'000, 4'000'000);  // and only once
  CHECK(lines.size() == 3);
  CHECK(last == std::vector<bool>{false, false, true});

  // A small transfer (an API call) is not shown.
  meter.update(22, 22);
  CHECK(lines.size() == 3);

  // Less done than before: the next file, reported from its start.
  clock.advance(1000);
  meter.update(0, 2'000'000);
  REQUIRE(lines.size() == 4);
  CHECK(lines[3] == "0 B / 2.0 MB (0%)  0 B/s");
}
