# WinsockProvider: the Provider over the real ws2_32 (Windows only).
add_library(qosbed_winsock STATIC provider/winsock_provider.cpp)
target_link_libraries(qosbed_winsock PUBLIC qosbed_provider qosbed_gqos ws2_32)
qosbed_warnings(qosbed_winsock)
