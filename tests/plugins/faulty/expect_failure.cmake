# Runs the checker (CHECKER) on ADAPTER with FIXTURES and passes only when it exits non-zero and
# prints "FAIL RULE:", the rule the adapter was built to break.
execute_process(COMMAND ${CHECKER} ${ADAPTER} --fixtures ${FIXTURES}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}")
if(rc EQUAL 0)
  message(FATAL_ERROR "the checker passed ${ADAPTER}, which breaks ${RULE}")
endif()
string(FIND "${out}" "FAIL ${RULE}:" at)
if(at EQUAL -1)
  message(FATAL_ERROR "the checker failed ${ADAPTER} without naming the rule ${RULE}")
endif()
