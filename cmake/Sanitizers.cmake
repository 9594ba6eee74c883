# ASan + UBSan for the clang build that CI runs beside the g++ one.
if(LMP_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

# With the fuzz targets on, every library is built with libFuzzer's coverage instrumentation so
# the code under test guides the fuzzer; only the fuzz executables link libFuzzer itself.
if(LMP_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "LMP_FUZZ needs clang (libFuzzer): CXX=clang++-14")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
