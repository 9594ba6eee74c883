/*
** A tiny adapter for the platform "tiny", written in plain C99 against adapter.h. The good
** build is the second platform of the routing tests; the -D variants below are deliberately
** broken builds, one per loader error.
*/
#include <stdio.h>
#include <string.h>

#include "letmepost/adapter.h"

#ifndef TINY_PLATFORM
#define TINY_PLATFORM "tiny"
#endif
#ifndef TINY_NAME
#define TINY_NAME TINY_PLATFORM
#endif

static const lmp_host_api *host;
static int published;

static const char describe[] =
    "{\"name\":\"" TINY_NAME
    "\",\"displayName\":\"Tiny\",\"version\":\"1.2.3\","
    "\"sdkAbi\":\"1.0\",\"platforms\":[\"" TINY_PLATFORM
    "\"],\"concurrency\":\"serial\","
    "\"capabilities\":{\"operations\":[\"preflight\",\"publish\",\"map_error\"],"
    "\"text\":{\"maxChars\":20}},"
    "\"configSchema\":{\"type\":\"object\",\"additionalProperties\":false},"
    "\"errors\":{\"tiny.text_rejected\":{\"retryable\":false,\"description\":\"Rejected text.\"},"
    "\"tiny.publish_failed\":{\"retryable\":true,\"description\":\"Publish failed.\"}}}";

static int contains(const char *json, size_t len, const char *needle) {
  size_t n = strlen(needle), i;
  for (i = 0; i + n <= len; i++) {
    if (memcmp(json + i, needle, n) == 0) return 1;
  }
  return 0;
}

static void set_json(lmp_call *call, int error, const char *json) {
  if (error) {
    host->call_set_error(call, json, strlen(json));
  } else {
    host->call_set_result(call, json, strlen(json));
  }
}

static int tiny_create(const lmp_host_api *h, const char *config, size_t len, lmp_call *call,
                       lmp_instance **out) {
  (void)h;
#ifdef TINY_BAD_CREATE
  (void)config;
  (void)len;
  (void)out;
  set_json(call, 1,
           "{\"code\":\"config.unknown_key\",\"message\":\"unknown key 'colour'\","
           "\"field\":\"colour\",\"retryable\":false}");
  return LMP_ERROR;
#else
  static int instance_storage;
  (void)call;
  if (contains(config, len, "\"reject\"")) {
    set_json(call, 1,
             "{\"code\":\"config.unknown_key\",\"message\":\"unknown key 'reject'\","
             "\"field\":\"reject\",\"retryable\":false}");
    return LMP_ERROR;
  }
  *out = (lmp_instance *)&instance_storage;
  return LMP_OK;
#endif
}

static void tiny_destroy(lmp_instance *instance) {
  (void)instance;
}

static int tiny_preflight(lmp_instance *inst, lmp_call *call, const char *req, size_t len) {
  (void)inst;
  if (contains(req, len, "tiny-fail-preflight")) {
    set_json(call, 0,
             "{\"errors\":[{\"code\":\"tiny.text_rejected\",\"message\":\"Tiny rejects this "
             "text.\",\"field\":\"text\",\"retryable\":false}]}");
  } else {
    set_json(call, 0, "{\"errors\":[]}");
  }
  return LMP_OK;
}

static int tiny_publish(lmp_instance *inst, lmp_call *call, const char *req, size_t len) {
  char buf[160];
  (void)inst;
  if (contains(req, len, "tiny-fail-publish")) {
    set_json(call, 1,
             "{\"code\":\"tiny.publish_failed\",\"message\":\"Tiny is down.\","
             "\"retryable\":true,\"retryAfterMs\":1000}");
    return LMP_ERROR;
  }
  published++;
  snprintf(buf, sizeof buf, "{\"id\":\"tiny-%d\",\"url\":\"https://tiny.invalid/p/%d\"}", published,
           published);
  set_json(call, 0, buf);
  return LMP_OK;
}

static int tiny_map_error(lmp_instance *inst, lmp_call *call, const char *raw, size_t len) {
  (void)inst;
  (void)raw;
  (void)len;
  set_json(call, 1, "{\"code\":\"tiny.publish_failed\",\"message\":\"Tiny said no.\"}");
  return LMP_ERROR;
}

#ifdef TINY_UNRESOLVED
/* Defined nowhere: loading with RTLD_NOW must fail. */
extern int tiny_symbol_that_does_not_exist(void);
#endif

static lmp_adapter_v1 table;

static const lmp_adapter_v1 *make_table(const lmp_host_api *h) {
  host = h;
  memset(&table, 0, sizeof table);
  table.struct_size = sizeof(lmp_adapter_v1);
  table.abi_major = LMP_ABI_MAJOR;
  table.abi_minor = LMP_ABI_MINOR;
  table.describe_json = describe;
  table.create = tiny_create;
  table.destroy = tiny_destroy;
  table.preflight = tiny_preflight;
  table.publish = tiny_publish;
  table.map_error = tiny_map_error;
#ifdef TINY_HOST_TOO_OLD
  table.min_host_minor = LMP_ABI_MINOR + 1;
#endif
#ifdef TINY_TRUNCATED
  table.struct_size = (uint32_t)offsetof(lmp_adapter_v1, publish);
#endif
#ifdef TINY_NULL_CALLBACK
  table.publish = NULL;
#endif
#ifdef TINY_OTHER_MAJOR_TABLE
  table.abi_major = 2;
#endif
#ifdef TINY_UNRESOLVED
  if (tiny_symbol_that_does_not_exist()) return NULL;
#endif
#ifdef TINY_ENTRY_NULL
  return NULL;
#else
  return &table;
#endif
}

#if defined(TINY_NO_ENTRY)
/* Exports something, but not an entry point. */
LMP_EXPORT const lmp_adapter_v1 *not_the_entry(const lmp_host_api *h) {
  return make_table(h);
}
#elif defined(TINY_ABI2)
LMP_EXPORT const lmp_adapter_v1 *lmp_adapter_entry_v2(const lmp_host_api *h) {
  return make_table(h);
}
#else
LMP_EXPORT const lmp_adapter_v1 *lmp_adapter_entry_v1(const lmp_host_api *h) {
  return make_table(h);
}
#endif
