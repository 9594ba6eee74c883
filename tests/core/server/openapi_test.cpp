// docs/openapi.yaml and the server agree: the same routes with the same methods, and a live
// answer of each endpoint has the required fields of its documented schema.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>

#include "core/server/api.hpp"
#include "serve_fixture.hpp"

namespace json = boost::json;
using lmp::test::kKeyAlpha;

namespace {

YAML::Node openapi() {
  return YAML::LoadFile(std::string(LMP_SOURCE_DIR) + "/docs/openapi.yaml");
}

std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::toupper(c); });
  return s;
}

// The schema a {$ref} names, or the node itself.
YAML::Node resolve(const YAML::Node &doc, YAML::Node schema) {
  while (schema["$ref"]) {
    const std::string ref = schema["$ref"].as<std::string>();  // "#/components/schemas/Name"
    schema = doc["components"]["schemas"][ref.substr(ref.rfind('/') + 1)];
  }
  if (schema["allOf"]) return resolve(doc, schema["allOf"][0]);
  return schema;
}

// Checks `value` has every required key of `schema`, recursively through objects and arrays.
void check_schema(const YAML::Node &doc, const YAML::Node &schema_in, const json::value &value,
                  const std::string &where) {
  const YAML::Node schema = resolve(doc, schema_in);
  if (value.is_null()) {
    INFO(where);
    const bool nullable = (schema["nullable"] && schema["nullable"].as<bool>()) ||
                          (schema_in["nullable"] && schema_in["nullable"].as<bool>());
    CHECK(nullable);
    return;
  }
  if (const json::object *o = value.if_object()) {
    for (const auto &req : schema["required"]) {
      INFO(where << " requires " << req.as<std::string>());
      CHECK(o->contains(req.as<std::string>()));
    }
    for (const auto &prop : schema["properties"]) {
      const std::string name = prop.first.as<std::string>();
      if (const json::value *v = o->if_contains(name)) {
        check_schema(doc, prop.second, *v, where + "." + name);
      }
    }
  } else if (const json::array *a = value.if_array()) {
    if (!schema["items"]) return;
    for (size_t i = 0; i < a->size(); ++i) {
      check_schema(doc, schema["items"], (*a)[i], where + "[" + std::to_string(i) + "]");
    }
  }
}

// The schema of `method path`'s `status` answer.
YAML::Node response_schema(const YAML::Node &doc, const std::string &path,
                           const std::string &method, int status) {
  YAML::Node response = doc["paths"][path][method]["responses"][std::to_string(status)];
  REQUIRE(response);
  if (response["$ref"]) {
    const std::string ref = response["$ref"].as<std::string>();
    response = doc["components"]["responses"][ref.substr(ref.rfind('/') + 1)];
  }
  return response["content"]["application/json"]["schema"];
}

}  // namespace

TEST_CASE("docs/openapi.yaml lists exactly the routes the server registers", "[server][docs]") {
  lmp::Config cfg;
  lmp::server::ApiDeps deps;
  deps.config = &cfg;
  lmp::server::Api api(deps);
  std::set<std::string> served;
  for (const auto &r : api.routes()) served.insert(r.method + " " + r.pattern);
  std::set<std::string> documented;
  for (const auto &path : openapi()["paths"]) {
    for (const auto &op : path.second) {
      const std::string method = op.first.as<std::string>();
      if (method == "parameters") continue;
      documented.insert(upper(method) + " " + path.first.as<std::string>());
    }
  }
  CHECK(served == documented);
}

TEST_CASE("each endpoint's answer has the fields its documented schema requires",
          "[server][docs]") {
  const YAML::Node doc = openapi();
  lmp::test::ServeFixture f;
  auto check = [&](const std::string &method, const std::string &pattern,
                   const lmp::test::HttpReply &reply) {
    INFO(method << " " << pattern << " -> " << reply.status << " " << reply.body);
    check_schema(doc, response_schema(doc, pattern, method, static_cast<int>(reply.status)),
                 reply.json(), method + " " + pattern);
  };
  auto created = f.call("POST", "/v1/posts", kKeyAlpha, f.image_post("acc_a", "Schema"));
  check("post", "/v1/posts", created);
  const std::string id(created.json().at("id").as_string());
  auto scheduled = f.call("POST", "/v1/posts", kKeyAlpha,
                          f.image_post("acc_a", "S", R"(,"scheduledAt":"2099-01-01T00:00:00Z")"));
  const std::string sid(scheduled.json().at("id").as_string());
  check("get", "/v1/posts", f.call("GET", "/v1/posts", kKeyAlpha));
  check("get", "/v1/posts/{id}", f.call("GET", "/v1/posts/" + id, kKeyAlpha));
  check("patch", "/v1/posts/{id}",
        f.call("PATCH", "/v1/posts/" + sid, kKeyAlpha, R"({"text":"T"})"));
  check("delete", "/v1/posts/{id}", f.call("DELETE", "/v1/posts/" + sid, kKeyAlpha));
  check("post", "/v1/posts/preflight",
        f.call("POST", "/v1/posts/preflight", kKeyAlpha, f.image_post("acc_a", "P")));
  check("post", "/v1/posts", f.call("POST", "/v1/posts", kKeyAlpha, R"({"targets":[]})"));
  check("get", "/v1/posts/{id}", f.call("GET", "/v1/posts/post_none", kKeyAlpha));
  check("get", "/v1/posts", f.call("GET", "/v1/posts", ""));
  check("get", "/v1/accounts", f.call("GET", "/v1/accounts", kKeyAlpha));
  check("get", "/v1/accounts/{id}/boards", f.call("GET", "/v1/accounts/acc_a/boards", kKeyAlpha));
  check("get", "/v1/plugins", f.call("GET", "/v1/plugins", kKeyAlpha));
  check("get", "/healthz", f.call("GET", "/healthz", ""));
  auto media = lmp::test::TestHttp::post_form(f.url + "/v1/media",
                                              {{"file", "", LMP_TEST_DATA_DIR "/media/image.jpg"}},
                                              lmp::test::bearer(kKeyAlpha));
  check("post", "/v1/media", media);
  const std::string media_id(media.json().at("mediaId").as_string());
  check("get", "/v1/media/{id}", f.call("GET", "/v1/media/" + media_id, kKeyAlpha));
  check("post", "/v1/media", f.call("POST", "/v1/media", kKeyAlpha, "{}"));
  auto metrics = f.call("GET", "/metrics", "");
  CHECK(metrics.status == 200);
  CHECK_THAT(metrics.header("Content-Type"), Catch::StartsWith("text/plain"));
}
