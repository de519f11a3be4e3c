# The cross build has no Windows builds of yaml-cpp and Boost.Program_options (Debian ships
# neither for mingw-w64), so it cannot link the qosbed command. It still compiles every source
# of the scenario loader and the command line for Windows (the runners build as a library there),
# against the host's headers of those two libraries, so a native Windows build (README, "A native
# Windows build") needs nothing but the libraries. Nothing is linked or run.
set(QOSBED_HOST_YAML_CPP_INCLUDE /usr/include/yaml-cpp
    CACHE PATH "The host's yaml-cpp headers (the yaml-cpp/ directory) for a cross build")
if(NOT EXISTS ${QOSBED_HOST_YAML_CPP_INCLUDE}/yaml.h)
  message(FATAL_ERROR "yaml-cpp headers not found in ${QOSBED_HOST_YAML_CPP_INCLUDE}; "
                      "install libyaml-cpp-dev or set QOSBED_HOST_YAML_CPP_INCLUDE")
endif()
# As for Boost (cmake/boost_test.cmake): a directory holding only a link, not the host's
# /usr/include, whose glibc headers would shadow mingw-w64's.
set(yaml_cpp_only ${PROJECT_BINARY_DIR}/yaml-cpp-include)
file(MAKE_DIRECTORY ${yaml_cpp_only})
file(CREATE_LINK ${QOSBED_HOST_YAML_CPP_INCLUDE} ${yaml_cpp_only}/yaml-cpp SYMBOLIC)

file(GLOB tools_sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/sim/scenario/*.cpp
     ${PROJECT_SOURCE_DIR}/sim/cli/*.cpp ${PROJECT_SOURCE_DIR}/sim/main.cpp)
add_library(qosbed_tools_windows_check OBJECT ${tools_sources})
target_include_directories(qosbed_tools_windows_check SYSTEM PRIVATE ${yaml_cpp_only})
target_include_directories(qosbed_tools_windows_check PRIVATE ${PROJECT_SOURCE_DIR}/sim
                                                              ${PROJECT_SOURCE_DIR})
# Boost.Program_options' headers come through the same Boost-only directory as Boost.Test's.
target_link_libraries(qosbed_tools_windows_check PRIVATE qosbed_boost_test_headers qosbed_runner
                      qosbed_winsock)
target_compile_definitions(qosbed_tools_windows_check PRIVATE QOSBED_VERSION="${PROJECT_VERSION}")
qosbed_warnings(qosbed_tools_windows_check)
