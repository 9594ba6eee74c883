// The POST /v5/pins body for each kind of image pin, and board name resolution.
#include <catch2/catch.hpp>

#include "plugins/pinterest/boards.hpp"
#include "plugins/pinterest/connect.hpp"
#include "plugins/pinterest/errors.hpp"
#include "plugins/pinterest/pins.hpp"

namespace {

namespace json = boost::json;

json::value body_of(const std::string &request_members) {
  return pinterest::pin_body(pinterest::read_request("{" + request_members + "}"), "42");
}

}  // namespace

TEST_CASE("an image pin by URL", "[pinterest][pins]") {
  json::value b = body_of(R"("text":"Desc","options":{"boardId":"1","boardSectionId":"7",
      "title":"T","destinationUrl":"https://letmepost.dev","altText":"Alt"},
      "media":[{"type":"image","url":"https://e.com/a.jpg"}])");
  CHECK(b == json::parse(R"({"board_id":"42","board_section_id":"7","title":"T",
      "description":"Desc","link":"https://letmepost.dev","alt_text":"Alt",
      "media_source":{"source_type":"image_url","url":"https://e.com/a.jpg"}})"));
}

TEST_CASE("an image pin from a local file is embedded by the host", "[pinterest][pins]") {
  json::value b = body_of(R"("media":[{"type":"image","path":"/m/a.png",
      "contentType":"image/png","sizeBytes":5,"altText":"From the item"}])");
  CHECK(b == json::parse(R"({"board_id":"42","alt_text":"From the item",
      "media_source":{"source_type":"image_base64","content_type":"image/png",
                      "data":{"$base64File":"/m/a.png"}}})"));
}

TEST_CASE("carousels carry per-image title and link", "[pinterest][pins]") {
  json::value urls = body_of(R"("text":"D","media":[
      {"type":"image","url":"https://e.com/1.jpg","title":"One","link":"https://e.com/1",
       "altText":"first"},
      {"type":"image","url":"https://e.com/2.jpg"}])");
  CHECK(urls == json::parse(R"({"board_id":"42","description":"D","alt_text":"first",
      "media_source":{"source_type":"multiple_image_urls","items":[
        {"url":"https://e.com/1.jpg","title":"One","link":"https://e.com/1"},
        {"url":"https://e.com/2.jpg"}]}})"));
  json::value files = body_of(R"("media":[
      {"type":"image","path":"/m/1.jpg","contentType":"image/jpeg","title":"One"},
      {"type":"image","path":"/m/2.png","contentType":"image/png"}])");
  CHECK(files.at("media_source") == json::parse(R"({"source_type":"multiple_image_base64",
      "items":[{"content_type":"image/jpeg","data":{"$base64File":"/m/1.jpg"},"title":"One"},
               {"content_type":"image/png","data":{"$base64File":"/m/2.png"}}]})"));
}

TEST_CASE("pin URLs", "[pinterest][pins]") {
  CHECK(pinterest::pin_url("999") == "https://www.pinterest.com/pin/999/");
}

TEST_CASE("board names resolve to one id, or list the candidates", "[pinterest][boards]") {
  const std::vector<pinterest::Board> boards = {{"1", "letmepost demo", "PUBLIC"},
                                                {"2", "Recipes", "PUBLIC"},
                                                {"3", "Recipes", "SECRET"},
                                                {"4", "Travel", "PUBLIC"}};
  auto resolve = [&](const std::string &options, json::array &problems) {
    return pinterest::resolve_board(
        boards, pinterest::read_request(R"({"options":)" + options + "}").options, "acc", problems);
  };
  json::array problems;
  CHECK(resolve(R"({"boardName":"Travel"})", problems)->id == "4");
  CHECK(resolve(R"({"boardName":"LETMEPOST DEMO"})", problems)->id == "1");
  CHECK(resolve(R"({"boardId":"3","boardName":"Travel"})", problems)->id == "3");
  CHECK(problems.empty());

  CHECK_FALSE(resolve(R"({"boardName":"Recipes"})", problems));
  REQUIRE(problems.size() == 1);
  CHECK(pinterest::code_of(problems[0].as_object()) == "pinterest.board.ambiguous_name");
  CHECK(problems[0].at("field") == "options.boardName");
  CHECK(problems[0].at("message") ==
        "2 boards are named \"Recipes\": \"Recipes\" (2, PUBLIC), \"Recipes\" (3, SECRET). Set "
        "options.boardId to one of these ids.");

  problems.clear();
  CHECK_FALSE(resolve(R"({"boardId":"9"})", problems));
  CHECK_FALSE(resolve(R"({"boardName":"Nope"})", problems));
  REQUIRE(problems.size() == 2);
  CHECK(pinterest::code_of(problems[0].as_object()) == "pinterest.board.not_found");
  CHECK(problems[0].at("field") == "options.boardId");
  CHECK(problems[1].at("field") == "options.boardName");

  problems.clear();
  pinterest::check_section({{"11", "Ideas"}}, boards[0], "11", problems);
  CHECK(problems.empty());
  pinterest::check_section({{"11", "Ideas"}}, boards[0], "12", problems);
  REQUIRE(problems.size() == 1);
  CHECK(pinterest::code_of(problems[0].as_object()) == "pinterest.section.not_found");
  CHECK(problems[0].at("field") == "options.boardSectionId");
}

TEST_CASE("the authorize URL follows the account's environment", "[pinterest][connect]") {
  auto begin = [](const std::string &account) {
    return pinterest::connect_begin(pinterest::read_request(
        R"({"state":"s t","redirectUri":"http://127.0.0.1:8765/callback",
            "credentials":{"clientId":"1234"},"account":)" +
        account + "}"));
  };
  CHECK(begin(R"({"id":"a","environment":"production"})").at("authorizeUrl") ==
        "https://www.pinterest.com/oauth/?client_id=1234&redirect_uri=http%3A%2F%2F127.0.0.1%"
        "3A8765%2Fcallback&response_type=code&scope=boards%3Aread%2Cboards%3Awrite%2Cpins%3Aread%"
        "2Cpins%3Awrite%2Cuser_accounts%3Aread&state=s%20t");
  CHECK(begin(R"({"id":"a","environment":"sandbox"})")
            .at("authorizeUrl")
            .as_string()
            .starts_with("https://www.pinterest.com/oauth/?client_id=1234&"));
  CHECK(begin(R"({"id":"a","environment":"sandbox","apiBaseUrl":"http://127.0.0.1:4000/v5"})")
            .at("authorizeUrl")
            .as_string()
            .starts_with("http://127.0.0.1:4000/oauth/?client_id=1234&"));
  CHECK_THROWS(pinterest::connect_begin(
      pinterest::read_request(R"({"state":"s","redirectUri":"http://x/cb","credentials":{}})")));
}
