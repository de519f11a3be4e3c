# The RSVP wire format: one suite per header, and the capture read back by tshark.
qosbed_test(test_rsvp_wire_encode rsvp_wire_encode_test.cpp)
target_link_libraries(test_rsvp_wire_encode PRIVATE qosbed_rsvp_wire)

qosbed_test(test_rsvp_wire_decode rsvp_wire_decode_test.cpp)
target_link_libraries(test_rsvp_wire_decode PRIVATE qosbed_rsvp_wire)

qosbed_test(test_rsvp_wire_ipv4 rsvp_wire_ipv4_test.cpp)
target_link_libraries(test_rsvp_wire_ipv4 PRIVATE qosbed_rsvp_wire)

qosbed_test(test_rsvp_wire_pcapng rsvp_wire_pcapng_test.cpp)
target_link_libraries(test_rsvp_wire_pcapng PRIVATE qosbed_rsvp_wire)

# Every message type in a capture that Wireshark's dissector must read as RSVP with no malformed
# packet, no expert warning and verified checksums (Debian's tshark; missing, the test is skipped
# with exit code 77, never passed).
if(NOT WIN32)
  add_executable(rsvp_wire_capture rsvp_wire_capture.cpp)
  target_link_libraries(rsvp_wire_capture PRIVATE qosbed_rsvp_wire)
  qosbed_warnings(rsvp_wire_capture)
  find_package(Python3 REQUIRED COMPONENTS Interpreter)
  add_test(NAME rsvp_wire_tshark
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/rsvp_wire_tshark_test.py
                   $<TARGET_FILE:rsvp_wire_capture>
                   ${CMAKE_CURRENT_BINARY_DIR}/rsvp_wire_samples.pcapng)
  set_tests_properties(rsvp_wire_tshark PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)
endif()

# `qosbed run NET.yaml --pcap FILE` for every bundled network scenario: tshark reads exactly the
# messages the trace sent, as valid RSVP (skipped with exit code 77 without tshark).
if(NOT WIN32 AND TARGET qosbed)
  add_test(NAME capture_tshark
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/capture_tshark_test.py
                   $<TARGET_FILE:qosbed> ${CMAKE_CURRENT_BINARY_DIR}/captures
                   ${PROJECT_SOURCE_DIR}/scenarios ${PROJECT_SOURCE_DIR}/examples)
  set_tests_properties(capture_tshark PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600)
endif()

# `qosbed report` names each sent message's objects as tshark -V sums them up, on the lessons
# that between them send every object class and message type the model produces.
if(NOT WIN32 AND TARGET qosbed)
  set(report_objects_scenarios
      reservation-confirmed admission-failure path-err-to-sender ff-two-senders se-shared
      path-tear guaranteed-peak-above-rate policy-refuses-rate non-rsvp-router-break-bit
      policy-data-identity-refused)
  list(TRANSFORM report_objects_scenarios PREPEND ${PROJECT_SOURCE_DIR}/scenarios/network/)
  list(TRANSFORM report_objects_scenarios APPEND .yaml)
  add_test(NAME report_objects_tshark
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/report_objects_tshark_test.py
                   $<TARGET_FILE:qosbed> ${CMAKE_CURRENT_BINARY_DIR}/report_objects
                   ${report_objects_scenarios})
  set_tests_properties(report_objects_tshark PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
endif()

qosbed_test(test_rsvp_wire_summary rsvp_wire_summary_test.cpp)
target_link_libraries(test_rsvp_wire_summary PRIVATE qosbed_rsvp_wire)
