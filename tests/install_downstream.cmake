# Script of the install_downstream test (tests/install.cmake): install BUILD_DIR into a fresh
# prefix below WORK_DIR, configure, build and test the project in SOURCE_DIR against it with the
# same compiler and flags (a sanitizer build's libraries need the sanitizer at link time). Then
# check what each keyword of qosbed_add_scenarios() made of the tests, by what CTest lists
# (`ctest -N`, `-L`, `--show-only=json-v1`) and what the runs left behind, and that each wrong
# call of it (SOURCE_DIR/bad-arguments) fails to configure with its message. Last, the downstream
# program of its own is built again with pkg-config (qosbed-win32.pc) and the C compiler, and run;
# and the installed command finds the ws2_32.dll installed with it.
foreach(variable IN ITEMS BUILD_DIR WORK_DIR SOURCE_DIR CXX_COMPILER C_COMPILER LIBDIR)
  if(NOT DEFINED ${variable})
    message(FATAL_ERROR "install_downstream.cmake: -D ${variable}=... is required")
  endif()
endforeach()
if(NOT CONFIG)
  set(CONFIG RelWithDebInfo)
endif()

function(step)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    list(JOIN ARGN " " command)
    message(FATAL_ERROR "install_downstream: failed (${result}): ${command}")
  endif()
endfunction()

function(expect_equal what actual expected)
  if(NOT actual STREQUAL expected)
    message(FATAL_ERROR "install_downstream: ${what}:\n  expected '${expected}'\n  actual   '${actual}'")
  endif()
endfunction()

