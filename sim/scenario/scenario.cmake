# The scenario language: a YAML file in, a checked Scenario (pure data) or diagnostics out.
add_library(qosbed_scenario STATIC
  scenario/diagnostics.cpp
  scenario/document.cpp
  scenario/language.cpp
  scenario/loader.cpp
  scenario/messages.cpp
  scenario/read_app.cpp
  scenario/read_expect.cpp
  scenario/read_network.cpp
  scenario/read_network_decisions.cpp
  scenario/read_objects.cpp
  scenario/read_driven.cpp
  scenario/read_qos.cpp
  scenario/read_sp.cpp
  scenario/reader.cpp
  scenario/steps.cpp
  scenario/suggest.cpp)
target_include_directories(qosbed_scenario PUBLIC $<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}>
                                                   $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}>)
target_link_libraries(qosbed_scenario PUBLIC qosbed_gqos qosbed_provider qosbed_scenario_writer
                                             yaml-cpp)
qosbed_warnings(qosbed_scenario)
