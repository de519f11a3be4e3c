# qosbed::win32 and `qosbed run -- PROGRAM`: the Win32 headers against sim/gqos and against the
# real SDK, programs that go wrong in every way a run must report, and the .exe files of the
# Windows side under Wine (wine.cmake). The examples' own runs are registered in
# examples/CMakeLists.txt; the Windows side builds them for Windows, warnings as errors.

# sdk_layout_test.cpp, written for the SDK's headers, compiled against qosbed's instead: every
# GQoS structure's size and field offsets, and every constant and name of sim/gqos, as they have
# them.
qosbed_test(test_win32_layout sdk_layout_test.cpp)
target_include_directories(test_win32_layout PRIVATE ${PROJECT_SOURCE_DIR}/sim/win32/include)
target_link_libraries(test_win32_layout PRIVATE qosbed_gqos)

# Against mingw-w64's Windows SDK, when its compiler is installed: every size, offset and value
# of qosbed's headers (win32/*_facts.c) is the SDK's; a header made wrong on purpose is caught.
find_program(QOSBED_MINGW_CC x86_64-w64-mingw32-gcc)
find_program(QOSBED_MINGW_CXX x86_64-w64-mingw32-g++)
if(QOSBED_MINGW_CC AND QOSBED_MINGW_CXX)
  set(facts ${CMAKE_CURRENT_SOURCE_DIR}/win32/layout_facts.c|${CMAKE_CURRENT_SOURCE_DIR}/win32/value_facts.c)
  foreach(case IN ITEMS match differ)
    set(include_dirs ${PROJECT_SOURCE_DIR}/sim/win32/include)
    if(case STREQUAL "differ")
      set(include_dirs "${CMAKE_CURRENT_SOURCE_DIR}/win32/wrong|${include_dirs}")
    endif()
    add_test(NAME win32_headers_${case}_sdk
             COMMAND ${CMAKE_COMMAND} "-DFACTS=${facts}" -DNATIVE_CC=${CMAKE_C_COMPILER}
                     -DMINGW_CC=${QOSBED_MINGW_CC} "-DINCLUDE_DIRS=${include_dirs}"
                     -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/win32_facts_${case}
                     -P ${CMAKE_CURRENT_SOURCE_DIR}/win32/sdk_facts.cmake)
  endforeach()
  set_tests_properties(
    win32_headers_differ_sdk
    PROPERTIES PASS_REGULAR_EXPRESSION
               "fact_value_QOS_NOT_SPECIFIED: qosbed 4294967294 vs SDK 4294967295")
else()
  message(STATUS "qosbed: no x86_64-w64-mingw32-gcc/g++: the Win32 headers are not compared "
                 "with the SDK's")
endif()

if(NOT QOSBED_TOOLS)
  return()
endif()

# The session's protocol and scheduling, frame by frame, without a process.
qosbed_test(test_program_session program_session_test.cpp)
target_link_libraries(test_program_session PRIVATE qosbed_program qosbed_report)
# Several programs on one clock, and the words of --program HOST=COMMAND.
qosbed_test(test_program_turns program_turns_test.cpp)
target_link_libraries(test_program_turns PRIVATE qosbed_program qosbed_cli)

include(${CMAKE_CURRENT_LIST_DIR}/program_test.cmake)
foreach(program IN ITEMS misbehave virtual_time api tcp_server)
  add_executable(win32_${program} win32/programs/${program}.c)
  set_target_properties(win32_${program} PROPERTIES C_STANDARD 99 C_STANDARD_REQUIRED ON
                                                     C_EXTENSIONS OFF)
  target_link_libraries(win32_${program} PRIVATE qosbed_win32)
  qosbed_warnings(win32_${program})
endforeach()
# Speaks the channel by hand, wrongly: plain POSIX, no qosbed_win32.
add_executable(win32_raw_channel win32/programs/raw_channel.c)
qosbed_warnings(win32_raw_channel)

set(timeline win32/programs/timeline.yaml)
qosbed_program_test(win32/api win32_api win32/programs/api.yaml EXIT 0 OUTPUT "\n0 failed\n")
# A TCP server's WSAAccept in a network: the accepted connection reserves for its peer (D38).
qosbed_program_test(win32/tcp-server win32_tcp_server win32/programs/tcp-server.yaml EXIT 0
                    OUTPUT "accepted 10.0.0.1:6000\nstatus 11006\n")
