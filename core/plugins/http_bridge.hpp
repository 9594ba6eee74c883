// Connects the host table's http_send to the host's libcurl client.
#pragma once

#include "core/plugins/call.hpp"
#include "core/services/http_client.hpp"

namespace lmp {

// An http_send that parses the request document and sends it with client on behalf of the call
// (its cancellation, progress and allowPrivateAddresses). client must outlive the function.
HttpSendFn make_http_send(HttpClient &client);

}  // namespace lmp
