#include "core/model/error.hpp"

namespace lmp {

namespace json = boost::json;

json::object Error::to_json() const {
  json::object o;
  o["code"] = code;
  o["message"] = message;
  o["field"] = field ? json::value(*field) : json::value(nullptr);
  o["retryable"] = retryable;
  o["retryAfterMs"] = retry_after_ms ? json::value(*retry_after_ms) : json::value(nullptr);
  o["platform"] = platform;
  return o;
}

json::object Error::envelope() const {
  return json::object{{"error", to_json()}};
}

Error Error::from_json(const json::value &v) {
  const json::object *o = v.if_object();
  const json::string *code =
      o ? o->contains("code") ? o->at("code").if_string() : nullptr : nullptr;
  const json::string *msg =
      o ? o->contains("message") ? o->at("message").if_string() : nullptr : nullptr;
  if (!code || !msg || code->empty()) {
    return make_error("adapter.protocol_violation",
                      "The adapter reported an error without a string code and message.");
  }
  Error e;
  e.code = std::string(*code);
  e.message = std::string(*msg);
  if (auto it = o->find("field"); it != o->end() && it->value().is_string())
    e.field = std::string(it->value().get_string());
  if (auto it = o->find("retryable"); it != o->end() && it->value().is_bool())
    e.retryable = it->value().get_bool();
  if (auto it = o->find("retryAfterMs"); it != o->end() && it->value().is_number())
    e.retry_after_ms = it->value().to_number<int64_t>();
  if (auto it = o->find("platform"); it != o->end() && it->value().is_object())
    e.platform = it->value();
  return e;
}

Error make_error(std::string code, std::string message, std::optional<std::string> field,
                 bool retryable) {
  Error e;
  e.code = std::move(code);
  e.message = std::move(message);
  e.field = std::move(field);
  e.retryable = retryable;
  return e;
}

}  // namespace lmp
