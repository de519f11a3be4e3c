# `qosbed run`'s progress and colours on a pseudo-terminal (POSIX calls), and the rules behind them.
qosbed_test(test_terminal terminal_test.cpp)
add_dependencies(test_terminal qosbed)
target_compile_definitions(test_terminal PRIVATE QOSBED_EXE="$<TARGET_FILE:qosbed>")
target_link_libraries(test_terminal PRIVATE qosbed_cli)
