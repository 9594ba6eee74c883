/*
** An adapter built as if against another minor of ABI 1, for the append-only promise:
**  - MINOR_OLDER: the oldest layout (abi_minor 0, struct_size the 1.0 size), with bytes of
**    garbage right after its table, which a host must never read;
**  - MINOR_NEWER: a table of the next minor, the 1.0 members followed by members this host does
**    not know (a function that aborts if called, nonzero flags), which the host must ignore.
*/
#include <stdlib.h>
#include <string.h>

#include "letmepost/adapter.h"

static const lmp_host_api *host;

static const char describe[] =
    "{\"name\":\"minor\",\"displayName\":\"Minor\",\"version\":\"1.0.0\",\"platforms\":[\"minor\"],"
    "\"environments\":[\"production\"],"
    "\"concurrency\":\"serial\",\"capabilities\":{\"operations\":[\"preflight\",\"publish\","
    "\"map_error\"]},\"configSchema\":{\"type\":\"object\"},\"errors\":{\"minor.failed\":"
    "{\"retryable\":false,\"description\":\"Failed.\"}}}";

static void result(lmp_call *call, const char *json) {
  host->call_set_result(call, json, strlen(json));
}

static int minor_create(const lmp_host_api *h, const char *config, size_t len, lmp_call *call,
                        lmp_instance **out) {
  static int instance;
  (void)h;
  (void)config;
  (void)len;
  (void)call;
  *out = (lmp_instance *)&instance;
  return LMP_OK;
}

static void minor_destroy(lmp_instance *instance) {
  (void)instance;
}

static int minor_preflight(lmp_instance *inst, lmp_call *call, const char *req, size_t len) {
  (void)inst;
  (void)req;
  (void)len;
  result(call, "{\"errors\":[]}");
  return LMP_OK;
}

static int minor_publish(lmp_instance *inst, lmp_call *call, const char *req, size_t len) {
  (void)inst;
  (void)req;
  (void)len;
  result(call, "{\"id\":\"minor-1\",\"url\":null}");
  return LMP_OK;
}

static int minor_map_error(lmp_instance *inst, lmp_call *call, const char *raw, size_t len) {
  static const char e[] = "{\"code\":\"minor.failed\",\"message\":\"Failed.\",\"retryable\":false}";
  (void)inst;
  (void)raw;
  (void)len;
  host->call_set_error(call, e, strlen(e));
  return LMP_ERROR;
}

static void fill(lmp_adapter_v1 *t) {
  t->abi_major = LMP_ABI_MAJOR;
  t->describe_json = describe;
  t->create = minor_create;
  t->destroy = minor_destroy;
  t->preflight = minor_preflight;
  t->publish = minor_publish;
  t->map_error = minor_map_error;
}

#ifdef MINOR_NEWER
/* What a later minor's host would call; this host must not. */
static int future_operation(lmp_instance *inst, lmp_call *call, const char *req, size_t len) {
  (void)inst;
  (void)call;
  (void)req;
  (void)len;
  abort();
}

static struct {
  lmp_adapter_v1 v1;
  lmp_operation_fn future_operation;
  uint64_t future_flags;
} table;

LMP_EXPORT const lmp_adapter_v1 *lmp_adapter_entry_v1(const lmp_host_api *h) {
  host = h;
  fill(&table.v1);
  table.v1.struct_size = (uint32_t)sizeof table;
  table.v1.abi_minor = LMP_ABI_MINOR + 1;
  table.future_operation = future_operation;
  table.future_flags = ~(uint64_t)0;
  return &table.v1;
}
#else
static struct {
  lmp_adapter_v1 v1;
  unsigned char after[64];
} table;

LMP_EXPORT const lmp_adapter_v1 *lmp_adapter_entry_v1(const lmp_host_api *h) {
  host = h;
  memset(table.after, 0xff, sizeof table.after);
  fill(&table.v1);
  table.v1.struct_size = (uint32_t)LMP_ADAPTER_V1_MIN_SIZE;
  table.v1.abi_minor = 0;
  return &table.v1;
}
#endif
