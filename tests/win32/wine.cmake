# `qosbed run SCENARIO -- PROGRAM.exe`: the examples and the test programs, built for Windows by
# the Windows side (sim/win32/dll), run under Wine with qosbed's ws2_32.dll. Each runs once per
# scenario or case, the fewest runs that show it (Wine's start is what they cost): the examples
# against the scenarios that pass and those that must fail, saying what the same program built
# for Linux says; the failures a run must report, named; Windows' own handles beside qosbed's. All run in one Wine prefix of the build
# tree, made once (wine/session-start) and never changed by qosbed; they skip without Wine.
set(windows ${QOSBED_WINDOWS_BINARY_DIR})
set(wine_prefix ${PROJECT_BINARY_DIR}/wine-prefix)
set(skip_without_wine /bin/sh ${CMAKE_CURRENT_SOURCE_DIR}/win32/wine_or_skip.sh)

foreach(action IN ITEMS start stop)
  add_test(NAME wine/session-${action}
           COMMAND ${skip_without_wine} ${CMAKE_COMMAND} -DACTION=${action}
                   -DPREFIX=${wine_prefix} -P ${CMAKE_CURRENT_SOURCE_DIR}/win32/wine_session.cmake)
  set_tests_properties(wine/session-${action} PROPERTIES SKIP_RETURN_CODE 77 LABELS wine)
endforeach()
# Making a prefix takes Wine 15 to 20 s here; a slow machine gets more.
set_tests_properties(wine/session-start PROPERTIES FIXTURES_SETUP wine TIMEOUT 600)
set_tests_properties(wine/session-stop PROPERTIES FIXTURES_CLEANUP wine TIMEOUT 120)

function(qosbed_wine_properties name)
  set_tests_properties(${name} PROPERTIES SKIP_RETURN_CODE 77 FIXTURES_REQUIRED wine TIMEOUT 120
                                          LABELS "program;wine")
endfunction()

# qosbed_wine_example(SCENARIO EXAMPLE EXIT [ARGS...]): examples/SCENARIO.yaml against EXAMPLE
# built both ways (same_under_wine.cmake).
function(qosbed_wine_example scenario example code)
  string(REPLACE ";" "|" arguments "${ARGN}")
  set(name wine/example/${scenario})
  add_test(NAME ${name}
           COMMAND ${skip_without_wine} ${CMAKE_COMMAND} -DQOSBED=$<TARGET_FILE:qosbed>
                   -DSCENARIO=${PROJECT_SOURCE_DIR}/examples/${scenario}.yaml
                   -DLINUX_PROGRAM=$<TARGET_FILE:example_${example}>
                   -DWINDOWS_PROGRAM=${windows}/examples/${example}.exe -DPREFIX=${wine_prefix}
                   -DEXIT=${code} "-DARGS=${arguments}"
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/win32/same_under_wine.cmake)
  qosbed_wine_properties(${name})
endfunction()
qosbed_wine_example(receiver receiver 0)
qosbed_wine_example(receiver-wrong-rate receiver 1)
qosbed_wine_example(drainer drainer 0)
qosbed_wine_example(drainer-dropped drainer 1)
qosbed_wine_example(window window 0)
qosbed_wine_example(window-no-rsvp window 1)
qosbed_wine_example(sender sender 0)
qosbed_wine_example(sender-over-limit sender 1)
qosbed_wine_example(sender-network sender 0)
qosbed_wine_example(sender-network-no-room sender 1)

# qosbed_wine_program_test(NAME PROGRAM SCENARIO EXIT CODE ARGS ... [TIMEOUT SECONDS]
#                          [OUTPUT REGEX...] [ERROR REGEX...]): PROGRAM.exe of the Windows side, as
# qosbed_program_test runs a program.
function(qosbed_wine_program_test name program scenario)
  cmake_parse_arguments(PARSE_ARGV 3 arg "" "EXIT;TIMEOUT" "OUTPUT;ERROR;ARGS")
  if(NOT arg_TIMEOUT)
    set(arg_TIMEOUT 30)
  endif()
  qosbed_expect_run_command(command ${arg_EXIT} "${arg_OUTPUT}" "${arg_ERROR}"
                            $<TARGET_FILE:qosbed> run --timeout ${arg_TIMEOUT} --wine-prefix
                            ${wine_prefix} ${CMAKE_CURRENT_SOURCE_DIR}/${scenario} --
                            ${windows}/${program}.exe ${arg_ARGS})
  add_test(NAME ${name} COMMAND ${skip_without_wine} ${command})
  qosbed_wine_properties(${name})
