# Script of the install_downstream test (tests/install.cmake): install BUILD_DIR into a fresh
# prefix below WORK_DIR, configure, build and test the project in SOURCE_DIR against it with the
# same compiler and flags (a sanitizer build's libraries need the sanitizer at link time).
foreach(variable IN ITEMS BUILD_DIR WORK_DIR SOURCE_DIR CXX_COMPILER)
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

file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)
step(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix} --config ${CONFIG})
step(${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${WORK_DIR}/build -D CMAKE_PREFIX_PATH=${prefix}
     -D CMAKE_BUILD_TYPE=${CONFIG} -D CMAKE_CXX_COMPILER=${CXX_COMPILER}
     "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${EXE_LINKER_FLAGS}")
step(${CMAKE_COMMAND} --build ${WORK_DIR}/build --config ${CONFIG})
step(${CMAKE_CTEST_COMMAND} --test-dir ${WORK_DIR}/build --output-on-failure -C ${CONFIG})
