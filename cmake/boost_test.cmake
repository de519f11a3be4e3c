# qosbed_boost_test: what a test executable links to get Boost.Test. On Linux that is Debian's
# shared unit_test_framework. On Windows it is the header-only form, so no Windows Boost binaries
# are needed: the framework and main() are compiled once into qosbed_boost_test_main from
# <boost/test/included/unit_test.hpp>, and each test file keeps its usual
# BOOST_TEST_MODULE + <boost/test/unit_test.hpp>, exactly as with Boost's static library.
add_library(qosbed_boost_test INTERFACE)

if(NOT WIN32)
  find_package(Boost 1.74 REQUIRED COMPONENTS unit_test_framework)
  target_link_libraries(qosbed_boost_test INTERFACE Boost::unit_test_framework)
  target_compile_definitions(qosbed_boost_test INTERFACE BOOST_TEST_DYN_LINK)
  return()
endif()

add_library(qosbed_boost_test_headers INTERFACE)
if(CMAKE_CROSSCOMPILING)
  # Boost's headers are platform-neutral, but adding the host's /usr/include to a cross compiler
  # would pull in glibc's headers too; a directory holding only a `boost` link exposes Boost alone.
  set(QOSBED_HOST_BOOST_INCLUDE /usr/include/boost
      CACHE PATH "The host's Boost headers (the boost/ directory) for a cross build")
  if(NOT EXISTS ${QOSBED_HOST_BOOST_INCLUDE}/test/included/unit_test.hpp)
    message(FATAL_ERROR "Boost.Test headers not found in ${QOSBED_HOST_BOOST_INCLUDE}; "
                        "install libboost-test-dev or set QOSBED_HOST_BOOST_INCLUDE")
  endif()
  set(boost_only ${PROJECT_BINARY_DIR}/boost-include)
  file(MAKE_DIRECTORY ${boost_only})
  file(CREATE_LINK ${QOSBED_HOST_BOOST_INCLUDE} ${boost_only}/boost SYMBOLIC)
  target_include_directories(qosbed_boost_test_headers SYSTEM INTERFACE ${boost_only})
else()
  find_package(Boost 1.74 REQUIRED)
  target_link_libraries(qosbed_boost_test_headers INTERFACE Boost::headers)
endif()
# No auto-linking of a Boost.Test library (MSVC): the framework comes from the object below.
target_compile_definitions(qosbed_boost_test_headers INTERFACE BOOST_TEST_NO_LIB)

add_library(qosbed_boost_test_main OBJECT ${CMAKE_CURRENT_LIST_DIR}/boost_test_main.cpp)
target_link_libraries(qosbed_boost_test_main PUBLIC qosbed_boost_test_headers)
# Linking the OBJECT library orders the build and brings its usage requirements; its objects reach
# only direct consumers, so they are named too, to reach every test executable.
target_link_libraries(qosbed_boost_test INTERFACE qosbed_boost_test_main
                                                  $<TARGET_OBJECTS:qosbed_boost_test_main>)