file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)
set(build ${WORK_DIR}/build)
step(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix} --config ${CONFIG})
step(${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${build} -D CMAKE_PREFIX_PATH=${prefix}
     -D CMAKE_BUILD_TYPE=${CONFIG} -D CMAKE_CXX_COMPILER=${CXX_COMPILER}
     -D CMAKE_C_COMPILER=${C_COMPILER}
     "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${EXE_LINKER_FLAGS}")
step(${CMAKE_COMMAND} --build ${build} --config ${CONFIG})
step(${CMAKE_CTEST_COMMAND} --test-dir ${build} --output-on-failure -C ${CONFIG})

# The names of the tests `ctest -N ARGS...` lists, in its order.
function(listed_tests out)
  execute_process(COMMAND ${CMAKE_CTEST_COMMAND} --test-dir ${build} -C ${CONFIG} -N ${ARGN}
                  OUTPUT_VARIABLE listing RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "install_downstream: ctest -N ${ARGN} failed (${result})")
  endif()
  string(REGEX MATCHALL "Test +#[0-9]+: [^\n]+" lines "${listing}")
  set(names)
  foreach(line IN LISTS lines)
    string(REGEX REPLACE "^Test +#[0-9]+: " "" name "${line}")
    list(APPEND names "${name}")
  endforeach()
  set(${out} "${names}" PARENT_SCOPE)
endfunction()

# TEST_PREFIX (default scenario/, and traced:), TEST_SUFFIX, one test per scenario below the
# folder, subfolders kept in the name, scenarios/invalid/ skipped.
set(scenarios receiver-learns-of-a-sender sender/sender-hears-of-a-receiver)
set(traced traced:receiver-learns-of-a-sender.run traced:sender/sender-hears-of-a-receiver.run)
listed_tests(all)
expect_equal("ctest -N" "${all}"
             "receiver_query;own_client;scenario/receiver-learns-of-a-sender;scenario/sender/sender-hears-of-a-receiver;${traced}")
# LABELS, and TEST_LIST: the project labels the tests its variable names.
listed_tests(labelled -L ^traced$)
expect_equal("ctest -N -L traced" "${labelled}" "${traced}")
listed_tests(labelled -L ^qosbed$)
expect_equal("ctest -N -L qosbed" "${labelled}" "${traced}")
listed_tests(from_list -L ^from_test_list$)
expect_equal("ctest -N -L from_test_list (set on the TEST_LIST variable's tests)" "${from_list}"
             "${traced}")

# What CTest would run: the command (EXTRA_ARGS before the file), WORKING_DIRECTORY, PROPERTIES.
execute_process(COMMAND ${CMAKE_CTEST_COMMAND} --test-dir ${build} -C ${CONFIG}
                        --show-only=json-v1
                OUTPUT_VARIABLE json RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "install_downstream: ctest --show-only=json-v1 failed (${result})")
endif()
string(JSON test_count LENGTH "${json}" tests)
math(EXPR last "${test_count} - 1")
set(checked 0)
foreach(index RANGE ${last})
  string(JSON test GET "${json}" tests ${index})
  string(JSON name GET "${test}" name)
  if(name STREQUAL "receiver_query" OR name STREQUAL "own_client")
    continue()
  endif()
  string(JSON argument_count LENGTH "${test}" command)
  math(EXPR last_argument "${argument_count} - 1")
  set(command)
  foreach(argument RANGE ${last_argument})
    string(JSON word GET "${test}" command ${argument})
    list(APPEND command "${word}")
  endforeach()
  string(JSON property_count LENGTH "${test}" properties)
  math(EXPR last_property "${property_count} - 1")
  set(properties)
  foreach(property RANGE ${last_property})
    string(JSON property_name GET "${test}" properties ${property} name)
    string(JSON value GET "${test}" properties ${property} value)
    string(JSON type TYPE "${test}" properties ${property} value)
    if(type STREQUAL "ARRAY")
      string(JSON length LENGTH "${value}")
      math(EXPR last_item "${length} - 1")
      set(items)
      foreach(item RANGE ${last_item})
        string(JSON word GET "${value}" ${item})
        list(APPEND items "${word}")
      endforeach()
      string(REPLACE ";" "," value "${items}")
    endif()
    list(APPEND properties "${property_name}=${value}")
  endforeach()

  if(name MATCHES "^scenario/(.*)$")
    set(file ${SOURCE_DIR}/scenarios/${CMAKE_MATCH_1}.yaml)
    expect_equal("${name}: command" "${command}" "${prefix}/bin/qosbed;run;${file}")
    expect_equal("${name}: properties" "${properties}" "WORKING_DIRECTORY=${build}")
  elseif(name MATCHES "^traced:(.*)\\.run$")
    set(file ${SOURCE_DIR}/scenarios/${CMAKE_MATCH_1}.yaml)
    expect_equal("${name}: command" "${command}"
                 "${prefix}/bin/qosbed;run;--golden;traces;--update-golden;${file}")
    expect_equal("${name}: properties" "${properties}"
                 "ENVIRONMENT=NO_COLOR=1;LABELS=from_test_list,qosbed,traced;TIMEOUT=30.0;WORKING_DIRECTORY=${build}/traced")
  else()
    message(FATAL_ERROR "install_downstream: unexpected test ${name}")
  endif()
  math(EXPR checked "${checked} + 1")
endforeach()
expect_equal("tests checked in ctest --show-only=json-v1" "${checked}" "4")

# The runs happened there with those arguments: each traced test kept its trace below its
# working directory.
foreach(scenario IN LISTS scenarios)
  cmake_path(GET scenario FILENAME file)
  set(trace ${build}/traced/traces/${file}.jsonl)
  if(NOT EXISTS ${trace})
    message(FATAL_ERROR "install_downstream: no ${trace}: EXTRA_ARGS or WORKING_DIRECTORY "
                        "did not reach the run")
  endif()
  file(READ ${trace} text)
  if(NOT text MATCHES "WSA_QOS_(SENDERS|RECEIVERS)")
    message(FATAL_ERROR "install_downstream: ${trace} holds no indication:\n${text}")
  endif()
endforeach()

# Each wrong call fails to configure, saying what is wrong and where it was called. The cases
# share one build folder, so the compiler is looked at once.
set(bad_cases
    "unknown-keyword|unknown argument 'LABEL' \\(did you mean LABELS\\?\\): it takes the scenario folder, then TEST_PREFIX, TEST_SUFFIX, EXTRA_ARGS, WORKING_DIRECTORY, LABELS, PROPERTIES, TEST_LIST"
    "missing-folder|qosbed_add_scenarios: no folder [^\n]*/bad-arguments/no-such-folder"
    "file-not-folder|qosbed_add_scenarios: [^\n]*/bad-arguments/CMakeLists.txt is a file, not the folder of the scenarios"
    "no-scenario|qosbed_add_scenarios: no \\.yaml scenario below [^\n]*/bad-arguments"
    "no-folder|qosbed_add_scenarios: no scenario folder given"
    "folder-not-first|qosbed_add_scenarios: the scenario folder comes first, before LABELS"
    "missing-value|qosbed_add_scenarios: TEST_LIST needs a value"
    "odd-properties|qosbed_add_scenarios: PROPERTIES takes pairs of a property name and its value"
    "two-prefixes|qosbed_add_scenarios: PREFIX is the older spelling of TEST_PREFIX")
foreach(bad IN LISTS bad_cases)
  string(REPLACE "|" ";" bad "${bad}")
  list(GET bad 0 case)
  list(GET bad 1 message)
  execute_process(COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR}/bad-arguments
                          -B ${WORK_DIR}/bad-arguments -D CMAKE_PREFIX_PATH=${prefix}
                          -D CMAKE_CXX_COMPILER=${CXX_COMPILER} -D CASE=${case}
                  RESULT_VARIABLE result OUTPUT_QUIET ERROR_VARIABLE errors)
  if(result EQUAL 0)
    message(FATAL_ERROR "install_downstream: bad-arguments CASE=${case} configured")
  endif()
  string(REGEX REPLACE "\n +" " " errors "${errors}")  # CMake wraps long messages
  if(NOT errors MATCHES "${message}")
    message(FATAL_ERROR "install_downstream: bad-arguments CASE=${case}: no '${message}' in:\n"
                        "${errors}")
  endif()
  if(NOT errors MATCHES "CMakeLists.txt:[0-9]+ \\(qosbed_add_scenarios\\)")
    message(FATAL_ERROR "install_downstream: bad-arguments CASE=${case}: the message does not "
                        "name the caller's line:\n${errors}")
  endif()