qosbed_program_test(win32/virtual-time win32_virtual_time ${timeline} EXIT 0
                    OUTPUT "GetTickCount advanced 60000 ms"
                           "QueryPerformanceCounter advanced 600000000 ticks at 10000000 per second"
                           "12 of 12 waits timed out")
qosbed_program_test(win32/no-qos-provider example_receiver win32/programs/no-qos-provider.yaml
                    EXIT 1 ARGS 1
                    OUTPUT "no QoS service provider for protocol 17\nSIO_GET_QOS failed 10042\n"
                    ERROR "qosbed: the program exited with code 1 at t=0.000 ms")
qosbed_program_test(win32/unsupported-call win32_misbehave ${timeline} EXIT 1 ARGS unsupported
                    ERROR "qosbed_win32: WSAJoinLeaf is not modelled by qosbed"
                          "qosbed: the program called WSAJoinLeaf, which qosbed does not model")
qosbed_program_test(win32/crash win32_misbehave ${timeline} EXIT 1 ARGS crash
                    ERROR "qosbed: the program was killed by SIGSEGV \\(signal 11\\) at t=10.000 ms")
# Under AddressSanitizer the program's SEGV must stay a signal for qosbed to report, not
# ASan's own report and exit.
set_property(TEST win32/crash APPEND PROPERTY ENVIRONMENT
             "ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:handle_segv=0")
qosbed_program_test(win32/early-exit win32_misbehave ${timeline} EXIT 1 ARGS exit
                    ERROR "qosbed: the program exited with code 3 at t=100.000 ms\n"
                          "note: the program exited with code 3 at t=100.000 ms, before the scenario's last step at t=30000.000 ms")
qosbed_program_test(win32/deadlock win32_misbehave ${timeline} EXIT 1 ARGS deadlock
                    ERROR "the program waits with nothing left to happen \\(t=30000.000 ms\\)"
                          "thread 1 \\(main\\) waits in WaitForMultipleObjects\\(event 0x4[0-9A-F]+ \\(not set\\), INFINITE\\)"
                          "thread 2 waits in WaitForMultipleObjects\\(event 0x4[0-9A-F]+ \\(not set\\), INFINITE\\)")
qosbed_program_test(win32/blocking-recv win32_misbehave ${timeline} EXIT 1 ARGS recv
                    ERROR "thread 1 \\(main\\) waits in recv on socket rx, where nothing arrives")
qosbed_program_test(win32/busy win32_misbehave ${timeline} EXIT 1 ARGS busy TIMEOUT 1
                    ERROR "the program ran out of wall-clock time \\(--timeout 1 s\\) at t=10.000 ms:\n  thread 1 \\(main\\) runs")
qosbed_program_test(win32/never-alertable win32_misbehave win32/programs/never-alertable.yaml
                    EXIT 1 ARGS never-alertable
                    OUTPUT "slept 3 s at 3000 ms, Internal=0"
                    ERROR "never-alertable.yaml:[0-9]+: expected a completion on rx, observed none")
foreach(mode_and_error IN ITEMS
        "huge|the program broke the channel: a request frame of 4294967295 bytes \\(a frame holds 8 to 16777216\\)"
        "magic|the program's hello is not qosbed_win32's"
        "version|the program speaks channel version 99, this qosbed speaks 1"
        "first|the program's first request was bind, not hello"
        "kind|the program sent a request of unknown kind 999"
        "thread|a request from thread 7 while thread 1 runs"
        "malformed|the program sent a malformed bind request \\(3 bytes\\)")
  string(REPLACE "|" ";" mode_and_error "${mode_and_error}")
  list(GET mode_and_error 0 mode)
  list(GET mode_and_error 1 error)
  qosbed_program_test(win32/channel-${mode} win32_raw_channel ${timeline} EXIT 1 ARGS ${mode}
                      ERROR "qosbed: ${error}")
endforeach()
qosbed_program_test(win32/not-linked ${CMAKE_COMMAND} ${timeline} EXIT 1 ARGS -E true
                    ERROR "the program exited with code 0 without calling qosbed_win32: is it linked with qosbed::win32\\?")
qosbed_program_test(win32/missing-program ${CMAKE_CURRENT_BINARY_DIR}/no-such-program ${timeline}
                    EXIT 2 ERROR "qosbed: cannot start [^\n]*/no-such-program: No such file or directory")
# Started without qosbed, a program says how it must be run.
qosbed_expect_run(win32/no-channel 3 "" "QOSBED_CHANNEL is not set: run the program with `qosbed run SCENARIO.yaml -- PROGRAM`"
                  $<TARGET_FILE:win32_misbehave> exit)

