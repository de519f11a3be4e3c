# qosbed's side of `qosbed run SCENARIO -- PROGRAM`: the program as a child process, the channel
# to it, and the session that serves its calls in virtual time; a Windows program under Wine.
add_library(qosbed_program STATIC program/session.cpp program/sockets.cpp program/requests.cpp
                                  program/threads.cpp program/turns.cpp program/process.cpp program/wine.cpp
                                  program/program_run.cpp)
target_link_libraries(qosbed_program PUBLIC qosbed_runner qosbed_scenario)
# Where qosbed finds its ws2_32.dll, from its own folder: in the build tree (sim/win32/win32.cmake),
# and installed (cmake/install.cmake).
include(GNUInstallDirs)
file(RELATIVE_PATH qosbed_built_dll ${PROJECT_BINARY_DIR} ${QOSBED_WINDOWS_BINARY_DIR}/ws2_32.dll)
file(RELATIVE_PATH qosbed_installed_dll /prefix/${CMAKE_INSTALL_BINDIR}
     /prefix/${CMAKE_INSTALL_LIBDIR}/qosbed/ws2_32.dll)
target_compile_definitions(
  qosbed_program PRIVATE QOSBED_WS2_32_DLL="${qosbed_built_dll}:${qosbed_installed_dll}")
qosbed_warnings(qosbed_program)
