qosbed_test(test_runner runner_test.cpp)
target_link_libraries(test_runner PRIVATE qosbed_runner qosbed_scenario qosbed_report)
target_compile_definitions(test_runner PRIVATE QOSBED_SCENARIOS_DIR="${PROJECT_SOURCE_DIR}/scenarios")

# Every bundled scenario is a test of its own: `qosbed run` must pass it.
file(GLOB_RECURSE bundled_scenarios CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/scenarios/*.yaml)
foreach(file IN LISTS bundled_scenarios)
  file(RELATIVE_PATH name ${PROJECT_SOURCE_DIR}/scenarios ${file})
  if(name MATCHES "^invalid/")
    continue()
  endif()
  string(REGEX REPLACE "\\.yaml$" "" name ${name})
  add_test(NAME scenario/${name} COMMAND qosbed run ${file})
endforeach()

qosbed_test(test_cli cli_test.cpp)
target_link_libraries(test_cli PRIVATE qosbed_cli)

# A run recorded from its trace (sim/record) replays to the same trace.
qosbed_test(test_record record_test.cpp)
target_link_libraries(test_record PRIVATE qosbed_runner qosbed_scenario qosbed_report)
target_compile_definitions(test_record PRIVATE QOSBED_SOURCE_DIR="${PROJECT_SOURCE_DIR}")

# The scenario writer: values spelled as the language spells them, and every scripted scenario
# written and read back playing to its golden trace.
qosbed_test(test_scenario_writer scenario_writer_test.cpp)
target_link_libraries(test_scenario_writer PRIVATE qosbed_runner qosbed_scenario qosbed_report)
target_compile_definitions(test_scenario_writer PRIVATE QOSBED_SOURCE_DIR="${PROJECT_SOURCE_DIR}")

# `qosbed run --record`: a recording made through the command replays to the same trace.
qosbed_test(test_record_cli record_cli_test.cpp)
target_link_libraries(test_record_cli PRIVATE qosbed_cli)
target_compile_definitions(test_record_cli PRIVATE QOSBED_SOURCE_DIR="${PROJECT_SOURCE_DIR}")

# The live runner over a provider with events of its own, and its recording replayed.
qosbed_test(test_live_run live_run_test.cpp)
target_link_libraries(test_live_run PRIVATE qosbed_runner qosbed_scenario qosbed_report)

# Failure messages and what --strict adds to them.
qosbed_test(test_messages messages_test.cpp)
target_link_libraries(test_messages PRIVATE qosbed_cli)
target_compile_definitions(test_messages PRIVATE QOSBED_SOURCE_DIR="${PROJECT_SOURCE_DIR}")

# What the trace records say.
qosbed_test(test_traces traces_test.cpp)
target_link_libraries(test_traces PRIVATE qosbed_cli)

# `qosbed run --pcap`: the capture's packets against the trace, and its refusals.
qosbed_test(test_capture_cli capture_cli_test.cpp)
target_link_libraries(test_capture_cli PRIVATE qosbed_cli)
target_compile_definitions(test_capture_cli PRIVATE QOSBED_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
