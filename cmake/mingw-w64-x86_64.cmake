# Cross compiles qosbed for 64-bit Windows with Debian's mingw-w64 and runs the resulting .exe
# files (try_run, ctest) under Wine, so the Windows build is tested on a Linux machine.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

set(qosbed_mingw x86_64-w64-mingw32)
# The posix thread model, so the standard library's threads and mutexes exist. The project is C
# too (the examples and qosbed::win32's C tests), so both compilers are named.
find_program(CMAKE_C_COMPILER NAMES ${qosbed_mingw}-gcc-posix ${qosbed_mingw}-gcc REQUIRED)
find_program(CMAKE_CXX_COMPILER NAMES ${qosbed_mingw}-g++-posix ${qosbed_mingw}-g++ REQUIRED)
find_program(CMAKE_C_COMPILER NAMES ${qosbed_mingw}-gcc-posix ${qosbed_mingw}-gcc REQUIRED)
find_program(CMAKE_RC_COMPILER NAMES ${qosbed_mingw}-windres)
set(CMAKE_FIND_ROOT_PATH /usr/${qosbed_mingw})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# Static runtime: the tests then run under Wine without copying libstdc++ and winpthread DLLs.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static")

# Debian's wine64 loader directly (the /usr/bin/wine wrapper prefers a 32-bit wine and complains
# when there is none). A prefix inside the build tree keeps runs independent of $HOME; WINEDEBUG
# silences Wine's own diagnostics so test output stays the test's.
find_program(QOSBED_WINE NAMES wine64 wine PATHS /usr/lib/wine NO_CMAKE_FIND_ROOT_PATH)
if(QOSBED_WINE)
  set(CMAKE_CROSSCOMPILING_EMULATOR
      ${CMAKE_COMMAND} -E env WINEPREFIX=${CMAKE_BINARY_DIR}/wineprefix WINEDEBUG=-all
      ${QOSBED_WINE})
endif()
