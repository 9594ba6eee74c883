/*
** Locks the layout of the ABI v1 tables on x86_64: reordering or inserting a member fails this
** build. Compiled as C99 with -pedantic, which also proves the header is plain C.
*/
#include <stddef.h>

#include "letmepost/adapter.h"

#define LMP_ASSERT(name, cond) typedef char lmp_layout_##name[(cond) ? 1 : -1]

LMP_ASSERT(host_size, sizeof(lmp_host_api) == 176);
LMP_ASSERT(host_struct_size, offsetof(lmp_host_api, struct_size) == 0);
LMP_ASSERT(host_abi_major, offsetof(lmp_host_api, abi_major) == 4);
LMP_ASSERT(host_abi_minor, offsetof(lmp_host_api, abi_minor) == 8);
LMP_ASSERT(host_version, offsetof(lmp_host_api, host_version) == 16);
LMP_ASSERT(host_set_result, offsetof(lmp_host_api, call_set_result) == 24);
LMP_ASSERT(host_set_error, offsetof(lmp_host_api, call_set_error) == 32);
LMP_ASSERT(host_update_credentials, offsetof(lmp_host_api, call_update_credentials) == 40);
LMP_ASSERT(host_progress, offsetof(lmp_host_api, call_progress) == 48);
LMP_ASSERT(host_is_cancelled, offsetof(lmp_host_api, call_is_cancelled) == 56);
LMP_ASSERT(host_deadline, offsetof(lmp_host_api, call_deadline_unix_ms) == 64);
LMP_ASSERT(host_now, offsetof(lmp_host_api, now_unix_ms) == 72);
LMP_ASSERT(host_monotonic, offsetof(lmp_host_api, monotonic_ms) == 80);
LMP_ASSERT(host_sleep, offsetof(lmp_host_api, sleep_ms) == 88);
LMP_ASSERT(host_log, offsetof(lmp_host_api, log) == 96);
LMP_ASSERT(host_http_send, offsetof(lmp_host_api, http_send) == 104);
LMP_ASSERT(host_http_status, offsetof(lmp_host_api, http_status) == 112);
LMP_ASSERT(host_http_header, offsetof(lmp_host_api, http_header) == 120);
LMP_ASSERT(host_http_body, offsetof(lmp_host_api, http_body) == 128);
LMP_ASSERT(host_http_error, offsetof(lmp_host_api, http_error) == 136);
LMP_ASSERT(host_http_release, offsetof(lmp_host_api, http_release) == 144);
LMP_ASSERT(host_cache_get, offsetof(lmp_host_api, cache_get) == 152);
LMP_ASSERT(host_cache_put, offsetof(lmp_host_api, cache_put) == 160);
LMP_ASSERT(host_cache_remove, offsetof(lmp_host_api, cache_remove) == 168);
LMP_ASSERT(host_min_size, LMP_HOST_API_V1_MIN_SIZE == 176);

LMP_ASSERT(adapter_size, sizeof(lmp_adapter_v1) == 136);
LMP_ASSERT(adapter_struct_size, offsetof(lmp_adapter_v1, struct_size) == 0);
LMP_ASSERT(adapter_abi_major, offsetof(lmp_adapter_v1, abi_major) == 4);
LMP_ASSERT(adapter_abi_minor, offsetof(lmp_adapter_v1, abi_minor) == 8);
LMP_ASSERT(adapter_min_host_minor, offsetof(lmp_adapter_v1, min_host_minor) == 12);
LMP_ASSERT(adapter_flags, offsetof(lmp_adapter_v1, flags) == 16);
LMP_ASSERT(adapter_describe, offsetof(lmp_adapter_v1, describe_json) == 24);
LMP_ASSERT(adapter_create, offsetof(lmp_adapter_v1, create) == 32);
LMP_ASSERT(adapter_destroy, offsetof(lmp_adapter_v1, destroy) == 40);
LMP_ASSERT(adapter_preflight, offsetof(lmp_adapter_v1, preflight) == 48);
LMP_ASSERT(adapter_upload_media, offsetof(lmp_adapter_v1, upload_media) == 56);
LMP_ASSERT(adapter_publish, offsetof(lmp_adapter_v1, publish) == 64);
LMP_ASSERT(adapter_map_error, offsetof(lmp_adapter_v1, map_error) == 72);
LMP_ASSERT(adapter_list_destinations, offsetof(lmp_adapter_v1, list_destinations) == 80);
LMP_ASSERT(adapter_connect_begin, offsetof(lmp_adapter_v1, connect_begin) == 88);
LMP_ASSERT(adapter_connect_finish, offsetof(lmp_adapter_v1, connect_finish) == 96);
LMP_ASSERT(adapter_find_post, offsetof(lmp_adapter_v1, find_post) == 104);
LMP_ASSERT(adapter_delete_post, offsetof(lmp_adapter_v1, delete_post) == 112);
LMP_ASSERT(adapter_check_account, offsetof(lmp_adapter_v1, check_account) == 120);
LMP_ASSERT(adapter_refresh_credentials, offsetof(lmp_adapter_v1, refresh_credentials) == 128);
LMP_ASSERT(adapter_min_size, LMP_ADAPTER_V1_MIN_SIZE == 136);

/* Something to link, so the object is not empty. */
int lmp_abi_layout_checked(void) {
  return 1;
}
