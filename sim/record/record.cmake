# Recording: a trace sink that writes the session it saw as a scenario.
add_library(qosbed_record STATIC ${CMAKE_CURRENT_LIST_DIR}/session_recorder.cpp
                                 ${CMAKE_CURRENT_LIST_DIR}/session_calls.cpp
                                 ${CMAKE_CURRENT_LIST_DIR}/recorded_values.cpp)
target_include_directories(qosbed_record PUBLIC $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/sim>
                                                 $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}>)
target_link_libraries(qosbed_record PUBLIC qosbed_engine qosbed_scenario_writer)
qosbed_warnings(qosbed_record)