endfunction()
set(timeline win32/programs/timeline.yaml)
qosbed_wine_program_test(wine/unsupported-call misbehave ${timeline} EXIT 1 ARGS unsupported
                         ERROR "qosbed_win32: WSAJoinLeaf is not modelled by qosbed"
                               "qosbed: the program called WSAJoinLeaf, which qosbed does not model")
qosbed_wine_program_test(wine/crash misbehave ${timeline} EXIT 1 ARGS crash
                         ERROR "qosbed: the program crashed at t=10.000 ms: access violation \\(exception 0xC0000005\\) at address 0x[0-9A-F]+\n")
qosbed_wine_program_test(wine/early-exit misbehave ${timeline} EXIT 1 ARGS exit
                         ERROR "qosbed: the program exited with code 3 at t=100.000 ms\n")
qosbed_wine_program_test(wine/deadlock misbehave ${timeline} EXIT 1 ARGS deadlock
                         ERROR "the program waits with nothing left to happen \\(t=30000.000 ms\\)"
                               "thread 1 \\(main\\) waits in WaitForMultipleObjects\\(event 0x4[0-9A-F]+ \\(not set\\), INFINITE\\)"
                               "thread 2 waits in WaitForMultipleObjects\\(event 0x4[0-9A-F]+ \\(not set\\), INFINITE\\)")
# Wine's start counts in --timeout: 3 s leave it room.
qosbed_wine_program_test(wine/busy misbehave ${timeline} EXIT 1 ARGS busy TIMEOUT 3
                         ERROR "the program ran out of wall-clock time \\(--timeout 3 s\\) at t=10.000 ms:\n  thread 1 \\(main\\) runs")

# One .exe per host: the sender on s and the receiver on d, both under Wine, reserve through r1.
set(output "update bytes=220 receiving service=2 token_rate=16000 status=11006"
           "worker: update at 4 ms sending service=2 token_rate=16000"
           "two-hosts.yaml -- [^ ]*sender.exe, ...: passed \\(all 6 expectations held\\)")
qosbed_expect_run_command(command 0 "${output}" "" $<TARGET_FILE:qosbed> run --timeout 60 --wine-prefix ${wine_prefix}
  ${PROJECT_SOURCE_DIR}/examples/two-hosts.yaml
  --program "s='${windows}/examples/sender.exe' 1"
  --program "d='${windows}/examples/receiver.exe' 2 10.0.0.1 6000 16000")
add_test(NAME wine/example/two-hosts COMMAND ${skip_without_wine} ${command})
qosbed_wine_properties(wine/example/two-hosts)

# Windows' own handles beside qosbed's, and a call outside the model that only an .exe can make.
qosbed_wine_program_test(wine/windows-handles wine_calls ${timeline} EXIT 0 ARGS handles
                         OUTPUT "mutex wait 0, event wait 0, at 1000 ms\r?\nclosed 1 1\r?\n")
qosbed_wine_program_test(wine/mixed-wait wine_calls ${timeline} EXIT 1 ARGS mixed-wait
                         ERROR "qosbed: the program called WaitForMultipleObjects on qosbed's objects and Windows' own handles at once, which qosbed does not model")
qosbed_wine_program_test(wine/timer wine_calls ${timeline} EXIT 1 ARGS timer
                         ERROR "qosbed: the program called SetTimer, which qosbed does not model")

# What qosbed refuses before starting Wine: exit 2, saying why. Wine is not needed.
# Without Wine on PATH, qosbed says so (having found its own ws2_32.dll first).
qosbed_program_test(wine/no-wine ${windows}/misbehave.exe ${timeline} EXIT 2 ARGS exit
                    ERROR "qosbed: cannot run [^\n]*/misbehave.exe: no Wine to run it under \\(no wine64 or wine on PATH\\)")
set_tests_properties(wine/no-wine PROPERTIES ENVIRONMENT PATH=${CMAKE_CURRENT_BINARY_DIR})
qosbed_program_test(wine/missing-program ${CMAKE_CURRENT_BINARY_DIR}/no-such-program.exe
                    ${timeline} EXIT 2
                    ERROR "qosbed: cannot start [^\n]*/no-such-program.exe: No such file or directory")
qosbed_expect_run(wine/prefix-without-program 2 ""
                  "qosbed: --wine-prefix is where a PROGRAM.exe runs: it goes with -- PROGRAM"
                  $<TARGET_FILE:qosbed> run --wine-prefix ${wine_prefix}
                  ${CMAKE_CURRENT_SOURCE_DIR}/${timeline})
