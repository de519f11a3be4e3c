# The qosbed command against hostile input and SIGTERM, as a child process.
qosbed_test(test_hardening hardening_test.cpp)
add_dependencies(test_hardening qosbed)
target_compile_definitions(test_hardening PRIVATE QOSBED_EXE="$<TARGET_FILE:qosbed>")
target_link_libraries(test_hardening PRIVATE qosbed_runner qosbed_scenario qosbed_report)
