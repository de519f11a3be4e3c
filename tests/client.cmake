# The Monitor (sim/client): against a hand-driven fake Provider, and against the emulator.
qosbed_test(test_monitor_fake monitor_fake_test.cpp)
target_link_libraries(test_monitor_fake PRIVATE qosbed_client)

qosbed_test(test_monitor monitor_test.cpp)
target_link_libraries(test_monitor PRIVATE qosbed_client qosbed_emulator)

qosbed_test(test_completion_routine completion_routine_test.cpp)
target_link_libraries(test_completion_routine PRIVATE qosbed_provider)
