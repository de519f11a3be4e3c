# qosbed_add_scenarios(DIR
#                      [TEST_PREFIX prefix] [TEST_SUFFIX suffix]
#                      [EXTRA_ARGS arg...]
#                      [WORKING_DIRECTORY dir]
#                      [LABELS label...]
#                      [PROPERTIES name value...]
#                      [TEST_LIST var])
#
# Registers every .yaml scenario below DIR (a relative DIR is taken from the current source
# folder) as a CTest test named <prefix><path><suffix>, <path> being the file's path below DIR
# without .yaml. Each test runs the installed `qosbed run [EXTRA_ARGS...] FILE`, so it fails when
# an expectation fails (exit 1) or the scenario is invalid (exit 2). Folders named `invalid` are
# skipped, as `qosbed run DIR` skips them. The keywords mean what they mean to
# gtest_discover_tests() and gtest_add_tests() of CMake's GoogleTest module:
#
#   TEST_PREFIX        put before each test name; "scenario/" when not given (PREFIX, the older
#                      spelling, is still taken)
#   TEST_SUFFIX        put after each test name
#   EXTRA_ARGS         more arguments of `qosbed run`, given before the file (--trace text, ...)
#   WORKING_DIRECTORY  the folder the tests run in (a relative one is taken from the current
#                      binary folder); the current binary folder when not given
#   LABELS             the tests' labels, added to their LABELS property (`ctest -L label`)
#   PROPERTIES         further test properties, as set_tests_properties() takes them
#   TEST_LIST          the variable that receives the names of the tests. The tests exist once
#                      CMake has run, so it is set in the caller's scope, as gtest_add_tests()
#                      sets it (gtest_discover_tests() can only set it inside CTest).
function(qosbed_add_scenarios)
  set(one_value TEST_PREFIX PREFIX TEST_SUFFIX WORKING_DIRECTORY TEST_LIST)
  set(multi_value EXTRA_ARGS LABELS PROPERTIES)
  set(keywords TEST_PREFIX TEST_SUFFIX EXTRA_ARGS WORKING_DIRECTORY LABELS PROPERTIES TEST_LIST)
  list(JOIN keywords ", " keyword_text)
  set(me qosbed_add_scenarios)
  if(ARGC EQUAL 0)
    message(FATAL_ERROR "${me}: no scenario folder given: "
                        "qosbed_add_scenarios(DIR [${keyword_text} ...])")
  endif()
  if(ARGV0 IN_LIST keywords OR ARGV0 STREQUAL "PREFIX")
    message(FATAL_ERROR "${me}: the scenario folder comes first, before ${ARGV0}")
  endif()
  set(dir ${ARGV0})
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "${one_value}" "${multi_value}")

  if(arg_UNPARSED_ARGUMENTS)
    list(GET arg_UNPARSED_ARGUMENTS 0 unknown)
    string(TOUPPER "${unknown}" meant)
    if(NOT meant IN_LIST keywords AND "${meant}S" IN_LIST keywords)
      string(APPEND meant "S")
    endif()
    set(hint "")
    if(meant IN_LIST keywords)
      set(hint " (did you mean ${meant}?)")
    endif()
    message(FATAL_ERROR "${me}: unknown argument '${unknown}'${hint}: it takes the scenario "
                        "folder, then ${keyword_text}")
  endif()
  if(arg_KEYWORDS_MISSING_VALUES)
    list(GET arg_KEYWORDS_MISSING_VALUES 0 keyword)
    message(FATAL_ERROR "${me}: ${keyword} needs a value")
  endif()
  # An empty prefix ("") leaves arg_TEST_PREFIX undefined, so the keywords are looked for as given.
  if("PREFIX" IN_LIST ARGN)
    if("TEST_PREFIX" IN_LIST ARGN)
      message(FATAL_ERROR "${me}: PREFIX is the older spelling of TEST_PREFIX: give one of them")
    endif()
    set(arg_TEST_PREFIX "${arg_PREFIX}")
  elseif(NOT "TEST_PREFIX" IN_LIST ARGN)
    set(arg_TEST_PREFIX "scenario/")
  endif()
  list(LENGTH arg_PROPERTIES property_words)
  math(EXPR odd "${property_words} % 2")
  if(odd)
    message(FATAL_ERROR "${me}: PROPERTIES takes pairs of a property name and its value: "
                        "${arg_PROPERTIES}")
  endif()
  if(NOT DEFINED arg_WORKING_DIRECTORY)
    set(arg_WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
  endif()
  cmake_path(ABSOLUTE_PATH arg_WORKING_DIRECTORY BASE_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}
             NORMALIZE)
  if(NOT TARGET qosbed::qosbed)
    message(FATAL_ERROR "${me}: this qosbed package has no qosbed command "
                        "(it was built with QOSBED_TOOLS off, as Windows builds are)")
  endif()
  cmake_path(ABSOLUTE_PATH dir BASE_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR} NORMALIZE)
  if(NOT EXISTS ${dir})
    message(FATAL_ERROR "${me}: no folder ${dir}")
  elseif(NOT IS_DIRECTORY ${dir})
    message(FATAL_ERROR "${me}: ${dir} is a file, not the folder of the scenarios")
  endif()

  file(GLOB_RECURSE files CONFIGURE_DEPENDS ${dir}/*.yaml)
  list(SORT files)
  set(tests)
  foreach(file IN LISTS files)
    file(RELATIVE_PATH name ${dir} ${file})
    if(name MATCHES "(^|/)invalid/")
      continue()
    endif()
    string(REGEX REPLACE "\\.yaml$" "" name ${name})
    set(test ${arg_TEST_PREFIX}${name}${arg_TEST_SUFFIX})
    add_test(NAME ${test} COMMAND $<TARGET_FILE:qosbed::qosbed> run ${arg_EXTRA_ARGS} ${file}
             WORKING_DIRECTORY ${arg_WORKING_DIRECTORY})
    list(APPEND tests ${test})
  endforeach()
  if(NOT tests)
    message(FATAL_ERROR "${me}: no .yaml scenario below ${dir}")
  endif()
  if(arg_PROPERTIES)
    set_tests_properties(${tests} PROPERTIES ${arg_PROPERTIES})
  endif()
  if(arg_LABELS)
    set_property(TEST ${tests} APPEND PROPERTY LABELS ${arg_LABELS})
  endif()
  if(DEFINED arg_TEST_LIST)
    set(${arg_TEST_LIST} ${tests} PARENT_SCOPE)
  endif()
endfunction()
