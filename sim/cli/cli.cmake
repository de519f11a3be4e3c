# The qosbed command line.
add_library(qosbed_cli STATIC cli/arguments.cpp cli/scenario_files.cpp cli/main_command.cpp
                              cli/run_command.cpp cli/validate_command.cpp cli/list_command.cpp
                              cli/explain.cpp cli/explain_command.cpp cli/new_command.cpp
                              cli/schema_command.cpp cli/scenario_runs.cpp cli/run_outputs.cpp
                              cli/picture_run.cpp cli/diagram_command.cpp cli/report_command.cpp
                              cli/compile.cpp cli/compile_command.cpp cli/explain_rsvp.cpp
                              cli/winsock_run.cpp cli/behaviour_rules.cpp cli/coverage.cpp
                              cli/coverage_command.cpp)
find_package(Threads REQUIRED)
target_link_libraries(qosbed_cli PUBLIC qosbed_runner qosbed_scenario qosbed_report
                                        Boost::program_options Threads::Threads)
if(WIN32)
  target_link_libraries(qosbed_cli PRIVATE qosbed_winsock)
else()
  target_sources(qosbed_cli PRIVATE cli/program_command.cpp)
  target_link_libraries(qosbed_cli PRIVATE qosbed_program)
endif()
qosbed_warnings(qosbed_cli)

add_executable(qosbed main.cpp)
target_link_libraries(qosbed PRIVATE qosbed_cli)
qosbed_warnings(qosbed)
# At the top of the build tree, where the README's commands find it.
set_target_properties(qosbed PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR})
target_compile_definitions(qosbed_cli PRIVATE QOSBED_VERSION="${PROJECT_VERSION}")
