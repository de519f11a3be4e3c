# The qosbed command line.
add_library(qosbed_cli STATIC cli/arguments.cpp cli/scenario_files.cpp cli/main_command.cpp
                              cli/command_table.cpp
                              cli/run_command.cpp cli/validate_command.cpp cli/list_command.cpp
                              cli/explain.cpp cli/explain_requests.cpp cli/explain_command.cpp
                              cli/new_command.cpp
                              cli/schema.cpp cli/schema_command.cpp cli/scenario_runs.cpp cli/run_outputs.cpp
                              cli/picture_run.cpp cli/diagram_command.cpp cli/report_command.cpp
                              cli/compile.cpp cli/compile_command.cpp cli/explain_rsvp.cpp cli/explain_cause.cpp cli/explain_decisions.cpp
                              cli/explain_guaranteed.cpp
                              cli/winsock_run.cpp cli/behaviour_rules.cpp cli/coverage.cpp
                              cli/coverage_command.cpp cli/option_facts.cpp cli/man_page.cpp
                              cli/bash_completion.cpp cli/terminal.cpp cli/progress.cpp)
find_package(Threads REQUIRED)
target_link_libraries(qosbed_cli PUBLIC qosbed_runner qosbed_scenario qosbed_report
                                        Boost::program_options Threads::Threads)
if(WIN32)
  target_link_libraries(qosbed_cli PRIVATE qosbed_winsock)
else()
  target_sources(qosbed_cli PRIVATE cli/program_command.cpp cli/command_words.cpp)
  target_link_libraries(qosbed_cli PRIVATE qosbed_program)
endif()
qosbed_warnings(qosbed_cli)

add_executable(qosbed main.cpp)
target_link_libraries(qosbed PRIVATE qosbed_cli)
qosbed_warnings(qosbed)
# At the top of the build tree, where the README's commands find it.
set_target_properties(qosbed PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR})
target_compile_definitions(qosbed_cli PRIVATE QOSBED_VERSION="${PROJECT_VERSION}")

# The man page and the bash completion script, written from the command table by a program of the
# build (the same descriptions `qosbed COMMAND --help` prints), at the paths they install to below
# the prefix. Not for Windows, which has neither.
if(NOT WIN32)
  add_executable(qosbed_help_files cli/help_files_main.cpp)
  target_link_libraries(qosbed_help_files PRIVATE qosbed_cli)
  qosbed_warnings(qosbed_help_files)
  set(QOSBED_MAN_PAGE ${PROJECT_BINARY_DIR}/share/man/man1/qosbed.1 CACHE INTERNAL "")
  set(QOSBED_BASH_COMPLETION ${PROJECT_BINARY_DIR}/share/bash-completion/completions/qosbed
      CACHE INTERNAL "")
  add_custom_command(
    OUTPUT ${QOSBED_MAN_PAGE} ${QOSBED_BASH_COMPLETION}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/share/man/man1
            ${PROJECT_BINARY_DIR}/share/bash-completion/completions
    COMMAND qosbed_help_files man > ${QOSBED_MAN_PAGE}
    COMMAND qosbed_help_files bash-completion > ${QOSBED_BASH_COMPLETION}
    DEPENDS qosbed_help_files
    COMMENT "Writing the qosbed man page and bash completion"
    VERBATIM)
  add_custom_target(qosbed_help_files_written ALL DEPENDS ${QOSBED_MAN_PAGE}
                                                          ${QOSBED_BASH_COMPLETION})
endif()
