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

# The Windows side (sim/win32/dll): ws2_32.dll and the examples as .exe files, built by mingw-w64
# as a project of its own into QOSBED_WINDOWS_BINARY_DIR, so that `qosbed run SCENARIO --
# PROGRAM.exe` runs Windows programs under Wine. Without mingw-w64, qosbed says so when asked to.
set(QOSBED_WINDOWS_BINARY_DIR ${PROJECT_BINARY_DIR}/windows
    CACHE INTERNAL "Where the Windows side (sim/win32/dll) is built")
find_program(QOSBED_MINGW_CC x86_64-w64-mingw32-gcc)
find_program(QOSBED_MINGW_CXX x86_64-w64-mingw32-g++)
if(QOSBED_MINGW_CC AND QOSBED_MINGW_CXX)
  include(ExternalProject)
  set(windows_arguments
      -DCMAKE_SYSTEM_NAME=Windows -DCMAKE_SYSTEM_PROCESSOR=x86_64
      -DCMAKE_C_COMPILER=${QOSBED_MINGW_CC} -DCMAKE_CXX_COMPILER=${QOSBED_MINGW_CXX}
      -DQOSBED_WERROR=${QOSBED_WERROR})
  if(CMAKE_BUILD_TYPE)
    list(APPEND windows_arguments -DCMAKE_BUILD_TYPE=${CMAKE_BUILD_TYPE})
  endif()
  if(CMAKE_CXX_COMPILER_LAUNCHER)
    list(APPEND windows_arguments -DCMAKE_C_COMPILER_LAUNCHER=${CMAKE_CXX_COMPILER_LAUNCHER}
         -DCMAKE_CXX_COMPILER_LAUNCHER=${CMAKE_CXX_COMPILER_LAUNCHER})
  endif()
  ExternalProject_Add(
    qosbed_windows
    SOURCE_DIR ${CMAKE_CURRENT_LIST_DIR}/dll
    BINARY_DIR ${QOSBED_WINDOWS_BINARY_DIR}
    CMAKE_ARGS ${windows_arguments}
    INSTALL_COMMAND ""
    # Its own build decides what changed.
    BUILD_ALWAYS ON
    BUILD_BYPRODUCTS ${QOSBED_WINDOWS_BINARY_DIR}/ws2_32.dll)
else()
  message(STATUS "qosbed: no x86_64-w64-mingw32-gcc/g++: no ws2_32.dll, so `qosbed run` cannot "
                 "run Windows programs (.exe) under Wine")
endif()
