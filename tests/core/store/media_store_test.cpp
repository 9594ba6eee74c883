#include <catch2/catch.hpp>

#include "core/store/sqlite_store.hpp"
#include "store_test_util.hpp"

namespace json = boost::json;
using lmp::MediaEntry;

namespace {

MediaEntry entry(const std::string &sha, const std::string &path, bool in_library) {
  MediaEntry e;
  e.sha256 = sha;
  e.id = lmp::media_id_for_sha256(sha);
  e.path = path;
  e.size = 1000;
  e.mtime_ns = 1'700'000'000'000'000'000;
  e.kind = "video";
  e.probe = json::parse(R"({"container": "mp4", "durationMs": 5000, "width": 1080})");
  e.created_at_ms = 10;
  e.in_library = in_library;
  return e;
}

const std::string kShaA(64, 'a');
const std::string kShaB(64, 'b');

}  // namespace

TEST_CASE("media ids come from the content's SHA-256", "[store]") {
  CHECK(lmp::media_id_for_sha256(kShaA) == "med_" + std::string(32, 'a'));
}

TEST_CASE("media entries are upserted and found by id, hash and unchanged path", "[store]") {
  lmp::store_test::TempDir dir;
  lmp::SqliteStore store(dir.path("state.db"));
  auto &media = store.media();
  MediaEntry a = entry(kShaA, "/videos/a.mp4", false);
  media.upsert(a);

  auto found = media.find(a.id);
  REQUIRE(found);
  CHECK(found->sha256 == kShaA);
  CHECK(found->path == "/videos/a.mp4");
  CHECK(found->size == 1000);
  CHECK(found->mtime_ns == a.mtime_ns);
  CHECK(found->kind == "video");
  CHECK(found->probe.at("durationMs") == 5000);
  CHECK_FALSE(found->in_library);
  CHECK(media.find_by_sha256(kShaA)->id == a.id);
  CHECK_FALSE(media.find_by_sha256(kShaB));

  CHECK(media.find_by_path("/videos/a.mp4", 1000, a.mtime_ns)->id == a.id);
  CHECK_FALSE(media.find_by_path("/videos/a.mp4", 1001, a.mtime_ns));  // changed: probe again
  CHECK_FALSE(media.find_by_path("/videos/a.mp4", 1000, a.mtime_ns + 1));
  CHECK_FALSE(media.find_by_path("/videos/other.mp4", 1000, a.mtime_ns));

  // Probed again after a touch: the entry is updated, its creation time kept.
  MediaEntry touched = a;
  touched.mtime_ns += 5;
  touched.created_at_ms = 99;
  touched.probe = nullptr;
  media.upsert(touched);
  found = media.find(a.id);
  CHECK(found->mtime_ns == a.mtime_ns + 5);
  CHECK(found->created_at_ms == 10);
  CHECK(found->probe.at("container") == "mp4");  // a missing probe keeps the stored one

  MediaEntry clash = entry(kShaA, "/x.mp4", false);
  clash.id = "med_other";
  CHECK_THROWS_AS(media.upsert(clash), lmp::StoreError);
}

TEST_CASE("a library entry stays in the library; list and delete", "[store]") {
  lmp::store_test::TempDir dir;
  lmp::SqliteStore store(dir.path("state.db"));
  auto &media = store.media();
  MediaEntry lib = entry(kShaA, "/lib/med_a.mp4", true);
  media.upsert(lib);
  MediaEntry in_place = entry(kShaA, "/home/u/a.mp4", false);
  in_place.mtime_ns = 42;
  media.upsert(in_place);
  auto found = media.find(lib.id);
  CHECK(found->in_library);
  CHECK(found->path == "/lib/med_a.mp4");
  CHECK(found->mtime_ns == lib.mtime_ns);

  MediaEntry other = entry(kShaB, "/home/u/b.jpg", false);
  other.kind = "image";
  other.created_at_ms = 20;
  media.upsert(other);
  auto all = media.list(false);
  REQUIRE(all.size() == 2);
  CHECK(all[0].id == lib.id);
  CHECK(all[1].id == other.id);
  auto library = media.list(true);
  REQUIRE(library.size() == 1);
  CHECK(library[0].id == lib.id);

  CHECK(media.remove(other.id));
  CHECK_FALSE(media.remove(other.id));
  CHECK_FALSE(media.find(other.id));
}

TEST_CASE("a platform upload is recorded per media and account", "[store]") {
  lmp::store_test::TempDir dir;
  lmp::SqliteStore store(dir.path("state.db"));
  auto &media = store.media();
  MediaEntry a = entry(kShaA, "/videos/a.mp4", true);
  media.upsert(a);
  CHECK_FALSE(media.platform_media(a.id, "acc"));

  media.put_platform_media({a.id, "acc", "5551234", "registered", 100});
  media.put_platform_media({a.id, "acc", "5551234", "succeeded", 200});
  auto up = media.platform_media(a.id, "acc");
  REQUIRE(up);
  CHECK(up->platform_media_id == "5551234");
  CHECK(up->state == "succeeded");
  CHECK(up->updated_at_ms == 200);
  CHECK_FALSE(media.platform_media(a.id, "acc2"));

  CHECK_THROWS_AS(media.put_platform_media({"med_unknown", "acc", "1", "registered", 1}),
                  lmp::StoreError);
  media.remove(a.id);  // uploads go with the entry
  media.upsert(a);
  CHECK_FALSE(media.platform_media(a.id, "acc"));
}
