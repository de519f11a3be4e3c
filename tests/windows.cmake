# Windows-only tests.

# Test program NAME from SOURCE, with its case CASE, which only a system without a QoS service
# provider can check, as the CTest test NAME/CASE: on a system that has one it skips (exit 77,
# tests/without_qos_provider.hpp). NAME runs the other cases. TIMEOUT bounds the waits, which have
# no deadline of their own, so a completion that never comes fails the test.
function(qosbed_test_without_qos_provider name source case)
  add_executable(${name} ${source})
  target_link_libraries(${name} PRIVATE qosbed_boost_test)
  qosbed_warnings(${name})
  add_test(NAME ${name} COMMAND ${name} --run_test=!${case})
  add_test(NAME ${name}/${case} COMMAND ${name} --run_test=${case})
  set_tests_properties(${name} ${name}/${case} PROPERTIES TIMEOUT 60)
  set_tests_properties(${name}/${case} PROPERTIES SKIP_RETURN_CODE 77)
endfunction()

# sim/gqos's portable layouts and constants against the SDK's own.
qosbed_test(test_sdk_layout sdk_layout_test.cpp)
target_link_libraries(test_sdk_layout PRIVATE qosbed_gqos)

# The same checks must reject a wrong offset: building this file has to fail on that assertion
# (matched in the compiler's output, so an unrelated build error does not count as a pass).
add_library(sdk_layout_wrong_offset OBJECT EXCLUDE_FROM_ALL sdk_layout_wrong_offset.cpp)
target_link_libraries(sdk_layout_wrong_offset PRIVATE qosbed_gqos)
add_test(NAME sdk_layout_rejects_wrong_offset
         COMMAND ${CMAKE_COMMAND} --build ${PROJECT_BINARY_DIR} --target sdk_layout_wrong_offset)
set_tests_properties(
  sdk_layout_rejects_wrong_offset
  PROPERTIES PASS_REGULAR_EXPRESSION
             "offset of RSVP_STATUS_INFO.StatusCode differs from MisplacedStatusInfo.status_code")

# WinsockProvider and raw Winsock on a system without a QoS provider. The waits for completions
# have no deadline of their own; TIMEOUT is the bound, so a completion that never comes fails.
qosbed_test_without_qos_provider(test_winsock_provider winsock_provider_test.cpp
                                 opening_without_a_qos_entry_reports_no_qos_provider)
target_link_libraries(test_winsock_provider PRIVATE qosbed_winsock qosbed_client)

# The live runner (`qosbed run --provider winsock`) on the real WinsockProvider. TIMEOUT bounds
# its wall-clock waits.
qosbed_test_without_qos_provider(test_live_winsock live_winsock_test.cpp
                                 without_a_qos_entry_the_run_stops_at_the_first_socket)
target_link_libraries(test_live_winsock PRIVATE qosbed_runner qosbed_winsock)

# The receiver example (examples/receiver.c) on Wine's ws2_32, which has no QoS provider
# (docs/windows.md): it finds no XP1_QOS_SUPPORTED entry, falls back to a plain socket on the
# loopback address, and its overlapped SIO_GET_QOS completes with WSAEOPNOTSUPP. Real Windows
# after 2000 may fail differently, so only under Wine.
if(CMAKE_CROSSCOMPILING AND TARGET example_receiver)
  add_test(NAME receiver_example_on_wine COMMAND example_receiver 1 127.0.0.1)
  set_tests_properties(
    receiver_example_on_wine
    PROPERTIES PASS_REGULAR_EXPRESSION
               "no QoS service provider for protocol 17[^a-z]*completion error 10045" TIMEOUT 60)
endif()

# Under a cross build every test runs in Wine. A setup fixture makes the prefix first (the first
# Wine start builds it, and tests started in parallel would otherwise all wait on that, each
# against its own timeout) and keeps one wineserver running until the cleanup fixture ends it: a
# wineserver that exits between two tests (3 s after its last program) can refuse the program
# that starts as it goes, which fails that test with no output at all.
if(CMAKE_CROSSCOMPILING AND CMAKE_CROSSCOMPILING_EMULATOR)
  get_property(all_tests DIRECTORY PROPERTY TESTS)
  foreach(action IN ITEMS start stop)
    add_test(NAME wine_session/${action}
             COMMAND ${CMAKE_COMMAND} -DACTION=${action} -DPREFIX=${CMAKE_BINARY_DIR}/wineprefix -P
                     ${CMAKE_CURRENT_SOURCE_DIR}/win32/wine_session.cmake)
  endforeach()
  set_tests_properties(wine_session/start PROPERTIES FIXTURES_SETUP wine TIMEOUT 600)
  set_tests_properties(wine_session/stop PROPERTIES FIXTURES_CLEANUP wine TIMEOUT 120)
  set_tests_properties(${all_tests} PROPERTIES FIXTURES_REQUIRED wine)
endif()
