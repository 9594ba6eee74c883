#include "plugins/pinterest/simulator/yaml_json.hpp"

#include <charconv>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

namespace lmp::sim {

boost::json::value yaml_to_json(const YAML::Node &node) {
  switch (node.Type()) {
    case YAML::NodeType::Map: {
      boost::json::object out;
      for (const auto &item : node) out[item.first.as<std::string>()] = yaml_to_json(item.second);
      return out;
    }
    case YAML::NodeType::Sequence: {
      boost::json::array out;
      for (const auto &item : node) out.push_back(yaml_to_json(item));
      return out;
    }
    case YAML::NodeType::Scalar: {
      const std::string text = node.Scalar();
      if (node.Tag() == "!") return boost::json::value(text);  // quoted: always a string
      if (text == "true") return true;
      if (text == "false") return false;
      if (text == "null" || text == "~") return nullptr;
      long long number = 0;
      const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
      if (ec == std::errc{} && end == text.data() + text.size() && !text.empty()) return number;
      return boost::json::value(text);
    }
    default:
      return nullptr;
  }
}

}  // namespace lmp::sim
