/*
** letmepost adapter ABI, version 1 (frozen: docs/abi.md states the promise).
**
** A platform adapter is a shared library that exports one C function,
** lmp_adapter_entry_v1, which returns a static table of operations. The host
** (letmepost) hands the adapter a table of services. Everything crosses as
** plain C: fixed-size integers, pointers to opaque handles, and UTF-8 JSON
** strings with explicit lengths. The JSON documents of every operation are
** described in plugins/sdk/docs/abi-json.md.
**
** Conventions (they hold for every declaration below):
**  1. Only <stdint.h> and <stddef.h> types cross. No C++ type, no exception,
**     no allocator crosses. An exception escaping an adapter function
**     terminates the host: adapters must catch everything (adapter.hpp does).
**  2. Strings are (const char *, size_t) pairs, UTF-8, and are NOT required
**     to be NUL-terminated, except describe_json and host_version, which are.
**  3. Borrowed, never freed: every pointer one side hands the other stays
**     owned by the giver. Inputs are valid until the called function returns.
**     Outputs travel through host callbacks (call_set_result, call_set_error,
**     call_update_credentials), which copy what they are given.
**  4. Memory the host returns to an adapter (HTTP responses, cache values) is
**     valid until the operation that obtained it returns, or until it is
**     released earlier with http_release.
**  5. Every operation returns LMP_OK, LMP_ERROR (after call_set_error) or
**     LMP_CANCELLED. Any other value is read as LMP_ERROR with the code
**     adapter.protocol_violation.
**  6. Tables are versioned like SQLite's and libcurl's extension structs:
**     each begins with struct_size, abi_major and abi_minor. A minor version
**     only appends members; a reader treats members beyond struct_size as
**     NULL. A major version is a new entry point name (lmp_adapter_entry_v2).
**  7. Host services are thread-safe, but may only be called from inside an
**     operation on behalf of the lmp_call of that operation (or with a NULL
**     call where a member says so). Calling them after destroy is a bug.
**  8. Error objects are the inner object of letmepost's error envelope
**     (docs/errors.md): {code, message, field, retryable, retryAfterMs,
**     platform: {httpStatus, code, message, requestId, raw}}. Messages and
**     logs never contain credentials.
*/
#ifndef LETMEPOST_ADAPTER_H
#define LETMEPOST_ADAPTER_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The ABI this header describes. The major is in the entry point's name. */
#define LMP_ABI_MAJOR 1
#define LMP_ABI_MINOR 0

/* Return values of every operation and of the host's fallible services. */
#define LMP_OK 0
#define LMP_ERROR 1
#define LMP_CANCELLED 2

/* Log levels for lmp_host_api.log. */
#define LMP_LOG_DEBUG 0
#define LMP_LOG_INFO 1
#define LMP_LOG_WARN 2
#define LMP_LOG_ERROR 3

/* Marks the entry point as the only exported symbol of an adapter. */
#if defined(__GNUC__)
#define LMP_EXPORT __attribute__((visibility("default")))
#else
#define LMP_EXPORT
#endif

/* One operation in progress. Owned by the host; valid only during the
** operation it was passed to. Carries cancellation, deadline and outputs. */
typedef struct lmp_call lmp_call;

/* An adapter's own state, made by create and ended by destroy. Owned by the
** adapter; the host never looks inside. */
typedef struct lmp_instance lmp_instance;

/* A reply obtained through http_send. Owned by the host. */
typedef struct lmp_http_response lmp_http_response;

