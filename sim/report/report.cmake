# Trace writers (JSON Lines, readable text), CI reporters (JUnit XML, TAP), golden traces,
# the sequence diagram (SVG) and the HTML report.
add_library(qosbed_report STATIC report/json_trace.cpp report/json_writer.cpp
                                 report/text_trace.cpp report/junit_reporter.cpp
                                 report/tap_reporter.cpp report/output_file.cpp report/golden.cpp
                                 report/json_fields.cpp report/counts.cpp
                                 report/xml_text.cpp report/sequence_diagram.cpp
                                 report/svg_writer.cpp report/html_report.cpp)
target_link_libraries(qosbed_report PUBLIC qosbed_engine qosbed_gqos)
qosbed_warnings(qosbed_report)
