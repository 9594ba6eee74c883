// Turns a Pinterest (or S3 upload) error reply into a pinterest.* error object: status first,
// then Pinterest's `code`, `message_detail` and S3's XML <Code>. The same mapper serves
// map_error and every reply the adapter gets itself.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <string>

#include "plugins/pinterest/reply.hpp"

namespace pinterest {

// What the request that got the reply was about; it settles replies that do not say (a bare 404).
enum class Subject {
  kGeneral,    // anything; a 404 is pinterest.not_found unless the body names the object
  kPinCreate,  // POST /pins: a reply lost in transit may mean the pin exists
  kPin,        // GET or DELETE /pins/{id}: 404 is pinterest.pin.not_found
  kBoard,      // /boards/{id}...: 404 is pinterest.board.not_found
  kToken,      // POST /oauth/token refresh: 4xx means the refresh token is dead
  kCode,       // POST /oauth/token authorization_code: 4xx means the code was refused
};

// The error object for reply (which is not a 2xx, or had no reply at all). platform holds
// {httpStatus, code, message, requestId (x-pinterest-rid), raw}; a 429 carries retryAfterMs from
// the headers, else backoff_ms. now_ms reads reset times.
boost::json::object map_reply(const Reply &reply, Subject subject, int64_t now_ms,
                              int64_t backoff_ms);

// Builds a Reply from map_error's request document {status, headers, body}. Throws
// adapter.invalid_request when it is not that shape.
Reply reply_from_document(const boost::json::value &doc);

}  // namespace pinterest
