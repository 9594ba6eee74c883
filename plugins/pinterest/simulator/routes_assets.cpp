// Images the simulator serves, for image_url pins and the host's image checks:
// /media/demo.{jpg,png,webp}, /media/sized.jpg?bytes=N (the demo JPEG padded to N bytes) and
// the pins' image URLs /media/pins/{pin_id}/{item}/{size}.jpg. Single byte ranges are honoured.
#include <charconv>

#include "plugins/pinterest/simulator/embedded.hpp"
#include "plugins/pinterest/simulator/errors.hpp"
#include "plugins/pinterest/simulator/routes.hpp"

namespace lmp::sim {

namespace {

// Largest padded image /media/sized.jpg makes (it is built in memory).
constexpr std::size_t kMaxSized = 64u << 20;

std::optional<std::size_t> to_size(std::string_view text) {
  std::size_t v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return v;
}

// The whole body, or the part a "Range: bytes=A-B" header asks for (206).
httpd::Response image(const httpd::Request &request, std::string bytes, const char *type) {
  const std::string range = request.header("Range");
  const std::string prefix = "bytes=";
  if (range.rfind(prefix, 0) == 0 && range.find(',') == std::string::npos) {
    const std::string spec = range.substr(prefix.size());
    const auto dash = spec.find('-');
    const auto first = to_size(spec.substr(0, dash));
    std::optional<size_t> last;  // g++ -O2 misreads the ternary form as maybe-uninitialized
    if (dash != std::string::npos) last = to_size(spec.substr(dash + 1));
    if (first && *first < bytes.size()) {
      if (!last || *last >= bytes.size()) last = bytes.size() - 1;
      if (*last >= *first) {
        auto r = httpd::Response::text(206, bytes.substr(*first, *last - *first + 1), type);
        r.set_header("Content-Range", "bytes " + std::to_string(*first) + "-" +
                                          std::to_string(*last) + "/" +
                                          std::to_string(bytes.size()));
        r.set_header("Accept-Ranges", "bytes");
        return r;
      }
    }
    if (first) {
      auto r = httpd::Response::text(416, "", "text/plain");
      r.set_header("Content-Range", "bytes */" + std::to_string(bytes.size()));
      return r;
    }
  }
  auto r = httpd::Response::text(200, std::move(bytes), type);
  r.set_header("Accept-Ranges", "bytes");
  return r;
}

httpd::Response demo_jpeg(Call &call) {
  return image(call.request, std::string(embedded_demo_jpeg()), "image/jpeg");
}

httpd::Response sized_jpeg(Call &call) {
  const auto params = call.request.query_params();
  const auto it = params.find("bytes");
  std::optional<size_t> want;
  if (it != params.end()) want = to_size(it->second);
  std::string bytes(embedded_demo_jpeg());
  if (!want || *want < bytes.size() || *want > kMaxSized) {
    throw ApiError(400, 1,
                   "/media/sized.jpg needs ?bytes=N from " + std::to_string(bytes.size()) + " to " +
                       std::to_string(kMaxSized) + ".");
  }
  bytes.resize(*want, '\0');  // bytes after the JPEG's end marker are ignored by decoders
  return image(call.request, std::move(bytes), "image/jpeg");
}

}  // namespace

bool serves_image(std::string_view path) {
  return path == "/media/demo.jpg" || path == "/media/demo.png" || path == "/media/demo.webp" ||
         path == "/media/sized.jpg" || path.rfind("/media/pins/", 0) == 0;
}

void add_asset_routes(Router &router) {
  router.add({"GET", "/media/demo.jpg", Category::kNone, false, {}, demo_jpeg});
  router.add({"GET", "/media/demo.png", Category::kNone, false, {}, [](Call &call) {
                return image(call.request, std::string(embedded_demo_png()), "image/png");
              }});
  router.add({"GET", "/media/demo.webp", Category::kNone, false, {}, [](Call &call) {
                return image(call.request, std::string(embedded_demo_webp()), "image/webp");
              }});
  router.add({"GET", "/media/sized.jpg", Category::kNone, false, {}, sized_jpeg});
  router.add({"GET", "/media/pins/{pin_id}/{item}/{size}", Category::kNone, false, {}, demo_jpeg});
}

}  // namespace lmp::sim
