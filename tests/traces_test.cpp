// What the trace records of a run say: which call a `finished` record finishes, and the QOS an
// application passed to connect and SIO_SET_QOS, in JSON and in the text trace.
#define BOOST_TEST_MODULE traces
#include <boost/test/unit_test.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "report/json_trace.hpp"
#include "report/text_trace.hpp"
#include "runner/runner.hpp"
#include "scenario/loader.hpp"

using namespace qosbed;

namespace {

scenario::Scenario load(const std::string& text) {
  scenario::LoadResult loaded = scenario::load_text(text, "t.yaml");
  for (const auto& diagnostic : loaded.diagnostics)
    BOOST_TEST_MESSAGE(scenario::format(diagnostic));
  BOOST_REQUIRE(loaded.diagnostics.empty());
  BOOST_REQUIRE(loaded.scenario.has_value());
  return std::move(*loaded.scenario);
}

std::vector<engine::TraceRecord> records_of(const std::string& text) {
  engine::TraceLog log;
  runner::RunOptions options;
  options.trace = &log;
  BOOST_TEST(runner::run(load(text), options).passed());
  return log.records();
}

std::vector<std::string> json_of(const std::vector<engine::TraceRecord>& records,
                                 engine::TraceKind kind) {
  std::vector<std::string> lines;
  for (const engine::TraceRecord& record : records) {
    if (record.kind == kind) lines.push_back(report::to_json(record));
  }
  return lines;
}

using Lines = std::vector<std::string>;

// A sender sets its QOS overlapped, then a query pends and finishes at an indication.
const std::string sender =
    "scenario: t\nsockets:\n  tx: {role: sender, remote: 10.0.0.2:5000}\nsteps:\n"
    "  - {app: connect, socket: tx}\n"
    "  - {app: get_qos, socket: tx}\n"
    "  - app: set_qos\n    socket: tx\n    mode: overlapped\n"
    "    qos: {sending: {service_type: guaranteed, token_rate: 8000}, style: fixed_filter, "
    "confirm: true}\n"
    "  - {at: 5ms, sp: fd_qos, socket: tx, status: WSA_QOS_RECEIVERS}\n"
    "  - {app: wait, alertable: true, timeout: 10ms}\n"
    "  - {expect: completion, socket: tx, bytes: 0}\n"
    "  - {expect: completion, socket: tx, status: WSA_QOS_RECEIVERS}\n";

}  // namespace

// Both requests finish; each `finished` record says which call's request it was.
BOOST_AUTO_TEST_CASE(finished_records_name_the_call) {
  BOOST_TEST(
      json_of(records_of(sender), engine::TraceKind::finished) ==
          (Lines{R"({"t_us":0,"socket":"tx","event":"finished","call":"set_qos","error":0,)"
                 R"("error_name":"NO_ERROR","bytes":0})",
                 R"({"t_us":5000,"socket":"tx","event":"finished","call":"get_qos","error":0,)"
                 R"("error_name":"NO_ERROR","bytes":100})"}),
      boost::test_tools::per_element());
}