endforeach()

# The same program built without CMake: pkg-config's flags, the C compiler, then played against
# its scenario by the installed command.
block()
  find_program(pkg_config NAMES pkg-config pkgconf REQUIRED)
  set(ENV{PKG_CONFIG_PATH} ${prefix}/${LIBDIR}/pkgconfig)
  foreach(what IN ITEMS cflags libs)
    execute_process(COMMAND ${pkg_config} --${what} qosbed-win32 OUTPUT_VARIABLE ${what}
                    OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
      message(FATAL_ERROR "install_downstream: pkg-config --${what} qosbed-win32 failed")
    endif()
    separate_arguments(${what} UNIX_COMMAND "${${what}}")
  endforeach()
  # The build's own flags too: a sanitized library needs the sanitizer at link time.
  separate_arguments(build_flags UNIX_COMMAND "${CXX_FLAGS} ${EXE_LINKER_FLAGS}")
  set(program ${WORK_DIR}/gqos_client_pkg_config)
  step(${C_COMPILER} -std=c99 ${build_flags} ${cflags} ${SOURCE_DIR}/program/gqos_client.c
       -o ${program} ${libs})
  step(${prefix}/bin/qosbed run ${SOURCE_DIR}/program/receiver.yaml -- ${program})
endblock()

# With a Windows side built, the installed command finds its ws2_32.dll: asked to run an .exe
# where no Wine is on PATH, it gets as far as looking for Wine.
if(WINDOWS_DIR AND EXISTS ${WINDOWS_DIR}/ws2_32.dll)
  set(ENV{PATH} ${WORK_DIR})
  execute_process(COMMAND ${prefix}/bin/qosbed run ${SOURCE_DIR}/program/receiver.yaml --
                          ${WINDOWS_DIR}/examples/receiver.exe
                  RESULT_VARIABLE result ERROR_VARIABLE errors)
  if(NOT result EQUAL 2 OR NOT errors MATCHES "no Wine to run it under")
    message(FATAL_ERROR "install_downstream: the installed qosbed and its ws2_32.dll: exit "
                        "${result}:\n${errors}")
  endif()
endif()
