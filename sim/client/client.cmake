# The reusable query/completion logic (the Monitor), written against the Provider interface alone.
add_library(qosbed_client STATIC client/monitor.cpp)
target_link_libraries(qosbed_client PUBLIC qosbed_provider qosbed_gqos)
qosbed_warnings(qosbed_client)
