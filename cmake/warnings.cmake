# qosbed_warnings(TARGET): the warnings of the project's own targets, errors under QOSBED_WERROR;
# third-party headers come in as SYSTEM. Shared with the Windows side's own build
# (sim/win32/dll).
function(qosbed_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    # GCC 12 at -O3 reports std::string's operator+ as an overlapping memcpy (GCC bug 105329),
    # which fails Release builds under -Werror.
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  if(QOSBED_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
