#include "core/model/post.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <utility>

#include "core/model/json_check.hpp"
#include "core/model/media_parse.hpp"

namespace lmp {

namespace json = boost::json;

namespace {

// A malformed_json error placed at byte `offset` of `text`, as a 1-based line and column.
Error malformed_json(std::string_view text, size_t offset, const std::string &why) {
  offset = std::min(offset, text.size());
  size_t line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  const size_t column = offset - line_start + 1;
  return make_error("validation.malformed_json", "The post is not valid JSON: " + why +
                                                     " at line " + std::to_string(line) +
                                                     ", column " + std::to_string(column) + ".");
}

bool blank(const std::string &text) {
  return std::all_of(text.begin(), text.end(),
                     [](unsigned char c) { return std::isspace(c) != 0; });
}

// The post's own accountId: absent, or present but unusable (already reported), or a value.
struct TopLevelAccount {
  bool written = false;
  std::optional<std::string> value;
};

TopLevelAccount read_top_level_account(const json::object &root, FieldChecker &checker) {
  TopLevelAccount account;
  account.written = FieldChecker::find(root, "accountId") != nullptr;
  account.value = checker.optional_string(root, "accountId", "");
  if (account.value && account.value->empty()) {
    checker.add("validation.required", "accountId must not be empty.", "accountId");
    account.value.reset();
  }
  return account;
}

// Reads a required, non-empty string; reports validation.required or validation.type.
std::optional<std::string> required_string(const json::object &object, std::string_view key,
                                           const std::string &prefix, FieldChecker &checker) {
  const std::string field = field_path(prefix, key);
  if (!FieldChecker::find(object, key)) {
    checker.add("validation.required", field + " is required.", field);
    return std::nullopt;
  }
  auto value = checker.optional_string(object, key, prefix);
  if (value && value->empty()) {
    checker.add("validation.required", field + " must not be empty.", field);
    return std::nullopt;
  }
  return value;
}

std::optional<Target> parse_target(const json::value &value, size_t index,
                                   const TopLevelAccount &top, FieldChecker &checker) {
  const std::string prefix = index_path("targets", index);
  const json::object *object = value.if_object();
  if (!object) {
    checker.wrong_type(value, prefix, "an object");
    return std::nullopt;
  }
  const size_t errors_before = checker.count();
  checker.reject_unknown(*object, prefix, "a target", {"platform", "accountId"});

  Target target;
  target.platform = required_string(*object, "platform", prefix, checker).value_or("");
  const std::string account_field = field_path(prefix, "accountId");
  if (FieldChecker::find(*object, "accountId")) {
    target.account_id = required_string(*object, "accountId", prefix, checker).value_or("");
  } else if (top.value) {
    target.account_id = *top.value;
    target.account_from_top_level = true;
  } else if (!top.written) {
    // A top-level accountId that was written but unusable is reported once, at accountId.
    checker.add("validation.required",
                account_field + " is required (on the target or at the top level of the post).",
                account_field);
  }
  if (checker.count() != errors_before) return std::nullopt;
  return target;
}

std::vector<Target> parse_targets(const json::object &root, const TopLevelAccount &top,
                                  FieldChecker &checker) {
  std::vector<Target> targets;
  const json::value *value = FieldChecker::find(root, "targets");
  if (value && !value->is_array()) {
    checker.wrong_type(*value, "targets", "an array");
    return targets;
  }
  if (!value || value->get_array().empty()) {
    checker.add("validation.no_targets",
                "The post has no targets: add at least one {\"platform\", \"accountId\"}.",
                "targets");
    return targets;
  }
  std::set<std::pair<std::string, std::string>> seen;
  const json::array &array = value->get_array();
  for (size_t i = 0; i < array.size(); ++i) {
    auto target = parse_target(array[i], i, top, checker);
    if (!target) continue;
    if (!seen.emplace(target->platform, target->account_id).second) {
      const std::string field = index_path("targets", i);
      checker.add("validation.duplicate_target",
                  field + " repeats platform \"" + target->platform + "\" with account \"" +
                      target->account_id + "\".",
                  field);
      continue;
    }
    targets.push_back(std::move(*target));
  }
  return targets;
}

std::vector<MediaItem> parse_media(const json::object &root, FieldChecker &checker) {
  std::vector<MediaItem> media;
  if (const json::array *array = checker.optional_array(root, "media", "")) {
    for (size_t i = 0; i < array->size(); ++i) {
      if (auto item = parse_media_item((*array)[i], i, checker)) media.push_back(std::move(*item));
    }
  }
  return media;
}

void check_text(const json::object &root, const std::optional<std::string> &text,
                FieldChecker &checker) {
  const json::value *media = FieldChecker::find(root, "media");
  const bool has_media = media && !(media->is_array() && media->get_array().empty());
  const bool text_mistyped = FieldChecker::find(root, "text") && !text;
  if (has_media || text_mistyped || (text && !blank(*text))) return;
  checker.add("validation.required", "text is required when the post has no media.", "text");
}

std::optional<TimePoint> parse_scheduled_at(const json::object &root, FieldChecker &checker) {
  const auto text = checker.optional_string(root, "scheduledAt", "");
  if (!text) return std::nullopt;
  auto when = parse_rfc3339(*text);
  if (!when) {
    checker.add("validation.invalid_time",
                "scheduledAt must be an RFC 3339 date-time with a zone, such as "
                "2026-12-01T09:00:00Z or 2026-12-01T10:00:00+01:00; got \"" +
                    *text + "\".",
                "scheduledAt");
  }
  return when;
}

}  // namespace

ParseResult parse_post(std::string_view json_text) {
  json::stream_parser parser;
  json::error_code ec;
  const size_t consumed = parser.write(json_text.data(), json_text.size(), ec);
  if (!ec) parser.finish(ec);
  if (ec) {
    ParseResult result;
    result.errors.push_back(malformed_json(json_text, consumed, ec.message()));
    return result;
  }
  return validate_post(parser.release());
}

ParseResult validate_post(const json::value &document) {
  ParseResult result;
  FieldChecker checker(result.errors);
  const json::object *root = document.if_object();
  if (!root) {
    checker.add("validation.type",
                "The post must be a JSON object, not " + json_type_name(document) + ".",
                std::nullopt);
    return result;
  }
  checker.reject_unknown(*root, "", "the post",
                         {"targets", "text", "media", "options", "scheduledAt", "accountId"});

  Post post;
  const TopLevelAccount top = read_top_level_account(*root, checker);
  post.targets = parse_targets(*root, top, checker);
  const auto text = checker.optional_string(*root, "text", "");
  post.media = parse_media(*root, checker);
  check_text(*root, text, checker);
  post.text = text.value_or("");
  if (const json::object *options = checker.optional_object(*root, "options", "")) {
    post.options = *options;
  }
  post.scheduled_at = parse_scheduled_at(*root, checker);
  post.raw = *root;

  if (result.errors.empty()) result.post = std::move(post);
  return result;
}

}  // namespace lmp
