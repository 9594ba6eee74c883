/*
** The ABI freeze's subject: a shared object whose exported symbols reach every type of
** adapter.h, so abidw records them all. Built with -g by tests/sdk/abi_check.sh and compared
** with abidiff against adapter-v1.abi (the committed baseline).
**
** Macro values do not reach debug info, so those the ABI fixes are encoded as array sizes in
** lmp_abi_constants: changing one changes that struct's layout, which abidiff reports.
** LMP_ABI_MINOR is left out: a minor bump is the expected change.
*/
#include "letmepost/adapter.h"

struct lmp_abi_constants {
  char abi_major[LMP_ABI_MAJOR + 1];
  char ok[LMP_OK + 1];
  char error[LMP_ERROR + 1];
  char cancelled[LMP_CANCELLED + 1];
  char log_debug[LMP_LOG_DEBUG + 1];
  char log_info[LMP_LOG_INFO + 1];
  char log_warn[LMP_LOG_WARN + 1];
  char log_error[LMP_LOG_ERROR + 1];
  char adapter_v1_min_size[LMP_ADAPTER_V1_MIN_SIZE];
  char host_api_v1_min_size[LMP_HOST_API_V1_MIN_SIZE];
};

/* The entry point's exact type, as every adapter defines it. */
LMP_EXPORT const lmp_adapter_v1 *lmp_adapter_entry_v1(const lmp_host_api *host) {
  (void)host;
  return 0;
}

/* Reaches the types the entry point does not: the opaque handles, the operation and entry
** pointer types, and the constants. */
LMP_EXPORT int lmp_abi_types(lmp_call *call, lmp_instance *instance, lmp_http_response *response,
                             lmp_operation_fn operation, lmp_adapter_entry_v1_fn entry,
                             const struct lmp_abi_constants *constants) {
  return call != 0 && instance != 0 && response != 0 && operation != 0 && entry != 0 &&
         constants != 0;
}
