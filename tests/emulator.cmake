# The emulator through the Provider an application calls.
qosbed_test(test_emulator emulator_test.cpp emulator_waits_test.cpp emulator_profiles_test.cpp)
target_link_libraries(test_emulator PRIVATE qosbed_emulator)

qosbed_test(test_fifo_queue fifo_queue_test.cpp)
target_link_libraries(test_fifo_queue PRIVATE qosbed_emulator)
