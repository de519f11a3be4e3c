# `cmake --install` into a prefix below the build folder, then a downstream project
# (tests/downstream) configured against it with find_package(qosbed), built, and its own tests run:
# a program linking qosbed::emulator and qosbed::client, and scenarios registered with
# qosbed_add_scenarios(), plainly and with each of its keywords, and a C program of its own linked
# with qosbed::win32 (and once more with pkg-config); then what CTest lists for each keyword, and
# the wrong calls that must fail to configure (tests/downstream/bad-arguments).
# It installs what the build made, so build everything before running it.
# Left out of fuzz builds, whose libraries need libFuzzer's link options downstream.
if(NOT QOSBED_FUZZ)
  # CMAKE_INSTALL_LIBDIR, which cmake/install.cmake sets only after the tests are added.
  include(GNUInstallDirs)
  add_test(NAME install_downstream
           COMMAND ${CMAKE_COMMAND} -D BUILD_DIR=${PROJECT_BINARY_DIR}
                   -D WORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/install_downstream
                   -D SOURCE_DIR=${CMAKE_CURRENT_SOURCE_DIR}/downstream -D CONFIG=$<CONFIG>
                   -D CXX_COMPILER=${CMAKE_CXX_COMPILER} -D "CXX_FLAGS=${CMAKE_CXX_FLAGS}"
                   -D C_COMPILER=${CMAKE_C_COMPILER} -D LIBDIR=${CMAKE_INSTALL_LIBDIR}
                   -D "EXE_LINKER_FLAGS=${CMAKE_EXE_LINKER_FLAGS}"
                   -D WINDOWS_DIR=${QOSBED_WINDOWS_BINARY_DIR}
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/install_downstream.cmake)
endif()
