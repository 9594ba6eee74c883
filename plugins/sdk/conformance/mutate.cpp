#include "plugins/sdk/conformance/mutate.hpp"

#include <random>

namespace lmp::conformance {

namespace json = boost::json;

namespace {

// A document made of one huge string, and the length each string member is stretched to (long
// past any platform limit, short enough that hundreds of mutations stay quick under ASan).
constexpr size_t kHugeString = 1 << 20;
constexpr size_t kLongMember = 1 << 16;

// Values of the wrong type for any member: one of each JSON kind.
std::vector<std::pair<std::string, json::value>> wrong_values() {
  return {{"null", nullptr},     {"42", 42},   {"-1.5e308", -1.5e308},
          {"true", true},        {"\"\"", ""}, {"[]", json::array()},
          {"{}", json::object()}};
}

// Calls edit(path, slot) for each member of o and of its objects and arrays one level down.
template <class Edit>
void each_slot(json::object &o, const std::string &prefix, int depth, Edit &&edit) {
  for (auto &kv : o) {
    const std::string path = prefix + std::string(kv.key());
    edit(path, kv.value());
    if (depth == 0) continue;
    if (kv.value().is_object()) each_slot(kv.value().get_object(), path + ".", depth - 1, edit);
    if (kv.value().is_array()) {
      auto &a = kv.value().get_array();
      for (size_t i = 0; i < a.size(); ++i) {
        const std::string item = path + "[" + std::to_string(i) + "]";
        edit(item, a[i]);
        if (a[i].is_object()) each_slot(a[i].get_object(), item + ".", 0, edit);
      }
    }
  }
}

// Paths of the leaves each_slot visits, in its order.
std::vector<std::string> slot_paths(const json::value &request) {
  std::vector<std::string> paths;
  json::value copy = request;
  if (copy.is_object()) {
    each_slot(copy.get_object(), "", 1,
              [&](const std::string &p, json::value &) { paths.push_back(p); });
  }
  return paths;
}

// A copy of request with the slot at `target` replaced by f(slot).
template <class F>
json::value with_slot(const json::value &request, const std::string &target, F &&f) {
  json::value copy = request;
  each_slot(copy.get_object(), "", 1, [&](const std::string &p, json::value &v) {
    if (p == target) f(v);
  });
  return copy;
}

json::value without_member(const json::value &request, const std::string &key) {
  json::value copy = request;
  copy.get_object().erase(key);
  return copy;
}

}  // namespace

std::vector<Mutation> hopeless_inputs() {
  std::vector<Mutation> out = {
      {"an empty document", ""},
      {"a truncated object", "{\"account\":"},
      {"a lone brace", "}"},
      {"null", "null"},
      {"a number", "42"},
      {"a string", "\"publish\""},
      {"a boolean", "true"},
      {"an array", "[{\"account\":{}}]"},
      {"bytes that are not UTF-8", "\xff\xfe\x00{}"},
      {"text that is not JSON", "operation=publish&token=x"},
      {"a huge string", "\"" + std::string(kHugeString, 'a') + "\""},
  };
  out.push_back({"arrays nested 100000 deep", std::string(100000, '[') + std::string(100000, ']')});
  return out;
}

std::vector<Mutation> mutations_of(const json::value &request, int byte_mutations, uint32_t seed) {
  std::vector<Mutation> out;
  if (request.is_object()) {
    for (const auto &kv : request.get_object()) {
      out.push_back({"remove " + std::string(kv.key()),
                     json::serialize(without_member(request, std::string(kv.key())))});
    }
    for (const std::string &path : slot_paths(request)) {
      for (const auto &wrong : wrong_values()) {
        json::value v = with_slot(request, path, [&](json::value &slot) { slot = wrong.second; });
        out.push_back({"replace " + path + " with " + wrong.first, json::serialize(v)});
      }
      json::value huge = with_slot(request, path, [](json::value &slot) {
        if (slot.is_string()) slot = std::string(kLongMember, 'x');
      });
      if (huge != request)
        out.push_back({"make " + path + " a 64 KiB string", json::serialize(huge)});
    }
  }
  const std::string text = json::serialize(request);
  std::mt19937 rng(seed);
  for (int i = 0; i < byte_mutations && !text.empty(); ++i) {
    std::string t = text;
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits && !t.empty(); ++e) {
      const size_t at = rng() % t.size();
      switch (rng() % 3) {
        case 0:
          t[at] = static_cast<char>(rng() % 256);
          break;
        case 1:
          t.erase(at, 1 + rng() % 8);
          break;
        default:
          t.insert(at, 1, "{}[]\",:\\0\x80"[rng() % 10]);
      }
    }
    out.push_back(
        {"byte mutation #" + std::to_string(i + 1) + " (seed " + std::to_string(seed) + ")",
         std::move(t)});
  }
  return out;
}

}  // namespace lmp::conformance
