# `qosbed help`, and the man page and bash completion written from the same option descriptions:
# rendered by groff and man, loaded and run by bash, installed by cmake --install.
qosbed_test(test_help_command help_command_test.cpp)
target_link_libraries(test_help_command PRIVATE qosbed_cli)

if(TARGET qosbed_help_files_written)
  find_package(Python3 REQUIRED COMPONENTS Interpreter)
  add_test(NAME help_files
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/help_files_test.py
                   $<TARGET_FILE:qosbed> ${QOSBED_MAN_PAGE} ${QOSBED_BASH_COMPLETION}
                   ${PROJECT_BINARY_DIR})
  set_tests_properties(help_files PROPERTIES TIMEOUT 120)
endif()
