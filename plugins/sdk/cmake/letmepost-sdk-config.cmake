# find_package(letmepost-sdk): the target letmepost::sdk (adapter.h, adapter.hpp; C++20), the
# function letmepost_add_adapter(NAME SOURCES src... [OUTPUT_DIR dir]), and
# LETMEPOST_ADAPTER_CHECK, the conformance checker installed beside the host (for add_test).
include(${CMAKE_CURRENT_LIST_DIR}/letmepost-sdk-targets.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/letmepost-adapter.cmake)
find_program(LETMEPOST_ADAPTER_CHECK letmepost-adapter-check
  PATHS ${CMAKE_CURRENT_LIST_DIR}/../../../bin NO_DEFAULT_PATH)
