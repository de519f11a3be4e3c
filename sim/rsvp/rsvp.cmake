# The RSVP network model: topology, routing, soft state, messages, merging, admission.
# Free of yaml-cpp, so it builds for Windows as well.
add_library(qosbed_rsvp STATIC rsvp/session.cpp rsvp/topology.cpp rsvp/routing.cpp
            rsvp/soft_state.cpp rsvp/policy_data.cpp rsvp/messages.cpp rsvp/state.cpp rsvp/merge.cpp rsvp/links.cpp
            rsvp/traffic_control.cpp rsvp/node_protocol.cpp rsvp/node_reservation.cpp rsvp/host_api.cpp rsvp/network.cpp
            rsvp/adspec.cpp rsvp/guaranteed.cpp rsvp/guaranteed_promise.cpp
            rsvp/sp_adapter.cpp rsvp/sp_flowspec.cpp rsvp/socket_plan.cpp rsvp/host_sp.cpp
            rsvp/host_sp_events.cpp rsvp/host_sp_check_qos.cpp)
target_link_libraries(qosbed_rsvp PUBLIC qosbed_engine qosbed_gqos)
qosbed_warnings(qosbed_rsvp)


# The model's messages in their RFC 2205 wire form (rsvp_wire), for captures and decoded views.
add_library(qosbed_rsvp_wire_form STATIC rsvp/wire_form.cpp)
target_link_libraries(qosbed_rsvp_wire_form PUBLIC qosbed_rsvp qosbed_rsvp_wire)
qosbed_warnings(qosbed_rsvp_wire_form)
