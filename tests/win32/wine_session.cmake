# Script of the fixture tests that start and stop a Wine session: wine/session-* for the tests that
# run a program under Wine (tests/win32/wine.cmake), wine_session/* for the Windows build's tests
# (tests/windows.cmake). ACTION=start makes the Wine prefix PREFIX unless a run made it already
# (Wine takes seconds to make one), keeps its wineserver running for 300 s after its last program,
# and starts the session's own programs (services, devices) with their output to /dev/null, so
# that no test waits for them or pays for their start: each test then starts its program alone.
# ACTION=stop ends the session.
foreach(variable IN ITEMS ACTION PREFIX)
  if(NOT DEFINED ${variable})
    message(FATAL_ERROR "wine_session.cmake: -D ${variable}=... is required")
  endif()
endforeach()
find_program(wine NAMES wine64 wine)
# Debian keeps wineserver beside wine64 (/usr/lib/wine) and names it on PATH.
get_filename_component(wine_folder "${wine}" REALPATH)
get_filename_component(wine_folder "${wine_folder}" DIRECTORY)
find_program(wineserver NAMES wineserver PATHS ${wine_folder})
if(NOT wine OR NOT wineserver)
  message(FATAL_ERROR "wine_session: no wine64 or wine, or no wineserver")
endif()
set(ENV{WINEPREFIX} ${PREFIX})
set(ENV{WINEDEBUG} -all)
set(ENV{WINEDLLOVERRIDES} "mscoree,mshtml=")
set(quiet INPUT_FILE /dev/null OUTPUT_FILE /dev/null ERROR_FILE /dev/null)
if(ACTION STREQUAL "stop")
  execute_process(COMMAND ${wineserver} -k ${quiet})
  execute_process(COMMAND ${wineserver} -w ${quiet} TIMEOUT 60)
  return()
endif()
file(MAKE_DIRECTORY ${PREFIX})
# A session a run left (one stopped before wine/session-stop) ends first.
execute_process(COMMAND ${wineserver} -k ${quiet})
execute_process(COMMAND ${wineserver} -w ${quiet} TIMEOUT 60)
execute_process(COMMAND ${wineserver} -p300 ${quiet} RESULT_VARIABLE code)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "wine_session: `wineserver -p300` exited ${code}")
endif()
string(TIMESTAMP started "%s")
execute_process(COMMAND ${wine} cmd /c exit ${quiet} RESULT_VARIABLE code TIMEOUT 300)
string(TIMESTAMP ended "%s")
math(EXPR seconds "${ended} - ${started}")
if(NOT code EQUAL 0)
  message(FATAL_ERROR "wine_session: `wine cmd /c exit` in ${PREFIX} exited ${code}")
endif()
message(STATUS "wine_session: the session in ${PREFIX} started in ${seconds} s")