/*
** Services the host offers an adapter. Filled by the host and valid for as
** long as the library stays loaded. Members added by a later minor are read
** only after checking abi_minor (or struct_size).
*/
typedef struct lmp_host_api {
  uint32_t struct_size;     /* sizeof(lmp_host_api) as the host was built */
  uint32_t abi_major;       /* LMP_ABI_MAJOR of the host */
  uint32_t abi_minor;       /* LMP_ABI_MINOR of the host */
  uint32_t reserved;        /* zero */
  const char *host_version; /* NUL-terminated, e.g. "0.1.0"; static */

  /* --- Outputs of the current operation (the host copies the bytes) --- */

  /* Sets the operation's result document. A later call replaces it. */
  void (*call_set_result)(lmp_call *call, const char *json, size_t len);
  /* Sets the operation's error object (convention 8). A later call
  ** replaces it. The operation then returns LMP_ERROR. */
  void (*call_set_error)(lmp_call *call, const char *json, size_t len);
  /* Reports refreshed credentials (abi-json.md, "Credentials"). The host has
  ** stored them durably when this returns LMP_OK; an adapter whose platform
  ** rotates refresh tokens calls it before using the new token. */
  int (*call_update_credentials)(lmp_call *call, const char *json, size_t len);
  /* Reports progress of a long transfer in bytes; total 0 when unknown.
  ** Cheap enough to call per chunk. */
  void (*call_progress)(lmp_call *call, uint64_t done, uint64_t total);

  /* --- Cancellation and time --- */

  /* Nonzero once the host wants the operation to stop (user cancel,
  ** shutdown, deadline). The adapter then returns LMP_CANCELLED soon. */
  int (*call_is_cancelled)(const lmp_call *call);
  /* The wall-clock deadline of the operation in Unix ms, or 0 for none. */
  int64_t (*call_deadline_unix_ms)(const lmp_call *call);
  /* Wall-clock time in Unix ms (the host's clock; tests substitute it). */
  int64_t (*now_unix_ms)(void);
  /* A monotonic time in ms, for measuring intervals. */
  int64_t (*monotonic_ms)(void);
  /* Waits ms milliseconds. Returns LMP_OK, or LMP_CANCELLED as soon as the
  ** call is cancelled. Adapters never sleep on their own. */
  int (*sleep_ms)(lmp_call *call, int64_t ms);

  /* --- Logging --- */

  /* Logs one line. call may be NULL (inside create or destroy). The host
  ** adds the adapter, account and request id and redacts known secrets. */
  void (*log)(lmp_call *call, int level, const char *msg, size_t len);

  /* --- HTTP (abi-json.md, "http_send") --- */

  /* Sends one HTTP request described by JSON. Returns LMP_OK when a reply
  ** arrived (whatever its status), LMP_ERROR when none did (see http_error),
  ** LMP_CANCELLED when the call was cancelled. *out is set in the first two
  ** cases and stays valid per convention 4. */
  int (*http_send)(lmp_call *call, const char *request_json, size_t len, lmp_http_response **out);
  /* The reply's HTTP status, or 0 when no reply arrived. */
  int (*http_status)(const lmp_http_response *resp);
  /* Finds a reply header, case-insensitively. Returns 1 and sets *value and
  ** *value_len when present, 0 otherwise. */
  int (*http_header)(const lmp_http_response *resp, const char *name, size_t name_len,
                     const char **value, size_t *value_len);
  /* The reply body (possibly empty, never NULL) and its length. */
  const char *(*http_body)(const lmp_http_response *resp, size_t *len);
  /* When no reply arrived: a JSON object {"kind", "message"} naming the
  ** transport failure (abi-json.md lists the kinds). NULL otherwise. */
  const char *(*http_error)(const lmp_http_response *resp, size_t *len);
  /* Frees a reply before the operation ends (long polling loops). */
  void (*http_release)(lmp_http_response *resp);

  /* --- Cache, namespaced by the host per adapter and account --- */

  /* Looks a key up. Returns 1 and sets *value (valid per convention 4) when
  ** present and not expired, 0 otherwise. */
  int (*cache_get)(lmp_call *call, const char *key, size_t key_len, const char **value,
                   size_t *value_len);
  /* Stores a value for ttl_ms milliseconds (shared by every process using
  ** the same state database). Returns LMP_OK or LMP_ERROR. */
  int (*cache_put)(lmp_call *call, const char *key, size_t key_len, const char *value,
                   size_t value_len, int64_t ttl_ms);
  /* Removes a key (invalidation). Returns LMP_OK or LMP_ERROR. */
  int (*cache_remove)(lmp_call *call, const char *key, size_t key_len);
} lmp_host_api;

