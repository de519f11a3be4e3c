# The commands around a run: CI reporters, golden traces, explain, new, schema.
if(TARGET qosbed_cli)
  qosbed_test(test_ci_outputs ci_outputs_test.cpp)
  target_link_libraries(test_ci_outputs PRIVATE qosbed_cli)
  target_compile_definitions(test_ci_outputs PRIVATE
                             QOSBED_SOURCE_DIR="${PROJECT_SOURCE_DIR}")

  # Every bundled scenario's JSON trace must equal its golden trace in tests/golden, so that a
  # change in the emulator's behaviour shows up in review. After an intended change:
  #   qosbed run --golden tests/golden --update-golden scenarios/
  add_test(NAME golden_traces
           COMMAND qosbed run --golden ${CMAKE_CURRENT_SOURCE_DIR}/golden
                   ${PROJECT_SOURCE_DIR}/scenarios)

  qosbed_test(test_authoring authoring_test.cpp)
  target_link_libraries(test_authoring PRIVATE qosbed_cli)
  target_compile_definitions(test_authoring PRIVATE QOSBED_SOURCE_DIR="${PROJECT_SOURCE_DIR}")

  # `qosbed schema` checked with Debian's python3-jsonschema and python3-yaml (.ci/run installs
  # them); without them the test is left out, with a note.
  find_package(Python3 COMPONENTS Interpreter)
  if(Python3_FOUND)
    execute_process(COMMAND ${Python3_EXECUTABLE} -c "import jsonschema, yaml"
                    RESULT_VARIABLE python_modules_missing OUTPUT_QUIET ERROR_QUIET)
  endif()
  if(Python3_FOUND AND NOT python_modules_missing)
    add_test(NAME scenario_schema
             COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/schema_test.py
                     $<TARGET_FILE:qosbed> ${PROJECT_SOURCE_DIR}/scenarios)
  else()
    message(STATUS "qosbed: python3-jsonschema or python3-yaml missing: no scenario_schema test")
  endif()
endif()
