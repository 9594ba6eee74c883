// Destination pages for the host's link checks: /dest/ok (200), /dest/404, /dest/500,
// /dest/status/{code}, /dest/redirect/{n} (a chain of n redirects ending at /dest/ok),
// /dest/redirect-loop, /dest/head-405 (HEAD refused, GET answered) and /dest/slow.
#include <charconv>

#include "plugins/pinterest/simulator/errors.hpp"
#include "plugins/pinterest/simulator/routes.hpp"

namespace lmp::sim {

namespace {

httpd::Response page(int status, const std::string &title) {
  return httpd::Response::text(status,
                               "<!doctype html>\n<html><head><title>" + title +
                                   "</title></head><body><h1>" + title +
                                   "</h1><p>A destination page of letmepost-pinterest-sim.</p>"
                                   "</body></html>\n",
                               "text/html; charset=utf-8");
}

int number(const std::string &text, int min, int max) {
  int v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || end != text.data() + text.size() || v < min || v > max) {
    throw ApiError(404, 404, "Not found.");
  }
  return v;
}

httpd::Response redirect(const std::string &location) {
  auto r = page(302, "Found");
  r.set_header("Location", location);
  return r;
}

httpd::Response redirect_chain(Call &call) {
  const int hops = number(call.param("hops"), 0, 100);
  return hops == 0 ? redirect("/dest/ok") : redirect("/dest/redirect/" + std::to_string(hops - 1));
}

httpd::Response slow(Call &call) {
  auto r = page(200, "Slow but fine");
  r.delay = call.sim.options.slow_page;
  return r;
}

}  // namespace

void add_destination_routes(Router &router) {
  auto fixed = [](int status, std::string title) {
    return [status, title](Call &) { return page(status, title); };
  };
  router.add({"GET", "/dest/ok", Category::kNone, false, {}, fixed(200, "OK")});
  router.add({"GET", "/dest/404", Category::kNone, false, {}, fixed(404, "Not Found")});
  router.add({"GET", "/dest/500", Category::kNone, false, {}, fixed(500, "Server Error")});
  router.add({"GET", "/dest/status/{code}", Category::kNone, false, {}, [](Call &call) {
                return page(number(call.param("code"), 200, 599), "Status " + call.param("code"));
              }});
  router.add({"GET", "/dest/redirect/{hops}", Category::kNone, false, {}, redirect_chain});
  router.add({"GET", "/dest/redirect-loop", Category::kNone, false, {}, [](Call &) {
                return redirect("/dest/redirect-loop");
              }});
  router.add({"HEAD", "/dest/head-405", Category::kNone, false, {}, [](Call &) {
                auto r = page(405, "Method Not Allowed");
                r.set_header("Allow", "GET");
                return r;
              }});
  router.add({"GET", "/dest/head-405", Category::kNone, false, {}, fixed(200, "GET only")});
  router.add({"GET", "/dest/slow", Category::kNone, false, {}, slow});
}

}  // namespace lmp::sim
