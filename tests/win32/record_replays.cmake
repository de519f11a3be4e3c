# Script of the win32/record-replays test (tests/win32/win32.cmake): records a program's session
# (`qosbed run --record`), replays the recording without the program, records the replay, and
# fails unless the replay's expectations all hold and both recordings have the same steps: the
# application the recording plays sees what the program saw. QOSBED, SCENARIO, PROGRAM, FOLDER.
foreach(variable IN ITEMS QOSBED SCENARIO PROGRAM FOLDER)
  if(NOT DEFINED ${variable})
    message(FATAL_ERROR "record_replays.cmake: -D ${variable}=... is required")
  endif()
endforeach()
file(MAKE_DIRECTORY ${FOLDER})
set(recorded ${FOLDER}/recorded.yaml)
set(replayed ${FOLDER}/replayed.yaml)
file(REMOVE ${recorded} ${replayed})
execute_process(COMMAND ${QOSBED} run --record ${recorded} ${SCENARIO} -- ${PROGRAM}
                RESULT_VARIABLE code OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT code EQUAL 0 OR NOT err MATCHES "recorded.yaml: recording written")
  message(FATAL_ERROR "record_replays: the program's run exited ${code}:\n${err}")
endif()
execute_process(COMMAND ${QOSBED} run --record ${replayed} ${recorded}
                RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "record_replays: the recording's replay exited ${code}:\n${out}${err}")
endif()
file(READ ${recorded} first)
file(READ ${replayed} second)
# The names differ: the replay's recording is named after the recording.
string(REGEX REPLACE "^scenario: [^\n]*\n" "" first "${first}")
string(REGEX REPLACE "^scenario: [^\n]*\n" "" second "${second}")
if(NOT first STREQUAL second)
  message(FATAL_ERROR "record_replays: the replay's steps differ:\n---- recorded\n${first}---- replayed\n${second}")
endif()
string(REGEX MATCHALL "\n    expect: " expectations "${first}")
list(LENGTH expectations count)
if(count LESS 10)
  message(FATAL_ERROR "record_replays: only ${count} expectations recorded:\n${first}")
endif()
