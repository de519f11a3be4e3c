# Trace writers: JSON Lines and readable text.
add_library(qosbed_report STATIC report/json_trace.cpp report/text_trace.cpp)
target_link_libraries(qosbed_report PUBLIC qosbed_engine qosbed_gqos)
qosbed_warnings(qosbed_report)
