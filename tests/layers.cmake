# The layer rules (docs/architecture.md): the source tree keeps them, and the check that enforces
# them fails on an upward include.
find_package(Python3 REQUIRED COMPONENTS Interpreter)
add_test(NAME layers COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tools/check_layers.py
                             --root ${PROJECT_SOURCE_DIR})
add_test(NAME layers_check_fails_upward
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/check_layers_test.py
                 ${PROJECT_SOURCE_DIR}/tools/check_layers.py)
