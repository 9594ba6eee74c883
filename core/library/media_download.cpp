#include "core/library/media_download.hpp"

#include <exception>

#include "core/net/url.hpp"

namespace lmp {

namespace json = boost::json;

ImportResult download_to_library(MediaLibrary &library, HttpClient &http, const std::string &url,
                                 const DownloadOptions &options) {
  auto parsed = parse_url(url);
  const std::string shown = parsed ? parsed->redacted() : std::string("the URL");
  auto failed = [&](const std::string &why) {
    return MediaError(
        make_error("media.download_failed", "Cannot download " + shown + ": " + why + "."));
  };
  const json::value request = json::object{{"method", "GET"},
                                           {"url", url},
                                           {"untrustedUrl", true},
                                           {"followRedirects", true},
                                           {"timeoutMs", options.timeout_ms}};
  return library.import_stream(
      [&](const ByteSink &write) {
        // The sink runs inside libcurl's callback: an exception must not cross it, so it is
        // kept and rethrown once the transfer has stopped.
        std::exception_ptr sink_error;
        const std::function<bool(std::string_view)> sink = [&](std::string_view bytes) {
          try {
            write(bytes);
            return true;
          } catch (...) {
            sink_error = std::current_exception();
            return false;
          }
        };
        HttpReply reply =
            http.fetch(request, sink, {}, options.progress, options.allow_private_addresses);
        if (sink_error) std::rethrow_exception(sink_error);
        if (reply.transport_error) throw failed(reply.transport_error->second);
        if (reply.status / 100 != 2) throw failed("it answered " + std::to_string(reply.status));
      },
      shown);
}

}  // namespace lmp
