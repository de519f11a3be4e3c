# Plays scenarios on the emulator and checks their expectations; plays them live on a real provider.
add_library(qosbed_runner STATIC runner/runner.cpp runner/app_player.cpp runner/live_run.cpp
                                 runner/emulator_options.cpp
                                 runner/expectations.cpp runner/qos_encoding.cpp
                                 runner/message_capture.cpp
                                 runner/network_run.cpp runner/guaranteed_check.cpp runner/observed.cpp
                                 runner/provider_trace.cpp runner/provider_steps.cpp)
target_link_libraries(qosbed_runner PUBLIC qosbed_client qosbed_emulator qosbed_engine qosbed_record
                                           qosbed_rsvp qosbed_rsvp_wire_form)
qosbed_warnings(qosbed_runner)
