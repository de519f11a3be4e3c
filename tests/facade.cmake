# The Winsock facade's socket-level calls (WSAStartup, WSAEnumProtocols, WSASocket,
# WSAEventSelect) over the emulator.
qosbed_test(test_facade facade_test.cpp)
target_link_libraries(test_facade PRIVATE qosbed_facade qosbed_emulator)
