# find_package(letmepost-sdk): the target letmepost::sdk (adapter.h, adapter.hpp; C++20) and the
# function letmepost_add_adapter(NAME SOURCES src... [OUTPUT_DIR dir]).
include(${CMAKE_CURRENT_LIST_DIR}/letmepost-sdk-targets.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/letmepost-adapter.cmake)
