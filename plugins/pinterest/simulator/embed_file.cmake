# cmake -DINPUT=FILE -DOUTPUT=FILE.cpp -DNAME=function -P embed_file.cmake
# Writes a C++ file whose function NAME() returns INPUT's bytes (declared in embedded.hpp).
file(READ "${INPUT}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "((0x..,){24})" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}.tmp"
"// Generated from ${INPUT} by embed_file.cmake. Do not edit.\n"
"#include \"plugins/pinterest/simulator/embedded.hpp\"\n\n"
"namespace lmp::sim {\n\nnamespace {\nconst unsigned char kBytes[] = {\n${bytes}};\n}  // namespace\n\n"
"std::string_view ${NAME}() {\n"
"  return {reinterpret_cast<const char *>(kBytes), sizeof kBytes};\n}\n\n}  // namespace lmp::sim\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
