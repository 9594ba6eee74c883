# letmepost_add_adapter(NAME SOURCES src... [OUTPUT_DIR dir])
# Builds an adapter as a MODULE library named NAME.so with hidden visibility, so the entry point
# (marked LMP_EXPORT) is the only exported symbol. Used in tree and by the installed SDK package.
function(letmepost_add_adapter name)
  cmake_parse_arguments(ARG "" "OUTPUT_DIR" "SOURCES" ${ARGN})
  add_library(${name} MODULE ${ARG_SOURCES})
  set_target_properties(${name} PROPERTIES
    PREFIX ""
    C_VISIBILITY_PRESET hidden
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  if(ARG_OUTPUT_DIR)
    set_target_properties(${name} PROPERTIES LIBRARY_OUTPUT_DIRECTORY ${ARG_OUTPUT_DIR})
  endif()
  if(TARGET letmepost::sdk)
    target_link_libraries(${name} PRIVATE letmepost::sdk)
  endif()
  # Unresolved symbols fail the link, not the user's load; sanitizer runtimes resolve late.
  if(NOT LMP_SANITIZE AND NOT CMAKE_CXX_FLAGS MATCHES "-fsanitize")
    target_link_options(${name} PRIVATE -Wl,--no-undefined)
  endif()
endfunction()
