# qosbed_program_test(NAME PROGRAM SCENARIO EXIT CODE [ARGS ARG...] [TIMEOUT SECONDS]
#                     [OUTPUT REGEX...] [ERROR REGEX...])
# A CTest test that runs `qosbed run --timeout SECONDS SCENARIO -- PROGRAM [ARGS]` (PROGRAM a
# target, or a command as it is; SCENARIO relative to the calling folder; SECONDS 30 unless given)
# and passes when it exits CODE, its standard output (the program's, which qosbed passes through)
# matches every OUTPUT regular expression and its standard error every ERROR one.
function(qosbed_program_test name program scenario)
  cmake_parse_arguments(PARSE_ARGV 3 arg "" "EXIT;TIMEOUT" "OUTPUT;ERROR;ARGS")
  if(NOT DEFINED arg_EXIT)
    message(FATAL_ERROR "qosbed_program_test(${name}): EXIT is required")
  endif()
  if(NOT arg_TIMEOUT)
    set(arg_TIMEOUT 30)
  endif()
  if(TARGET ${program})
    set(program $<TARGET_FILE:${program}>)
  endif()
  qosbed_expect_run(${name} ${arg_EXIT} "${arg_OUTPUT}" "${arg_ERROR}"
                    $<TARGET_FILE:qosbed> run --timeout ${arg_TIMEOUT}
                    ${CMAKE_CURRENT_SOURCE_DIR}/${scenario} -- ${program} ${arg_ARGS})
endfunction()

# qosbed_expect_run(NAME CODE OUTPUT_REGEXES ERROR_REGEXES COMMAND...): the test behind it, for
# any command.
function(qosbed_expect_run name code output error)
  qosbed_expect_run_command(test_command ${code} "${output}" "${error}" ${ARGN})
  add_test(NAME ${name} COMMAND ${test_command})
  set_tests_properties(${name} PROPERTIES TIMEOUT 60 LABELS program)
endfunction()

# qosbed_expect_run_command(VARIABLE CODE OUTPUT_REGEXES ERROR_REGEXES COMMAND...): sets VARIABLE
# to the command of such a test, for tests that start it otherwise (tests/win32/wine.cmake).
function(qosbed_expect_run_command variable code output error)
  # Lists travel to the script with | for ;, which no regular expression here uses.
  string(REPLACE ";" "|" command "${ARGN}")
  string(REPLACE ";" "|" output "${output}")
  string(REPLACE ";" "|" error "${error}")
  set(${variable}
      ${CMAKE_COMMAND} "-DCOMMAND=${command}" "-DEXIT=${code}" "-DOUTPUT=${output}"
      "-DERROR=${error}" -P ${PROJECT_SOURCE_DIR}/tests/win32/expect_run.cmake
      PARENT_SCOPE)
endfunction()
