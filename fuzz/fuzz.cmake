# Compiler flags for a libFuzzer build (QOSBED_FUZZ, clang only). Included before the libraries
# are defined, so every one of them is built with coverage feedback and the sanitizers; the fuzz
# targets themselves are defined in fuzz/CMakeLists.txt.
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "QOSBED_FUZZ needs clang (libFuzzer): configure with "
                      "-DCMAKE_CXX_COMPILER=clang++ or use the `fuzz` preset")
endif()
add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                    -fno-sanitize-recover=all)
add_link_options(-fsanitize=address,undefined)
