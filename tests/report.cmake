# The commands around a run: CI reporters, golden traces, diagram and report, explain, coverage,
# new, schema; and the JSON writer the traces are written with.
qosbed_test(test_json_writer json_writer_test.cpp)
target_link_libraries(test_json_writer PRIVATE qosbed_report)

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

  # The TAP report read by prove, its consumer (Debian's perl, in the base system): a failing
  # scenario named "fails # TODO later.yaml" must fail prove's run.
  find_package(Python3 REQUIRED COMPONENTS Interpreter)
  add_test(NAME tap_prove
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/tap_prove_test.py
                   $<TARGET_FILE:qosbed>)

  # The JUnit report validated by xmllint (Debian's libxml2-utils; missing, the test fails saying
  # so) against the Jenkins JUnit schema, kept in tests/junit-10.xsd.
  add_test(NAME junit_schema
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/junit_schema_test.py
                   $<TARGET_FILE:qosbed> ${CMAKE_CURRENT_SOURCE_DIR}/junit-10.xsd
                   ${PROJECT_SOURCE_DIR}/scenarios)
  set_tests_properties(junit_schema PROPERTIES TIMEOUT 120)

  qosbed_test(test_pictures pictures_test.cpp)
  target_link_libraries(test_pictures PRIVATE qosbed_cli)
  target_compile_definitions(test_pictures PRIVATE QOSBED_SOURCE_DIR="${PROJECT_SOURCE_DIR}")

  qosbed_test(test_authoring authoring_test.cpp)
  target_link_libraries(test_authoring PRIVATE qosbed_cli)
  target_compile_definitions(test_authoring PRIVATE QOSBED_SOURCE_DIR="${PROJECT_SOURCE_DIR}")

  qosbed_test(test_coverage coverage_test.cpp)
  target_link_libraries(test_coverage PRIVATE qosbed_cli)
  target_compile_definitions(test_coverage PRIVATE QOSBED_SOURCE_DIR="${PROJECT_SOURCE_DIR}")

  # `qosbed schema` checked with Debian's python3-jsonschema and python3-yaml, which the README's
  # first command and .ci/run install; without them the test fails saying which is missing.
  add_test(NAME scenario_schema
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/schema_test.py
                   $<TARGET_FILE:qosbed> ${PROJECT_SOURCE_DIR}/scenarios)

  # `qosbed coverage --format json` read back by Python's JSON parser, beside the table.
  add_test(NAME coverage_json
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/coverage_json_test.py
                   $<TARGET_FILE:qosbed> ${PROJECT_SOURCE_DIR}/scenarios)

  # The diagram's SVG and the report's HTML read back by Python's own XML and HTML parsers.
  add_test(NAME pictures_xml
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/pictures_xml_test.py
                   $<TARGET_FILE:qosbed> ${PROJECT_SOURCE_DIR}/scenarios)
  # The report rendered by headless Chromium (Debian's chromium, which the README's first command
  # and .ci/run install; missing, the test fails) shows the diagram.
  add_test(NAME report_render_chromium
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/render_test.py
                   $<TARGET_FILE:qosbed>
                   ${PROJECT_SOURCE_DIR}/scenarios/teaching/receiver-session.yaml)
  set_tests_properties(pictures_xml PROPERTIES TIMEOUT 120)
  set_tests_properties(report_render_chromium PROPERTIES TIMEOUT 240)
endif()
