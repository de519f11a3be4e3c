# The commands around a run: CI reporters, golden traces, explain, new.
if(TARGET qosbed_cli)
  qosbed_test(test_authoring authoring_test.cpp)
  target_link_libraries(test_authoring PRIVATE qosbed_cli)
  target_compile_definitions(test_authoring PRIVATE QOSBED_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
endif()
