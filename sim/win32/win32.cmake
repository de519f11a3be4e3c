# qosbed_win32: the Win32 headers of sim/win32/include and a library implementing them as a
# client of `qosbed run` (sim/win32/client), so that an unmodified Windows GQoS program builds on
# Linux and runs against a scenario in virtual time (docs/own-client.md).
add_library(qosbed_win32 STATIC
            ${CMAKE_CURRENT_LIST_DIR}/client/session.cpp ${CMAKE_CURRENT_LIST_DIR}/client/kernel.cpp
            ${CMAKE_CURRENT_LIST_DIR}/client/winsock.cpp ${CMAKE_CURRENT_LIST_DIR}/client/sockets.cpp
            ${CMAKE_CURRENT_LIST_DIR}/client/winsock_io.cpp ${CMAKE_CURRENT_LIST_DIR}/client/user.cpp
            ${CMAKE_CURRENT_LIST_DIR}/client/unsupported.cpp
            ${CMAKE_CURRENT_LIST_DIR}/client/platform_posix.cpp)
target_include_directories(qosbed_win32
                           PUBLIC $<BUILD_INTERFACE:${CMAKE_CURRENT_LIST_DIR}/include>
                           PRIVATE ${PROJECT_SOURCE_DIR}/sim)
# The library's own sources use the standard library beside <windows.h>.
target_compile_definitions(qosbed_win32 PRIVATE NOMINMAX)
find_package(Threads REQUIRED)
target_link_libraries(qosbed_win32 PUBLIC Threads::Threads)
qosbed_warnings(qosbed_win32)
