# The scenario writer: scenario files out (new, compile, a recording). Apart from the YAML loader,
# so what records a session builds wherever qosbed does, Windows included.
add_library(qosbed_scenario_writer STATIC ${CMAKE_CURRENT_LIST_DIR}/sp_options.cpp
                                          ${CMAKE_CURRENT_LIST_DIR}/writer.cpp
                                          ${CMAKE_CURRENT_LIST_DIR}/writer_values.cpp)
target_include_directories(qosbed_scenario_writer
                           PUBLIC $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/sim>
                                  $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}>)
target_link_libraries(qosbed_scenario_writer PUBLIC qosbed_gqos qosbed_provider)
qosbed_warnings(qosbed_scenario_writer)