# The threaded sender twice, its JSON trace and its own output interleaved on stdout: the same,
# byte for byte.
add_test(NAME win32/same-trace-twice
         COMMAND ${CMAKE_COMMAND}
                 "-DCOMMAND=$<TARGET_FILE:qosbed>|run|--trace|json|${PROJECT_SOURCE_DIR}/examples/sender.yaml|--|$<TARGET_FILE:example_sender>"
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/win32/same_twice.cmake)
set_tests_properties(win32/same-trace-twice PROPERTIES TIMEOUT 60 LABELS program)

# A program's session recorded (--record) replays without the program: every recorded expectation
# holds, and recording the replay gives the same steps.
add_test(NAME win32/record-replays
         COMMAND ${CMAKE_COMMAND} -DQOSBED=$<TARGET_FILE:qosbed>
                 -DSCENARIO=${PROJECT_SOURCE_DIR}/examples/receiver.yaml
                 -DPROGRAM=$<TARGET_FILE:example_receiver>
                 -DFOLDER=${CMAKE_CURRENT_BINARY_DIR}/record-replays
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/win32/record_replays.cmake)
set_tests_properties(win32/record-replays PROPERTIES TIMEOUT 60 LABELS program)

# What the command refuses before starting anything: exit 2, saying why.
set(run $<TARGET_FILE:qosbed> run)
set(scenario ${CMAKE_CURRENT_SOURCE_DIR}/${timeline})
qosbed_expect_run(win32/no-program 2 "" "qosbed: no program after --" ${run} ${scenario} --)
qosbed_expect_run(win32/two-scenarios 2 ""
                  "qosbed: a program runs against one scenario file, not 2"
                  ${run} ${scenario} ${scenario} -- $<TARGET_FILE:win32_api>)
qosbed_expect_run(win32/record-unwritable 2 "" "no/such/folder/out.yaml: cannot be written: "
                  ${run} --record ${CMAKE_CURRENT_BINARY_DIR}/no/such/folder/out.yaml ${scenario}
                  -- $<TARGET_FILE:win32_api>)
qosbed_expect_run(win32/zero-timeout 2 ""
                  "qosbed: --timeout takes a number of seconds above 0, not 0"
                  ${run} --timeout 0 ${scenario} -- $<TARGET_FILE:win32_api>)
qosbed_expect_run(win32/scripted-option 2 "" "unrecognised option '--junit'"
                  ${run} --junit out.xml ${scenario} -- $<TARGET_FILE:win32_api>)
# --program HOST=COMMAND: a host of the scenario's network, once each, a command that parses.
set(network ${PROJECT_SOURCE_DIR}/examples/two-hosts.yaml)
set(api $<TARGET_FILE:win32_api>)
qosbed_expect_run(win32/program-unknown-host 2 ""
                  "qosbed: --program r1=...: [^ ]*two-hosts.yaml has no host r1 \\(its hosts: s, d\\)"
                  ${run} ${network} --program "r1=${api}")
qosbed_expect_run(win32/program-twice 2 ""
                  "qosbed: --program s=... is given twice: one program per host"
                  ${run} ${network} --program "s=${api}" --program "s=${api}")
qosbed_expect_run(win32/program-open-quote 2 ""
                  "qosbed: --program d=...: the quote ' at character 1 of the command is not closed"
                  ${run} ${network} --program "d='${api}")
qosbed_expect_run(win32/program-no-command 2 "" "qosbed: --program d= names no program"
                  ${run} ${network} --program "d=")
qosbed_expect_run(win32/program-without-network 2 ""
                  "timeline.yaml: --program HOST=COMMAND runs a program on a network host; this scenario has no network:"
                  ${run} ${scenario} --program "s=${api}")
qosbed_expect_run(win32/program-and-dashes 2 ""
                  "qosbed: give either -- PROGRAM for the only program or --program HOST=COMMAND for each host, not both"
                  ${run} ${network} --program "s=${api}" -- ${api})
qosbed_expect_run(win32/invalid-scenario 2 "" "missing-role.yaml:[0-9]+:[0-9]+: error: "
                  ${run} ${PROJECT_SOURCE_DIR}/scenarios/invalid/missing-role.yaml
                  -- $<TARGET_FILE:win32_api>)

if(TARGET qosbed_windows)
  include(${CMAKE_CURRENT_LIST_DIR}/wine.cmake)
endif()
