# Recording: a Provider decorator that writes the session it saw as a scenario.
add_library(qosbed_record STATIC ${CMAKE_CURRENT_LIST_DIR}/recording_provider.cpp
                                 ${CMAKE_CURRENT_LIST_DIR}/emulator_keys.cpp)
target_include_directories(qosbed_record PUBLIC $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/sim>
                                                 $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}>)
target_link_libraries(qosbed_record PUBLIC qosbed_gqos qosbed_provider qosbed_emulator)
qosbed_warnings(qosbed_record)
