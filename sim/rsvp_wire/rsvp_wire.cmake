# The RSVP wire format (RFC 2205 with RFC 2210's Integrated Services objects): plain values, the
# encoder, the decoder, IPv4 framing and pcapng captures. The standard library only, so it builds
# everywhere; the network model's messages are mapped onto it by qosbed_rsvp_wire_form (rsvp/).
add_library(qosbed_rsvp_wire STATIC rsvp_wire/bytes.cpp rsvp_wire/objects.cpp
            rsvp_wire/message.cpp rsvp_wire/intserv.cpp rsvp_wire/encode.cpp
            rsvp_wire/grammar.cpp rsvp_wire/decode.cpp rsvp_wire/ipv4.cpp
            rsvp_wire/pcapng.cpp rsvp_wire/summary.cpp rsvp_wire/identity.cpp)
target_include_directories(qosbed_rsvp_wire PUBLIC $<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}>)
qosbed_warnings(qosbed_rsvp_wire)
