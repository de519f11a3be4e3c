# Trace writers (JSON Lines, readable text), CI reporters (JUnit XML, TAP), golden traces.
add_library(qosbed_report STATIC report/json_trace.cpp report/text_trace.cpp
                                 report/junit_reporter.cpp report/tap_reporter.cpp
                                 report/output_file.cpp report/golden.cpp)
target_link_libraries(qosbed_report PUBLIC qosbed_engine qosbed_gqos)
qosbed_warnings(qosbed_report)
