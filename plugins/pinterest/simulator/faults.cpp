#include "plugins/pinterest/simulator/faults.hpp"

#include <yaml-cpp/yaml.h>

#include <boost/json/serialize.hpp>

#include "plugins/pinterest/simulator/errors.hpp"
#include "plugins/pinterest/simulator/router.hpp"
#include "plugins/pinterest/simulator/yaml_json.hpp"

namespace lmp::sim {

namespace {

const boost::json::value *field(const boost::json::object &o, const char *key) {
  const auto it = o.find(key);
  return it == o.end() ? nullptr : &it->value();
}

long long number(const boost::json::object &o, const char *key, long long min) {
  const auto *v = field(o, key);
  if (!v->is_int64() || v->as_int64() < min) {
    throw FaultError(std::string("fault '") + key +
                     "' must be a whole number >= " + std::to_string(min));
  }
  return v->as_int64();
}

bool flag(const boost::json::object &o, const char *key) {
  const auto *v = field(o, key);
  if (!v) return false;
  if (!v->is_bool()) throw FaultError(std::string("fault '") + key + "' must be true or false");
  return v->as_bool();
}

std::string text(const boost::json::value &v, const std::string &key) {
  if (!v.is_string()) throw FaultError("fault '" + key + "' must be a string");
  return std::string(v.as_string());
}

}  // namespace

std::string Fault::kind() const {
  std::string out;
  auto add = [&](const std::string &part) { out += (out.empty() ? "" : "+") + part; };
  if (drop) add("drop");
  if (status) add("status " + std::to_string(status));
  if (delay.count()) add("delay " + std::to_string(delay.count()) + "ms");
  if (truncate) add("truncate " + std::to_string(*truncate));
  if (malformed_json) add("malformed json");
  if (!headers.empty() && !status) add("headers");
  return out.empty() ? "none" : out;
}

Fault parse_fault(const boost::json::value &json) {
  if (!json.is_object()) throw FaultError("a fault must be a JSON object");
  const auto &o = json.as_object();
  static const char *known[] = {"route",  "method",   "path",          "count",
                                "status", "body",     "headers",       "delayMs",
                                "drop",   "truncate", "malformedJson", "afterHandler"};
  for (const auto &item : o) {
    if (std::find(std::begin(known), std::end(known), item.key()) == std::end(known)) {
      throw FaultError("unknown fault key '" + std::string(item.key()) + "'");
    }
  }
  Fault f;
  if (const auto *route = field(o, "route")) {
    const std::string r = text(*route, "route");
    const auto space = r.find(' ');
    if (space == std::string::npos) {
      f.path = r;
    } else {
      f.method = r.substr(0, space);
      f.path = r.substr(space + 1);
    }
  }
  if (const auto *m = field(o, "method")) f.method = text(*m, "method");
  if (const auto *p = field(o, "path")) f.path = text(*p, "path");
  if (f.path.empty() || f.path.front() != '/') {
    throw FaultError("a fault needs 'route' (\"POST /v5/pins\") or 'path' starting with '/'");
  }
  if (field(o, "count")) f.remaining = static_cast<int>(number(o, "count", 1));
  if (field(o, "status")) {
    f.status = static_cast<int>(number(o, "status", 100));
    if (f.status > 599) throw FaultError("fault 'status' must be 100 to 599");
  }
  if (const auto *b = field(o, "body")) {
    f.body = b->is_string() ? std::string(b->as_string()) : boost::json::serialize(*b);
  }
  if (const auto *h = field(o, "headers")) {
    if (!h->is_object()) throw FaultError("fault 'headers' must be an object of strings");
    for (const auto &item : h->as_object()) {
      f.headers.emplace_back(std::string(item.key()), text(item.value(), "headers"));
    }
  }
  if (field(o, "delayMs")) f.delay = std::chrono::milliseconds(number(o, "delayMs", 0));
  f.drop = flag(o, "drop");
  if (field(o, "truncate")) f.truncate = static_cast<std::size_t>(number(o, "truncate", 0));
  f.malformed_json = flag(o, "malformedJson");
  f.after_handler = flag(o, "afterHandler");
  if (f.body && !f.status) throw FaultError("fault 'body' needs 'status'");
  return f;
}

std::vector<Fault> load_scenario(const std::string &path) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::Exception &e) {
    throw FaultError(path + ": " + e.what());
  }
  std::vector<Fault> out;
  if (!root.IsMap() || !root["faults"] || !root["faults"].IsSequence()) {
    throw FaultError(path + ": a scenario is a mapping with a 'faults' list");
  }
  for (const auto &item : root["faults"]) {
    try {
      out.push_back(parse_fault(yaml_to_json(item)));
    } catch (const FaultError &e) {
      throw FaultError(path + ":" + std::to_string(item.Mark().line + 1) + ": " + e.what());
    }
  }
  return out;
}

boost::json::object fault_to_json(const Fault &f) {
  boost::json::object o{{"id", f.id},       {"method", f.method},
                        {"path", f.path},   {"remaining", f.remaining},
                        {"kind", f.kind()}, {"afterHandler", f.after_handler}};
  if (f.status) o["status"] = f.status;
  return o;
}

httpd::Response apply_fault(const Fault &fault, httpd::Response real) {
  httpd::Response r = std::move(real);
  if (fault.status) {
    if (fault.body) {
      const bool json =
          !fault.body->empty() && (fault.body->front() == '{' || fault.body->front() == '[');
      r = httpd::Response::text(fault.status, *fault.body,
                                json ? "application/json" : "text/plain; charset=utf-8");
    } else {
      r = pinterest_error(fault.status, fault.status == 429 ? 8 : fault.status,
                          fault.status == 429
                              ? msg::kRateLimited
                              : "Simulated fault: HTTP " + std::to_string(fault.status) + ".");
    }
  }
  for (const auto &[name, value] : fault.headers) r.set_header(name, value);
  if (fault.malformed_json) {
    // Half of the real body then a '<' can never be valid JSON, inside a string or not.
    r.body = r.body.substr(0, r.body.size() / 2) + "<html>not json";
  }
  r.delay = fault.delay;
  r.drop_connection = fault.drop;
  if (fault.truncate) r.truncate_body_at = fault.truncate;
  return r;
}

std::uint64_t Faults::add(Fault fault) {
  std::lock_guard lock(mutex_);
  fault.id = next_id_++;
  faults_.push_back(std::move(fault));
  return faults_.back().id;
}

std::optional<Fault> Faults::take(const std::string &method, const std::string &path) {
  std::lock_guard lock(mutex_);
  for (auto it = faults_.begin(); it != faults_.end(); ++it) {
    if (!it->method.empty() && it->method != method) continue;
    if (!match_pattern(it->path, path)) continue;
    Fault taken = *it;
    if (--it->remaining <= 0) faults_.erase(it);
    return taken;
  }
  return std::nullopt;
}

boost::json::array Faults::to_json() const {
  std::lock_guard lock(mutex_);
  boost::json::array out;
  for (const auto &f : faults_) out.push_back(fault_to_json(f));
  return out;
}

void Faults::clear() {
  std::lock_guard lock(mutex_);
  faults_.clear();
}

}  // namespace lmp::sim
