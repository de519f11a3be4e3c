# `cmake --install` and the CMake package: the qosbed command, the public headers (as
# <prefix>/include/qosbed/gqos/codec.hpp, ..., included as "gqos/codec.hpp"), the libraries as
# namespaced targets (qosbed::gqos, qosbed::emulator, ...) and qosbed_add_scenarios(), and for
# programs built without CMake a pkg-config file for qosbed::win32 (qosbed-win32.pc). Included
# last, once every target exists; a component the build leaves out (the tools and qosbed::win32 on
# Windows, WinsockProvider elsewhere) is left out of the package too.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(QOSBED_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/qosbed
    CACHE STRING "Where the qosbed CMake package is installed, below the prefix")
set(qosbed_include_dir ${CMAKE_INSTALL_INCLUDEDIR}/qosbed)

# The public libraries, each exported as qosbed::<component> with the headers of sim/<component>.
# The command line's own library (qosbed_cli), the examples and the test helpers stay private.
set(qosbed_components gqos provider engine emulator client record rsvp rsvp_wire rsvp_wire_form
                      winsock scenario_writer scenario report runner win32)
set(qosbed_exported)
foreach(component IN LISTS qosbed_components)
  set(target qosbed_${component})
  if(NOT TARGET ${target})
    continue()
  endif()
  set_target_properties(${target} PROPERTIES EXPORT_NAME ${component})
  target_include_directories(${target} INTERFACE $<INSTALL_INTERFACE:${qosbed_include_dir}>)
  # The headers use std::span and designated initialisers: consumers need C++20 as well. The
  # Win32 headers are C99 and C++ alike.
  if(NOT component STREQUAL "win32")
    target_compile_features(${target} INTERFACE cxx_std_20)
  endif()
  # The same names inside this build, for a project that adds qosbed as a subdirectory.
  add_library(qosbed::${component} ALIAS ${target})
  list(APPEND qosbed_exported ${target})
endforeach()

install(TARGETS ${qosbed_exported} EXPORT qosbedTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(TARGET qosbed)
  install(TARGETS qosbed EXPORT qosbedTargets RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
# qosbed(1) and its bash completion, as the build wrote them (sim/cli/cli.cmake).
if(TARGET qosbed_help_files_written)
  install(FILES ${QOSBED_MAN_PAGE} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
  install(FILES ${QOSBED_BASH_COMPLETION}
          DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
endif()

# Headers: each exported component's folder, as the sources include them.
foreach(component IN ITEMS gqos engine client record rsvp rsvp_wire scenario report runner)
  if(TARGET qosbed_${component})
    install(DIRECTORY ${PROJECT_SOURCE_DIR}/sim/${component}/
            DESTINATION ${qosbed_include_dir}/${component} FILES_MATCHING PATTERN "*.hpp"
                                                                         PATTERN "*.h")
  endif()
endforeach()
install(FILES ${PROJECT_SOURCE_DIR}/sim/provider/provider.hpp
              ${PROJECT_SOURCE_DIR}/sim/provider/ipv4.hpp
              ${PROJECT_SOURCE_DIR}/sim/provider/call.hpp
              ${PROJECT_SOURCE_DIR}/sim/provider/completion_routine.hpp
        DESTINATION ${qosbed_include_dir}/provider)
if(TARGET qosbed_winsock)
  install(FILES ${PROJECT_SOURCE_DIR}/sim/provider/winsock_provider.hpp
          DESTINATION ${qosbed_include_dir}/provider)
endif()
# Every header of the emulator: emulator.hpp includes the others.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/provider_stub/
        DESTINATION ${qosbed_include_dir}/provider_stub FILES_MATCHING PATTERN "*.hpp")

# The Win32 headers in a folder of their own, so that <winsock2.h> means them only in programs that
# link qosbed::win32; pkg-config names the same folder and library.
if(TARGET qosbed_win32)
  set(qosbed_win32_include_dir ${qosbed_include_dir}/win32)
  target_include_directories(qosbed_win32 INTERFACE $<INSTALL_INTERFACE:${qosbed_win32_include_dir}>)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/sim/win32/include/
          DESTINATION ${qosbed_win32_include_dir} FILES_MATCHING PATTERN "*.h")
  # Relocatable: the prefix is found from where the .pc file lies.
  file(RELATIVE_PATH qosbed_pc_to_prefix /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
  configure_file(${CMAKE_CURRENT_LIST_DIR}/qosbed-win32.pc.in ${PROJECT_BINARY_DIR}/qosbed-win32.pc
                 @ONLY)
  install(FILES ${PROJECT_BINARY_DIR}/qosbed-win32.pc
          DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
endif()

# The ws2_32.dll of the Windows side, where the installed qosbed looks for it to run an .exe
# under Wine (sim/program/program.cmake).
if(TARGET qosbed_windows)
  install(FILES ${QOSBED_WINDOWS_BINARY_DIR}/ws2_32.dll DESTINATION ${CMAKE_INSTALL_LIBDIR}/qosbed)
endif()

install(EXPORT qosbedTargets NAMESPACE qosbed:: DESTINATION ${QOSBED_INSTALL_CMAKEDIR})
# What the package's config file needs to know of this build.
set(QOSBED_PACKAGE_HAS_SCENARIO ${QOSBED_TOOLS})
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/qosbedConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/qosbedConfig.cmake
                              INSTALL_DESTINATION ${QOSBED_INSTALL_CMAKEDIR})
# 0.x: a minor version may change the API, so only the same minor version is compatible.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/qosbedConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/qosbedConfig.cmake
              ${PROJECT_BINARY_DIR}/qosbedConfigVersion.cmake
              ${CMAKE_CURRENT_LIST_DIR}/qosbedScenarios.cmake
        DESTINATION ${QOSBED_INSTALL_CMAKEDIR})