/* Signature shared by every operation that takes a request document. The
** request is valid until return; outputs go through call_set_result and
** call_set_error. */
typedef int (*lmp_operation_fn)(lmp_instance *instance, lmp_call *call, const char *request_json,
                                size_t len);

/*
** The adapter's table: static const data inside the adapter library, valid
** for as long as the library is loaded. Members marked "optional" may be
** NULL, meaning the adapter does not support that operation; describe_json's
** capabilities.operations must agree.
*/
typedef struct lmp_adapter_v1 {
  uint32_t struct_size;    /* sizeof(lmp_adapter_v1) as the adapter was built */
  uint32_t abi_major;      /* LMP_ABI_MAJOR the adapter was built against */
  uint32_t abi_minor;      /* LMP_ABI_MINOR the adapter was built against */
  uint32_t min_host_minor; /* the oldest host minor whose services it needs */
  uint32_t flags;          /* reserved, zero in 1.0 */
  uint32_t reserved;       /* zero */

  /* Required. NUL-terminated static JSON: name, displayName, version,
  ** platforms, environments, concurrency, capabilities, configSchema, errors
  ** (abi-json.md, "describe_json"). */
  const char *describe_json;

  /* Required. Makes the one instance of this adapter from its config
  ** section (JSON). Rejects unknown keys with config.* errors. On LMP_OK,
  ** *out is set; the instance lives until destroy. host stays valid for the
  ** library's lifetime. */
  int (*create)(const lmp_host_api *host, const char *config_json, size_t len, lmp_call *call,
                lmp_instance **out);
  /* Required. Ends an instance; no operation on it runs or follows. */
  void (*destroy)(lmp_instance *instance);

  /* Required. Checks a target request; the result lists every problem. */
  lmp_operation_fn preflight;
  /* Optional. Sends a target's media to the platform; the result names the
  ** platform's media ids. */
  lmp_operation_fn upload_media;
  /* Required. Creates the post; the result has its id and URL. */
  lmp_operation_fn publish;
  /* Required. Maps a raw platform reply {status, headers, body} to an error
  ** object, set with call_set_error. Pure: no host service but the outputs. */
  lmp_operation_fn map_error;

  /* Optional. Lists where the account may post (boards and sections). */
  lmp_operation_fn list_destinations;
  /* Optional. Builds the authorize URL for an OAuth connect. */
  lmp_operation_fn connect_begin;
  /* Optional. Exchanges an authorization code for credentials. */
  lmp_operation_fn connect_finish;
  /* Optional. Looks for a post the platform may have created already, to
  ** settle an attempt whose outcome is unknown. */
  lmp_operation_fn find_post;
  /* Optional. Removes a published post. */
  lmp_operation_fn delete_post;
  /* Optional. Tells whether an account's credentials work, and its scopes. */
  lmp_operation_fn check_account;
  /* Optional. Refreshes credentials ahead of expiry, reporting them through
  ** call_update_credentials. */
  lmp_operation_fn refresh_credentials;
} lmp_adapter_v1;

/* The size of the 1.0 layout: a table shorter than this is refused. */
#define LMP_ADAPTER_V1_MIN_SIZE \
  (offsetof(lmp_adapter_v1, refresh_credentials) + sizeof(lmp_operation_fn))

/* The size of the 1.0 host table: an adapter may rely on every member up to
** here on any 1.x host. */
#define LMP_HOST_API_V1_MIN_SIZE (offsetof(lmp_host_api, cache_remove) + sizeof(void *))

/* The entry point every adapter exports. Called once per load, with the
** host's services. Returns the adapter's static table, or NULL to refuse to
** load (after logging why through host->log with a NULL call). */
typedef const lmp_adapter_v1 *(*lmp_adapter_entry_v1_fn)(const lmp_host_api *host);
#define LMP_ADAPTER_ENTRY_V1_NAME "lmp_adapter_entry_v1"

#ifdef __cplusplus
}
#endif

#endif /* LETMEPOST_ADAPTER_H */
