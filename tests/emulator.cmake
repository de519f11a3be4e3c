# The emulator through the Provider, and each of its two parts alone.
qosbed_test(test_emulator emulator_test.cpp emulator_waits_test.cpp emulator_profiles_test.cpp
            emulator_requests_test.cpp)
target_link_libraries(test_emulator PRIVATE qosbed_emulator)

qosbed_test(test_sp_rules sp_rules_test.cpp)
target_link_libraries(test_sp_rules PRIVATE qosbed_emulator)

qosbed_test(test_winsock_delivery winsock_delivery_test.cpp)
target_link_libraries(test_winsock_delivery PRIVATE qosbed_emulator)

qosbed_test(test_fifo_queue fifo_queue_test.cpp)
target_link_libraries(test_fifo_queue PRIVATE qosbed_emulator)

qosbed_test(test_socket_qos_state socket_qos_state_test.cpp)
target_link_libraries(test_socket_qos_state PRIVATE qosbed_emulator)
