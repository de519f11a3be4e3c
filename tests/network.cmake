# Network scenarios: the network: section, the RSVP messages in the trace, expect: message and
# expect: state, and qosbed compile replaying to the same indications.
qosbed_test(test_network_scenarios network_scenario_test.cpp)
target_link_libraries(test_network_scenarios PRIVATE qosbed_cli)
target_compile_definitions(test_network_scenarios PRIVATE QOSBED_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
