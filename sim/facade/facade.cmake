# The Winsock facade: the SDK's GQoS names over the current Provider, for non-Windows builds.
add_library(qosbed_facade STATIC ${CMAKE_CURRENT_LIST_DIR}/winsock_facade.cpp)
target_include_directories(qosbed_facade PUBLIC $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/sim>)
target_link_libraries(qosbed_facade PUBLIC qosbed_gqos qosbed_provider)
qosbed_warnings(qosbed_facade)
