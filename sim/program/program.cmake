# qosbed's side of `qosbed run SCENARIO -- PROGRAM`: the program as a child process, the channel
# to it, and the session that serves its calls in virtual time.
add_library(qosbed_program STATIC program/session.cpp program/sockets.cpp program/requests.cpp
                                  program/threads.cpp program/process.cpp program/program_run.cpp)
target_link_libraries(qosbed_program PUBLIC qosbed_runner qosbed_scenario)
qosbed_warnings(qosbed_program)
