# The RSVP network model: one suite per concern.
qosbed_test(test_rsvp_soft_state rsvp_soft_state_test.cpp)
target_link_libraries(test_rsvp_soft_state PRIVATE qosbed_rsvp)

qosbed_test(test_rsvp_topology rsvp_topology_test.cpp)
target_link_libraries(test_rsvp_topology PRIVATE qosbed_rsvp)

qosbed_test(test_rsvp_reservation rsvp_reservation_test.cpp)
target_link_libraries(test_rsvp_reservation PRIVATE qosbed_rsvp)

qosbed_test(test_rsvp_timers rsvp_timers_test.cpp)
target_link_libraries(test_rsvp_timers PRIVATE qosbed_rsvp)

qosbed_test(test_rsvp_sp_adapter rsvp_sp_adapter_test.cpp)
target_link_libraries(test_rsvp_sp_adapter PRIVATE qosbed_rsvp_sp)
