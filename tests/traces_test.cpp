// What the trace records of a run say: which call a `finished` record finishes, the QOS an
// application passed to connect and SIO_SET_QOS, in JSON and in the text trace; and which file
// each record of a several-file `run --trace json` comes from.
#define BOOST_TEST_MODULE traces
#include <boost/test/unit_test.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli_harness.hpp"
#include "engine/event_queue.hpp"
#include "engine/tracing_provider.hpp"
#include "gqos/constants.hpp"
#include "provider_stub/emulator.hpp"
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

template <typename Kind>
std::vector<std::string> json_of(const std::vector<engine::TraceRecord>& records) {
  std::vector<std::string> lines;
  for (const engine::TraceRecord& record : records) {
    if (std::holds_alternative<Kind>(record)) lines.push_back(report::to_json(record));
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
      json_of<engine::FinishedRecord>(records_of(sender)) ==
          (Lines{R"({"t_us":0,"socket":"tx","event":"finished","call":"set_qos","error":0,)"
                 R"("error_name":"NO_ERROR","bytes":0})",
                 R"({"t_us":5000,"socket":"tx","event":"finished","call":"get_qos","error":0,)"
                 R"("error_name":"NO_ERROR","bytes":100})"}),
      boost::test_tools::per_element());
}

// The QOS the application passed shows decoded: both FLOWSPECs and the RSVP_RESERVE_INFO.
BOOST_AUTO_TEST_CASE(a_set_qos_call_shows_the_qos_passed) {
  const auto records = records_of(sender);
  const engine::TraceRecord* set = nullptr;
  for (const engine::TraceRecord& record : records) {
    const auto* call = std::get_if<engine::CallRecord>(&record);
    if (call && call->call == "set_qos") set = &record;
  }
  BOOST_REQUIRE(set);
  BOOST_TEST(report::to_json(*set) ==
             R"({"t_us":0,"socket":"tx","event":"call","call":"set_qos",)"
             R"("detail":"overlapped routine","result":0,"buffer_size":0,"bytes":0,"qos":{)"
             R"("sending":{"service_type":3,"service_type_name":"SERVICETYPE_GUARANTEED",)"
             R"("token_rate":8000,"token_bucket_size":4294967295,"peak_bandwidth":4294967295,)"
             R"("latency":4294967295,"delay_variation":4294967295,"max_sdu_size":4294967295,)"
             R"("minimum_policed_size":4294967295},)"
             R"("receiving":{"service_type":6,"service_type_name":"SERVICETYPE_NOCHANGE",)"
             R"("token_rate":4294967295,"token_bucket_size":4294967295,)"
             R"("peak_bandwidth":4294967295,"latency":4294967295,"delay_variation":4294967295,)"
             R"("max_sdu_size":4294967295,"minimum_policed_size":4294967295},)"
             R"("objects":[{"type":1001,"type_name":"RSVP_OBJECT_RESERVE_INFO","length":40,)"
             R"("style":2,"style_name":"RSVP_FIXED_FILTER_STYLE","confirm_request":1}]}})");
  BOOST_TEST(report::to_text(*set) ==
             "    0.000 ms  tx  call set_qos [overlapped routine]  result=0  buffer=0  bytes=0  "
             "qos={sending: {service_type: SERVICETYPE_GUARANTEED, token_rate: 8000}, receiving: "
             "{service_type: SERVICETYPE_NOCHANGE}, objects: [RSVP_OBJECT_RESERVE_INFO {length: "
             "40, style: RSVP_FIXED_FILTER_STYLE, confirm_request: 1}]}");
}

// WSAConnect's lpSQOS shows too; a connect without one shows none.
BOOST_AUTO_TEST_CASE(a_connect_call_shows_the_qos_passed) {
  const auto records = records_of(
      "scenario: t\nsockets:\n"
      "  tx: {role: sender, remote: 10.0.0.2:5000, qos: {sending: {service_type: "
      "controlled_load, token_rate: 4000}}}\n"
      "  plain: {role: sender, remote: 10.0.0.2:5001}\n"
      "steps:\n  - {app: connect, socket: tx}\n  - {app: connect, socket: plain}\n"
      "  - {expect: call, result: 0}\n");
  BOOST_REQUIRE(records.size() == 2u);
  BOOST_TEST(report::to_text(records[0]) ==
             "    0.000 ms  tx  call connect [10.0.0.2:5000]  result=0  qos={sending: "
             "{service_type: SERVICETYPE_CONTROLLEDLOAD, token_rate: 4000}, receiving: "
             "{service_type: SERVICETYPE_NOCHANGE}}");
  BOOST_TEST(!std::get<engine::CallRecord>(records[1]).qos.has_value());
  BOOST_TEST(report::to_json(records[1]).find("qos") == std::string::npos);
}

// A synchronous query's data is in its call record: the application read it there.
BOOST_AUTO_TEST_CASE(a_synchronous_query_shows_what_it_returned) {
  const auto records = records_of(
      "scenario: t\nsockets:\n  rx: {role: receiver}\nsteps:\n  - {app: bind, socket: rx}\n"
      "  - {at: 5ms, sp: fd_qos, socket: rx, status: WSA_QOS_SENDERS}\n"
      "  - {app: get_qos, socket: rx, mode: sync}\n"
      "  - {expect: call, result: 0, status: WSA_QOS_SENDERS}\n");
  BOOST_REQUIRE(records.size() == 3u);
  BOOST_TEST(report::to_text(records[2]) ==
             "    5.000 ms  rx  call get_qos [sync]  result=0  buffer=65536  bytes=100  "
             "status=WSA_QOS_SENDERS  sending={service_type: SERVICETYPE_NOCHANGE}  "
             "receiving={service_type: SERVICETYPE_BESTEFFORT}");
}

// Any QOS a client passes is shown as far as it decodes, with where and why decoding stopped.
BOOST_AUTO_TEST_CASE(a_qos_that_does_not_decode_shows_where_it_stops) {
  engine::EventQueue queue;
  provider_stub::Emulator emulator(queue);
  engine::TraceLog log;
  engine::TracingProvider traced(emulator, queue, log);
  const provider::Socket socket = traced.open(provider::Role::sender, provider::Protocol::udp);
  traced.connect(socket, {"10.0.0.2", 5000}, std::vector<std::byte>(40));

  gqos::QosContent content;
  content.sending = gqos::unspecified_flowspec(gqos::service_type::best_effort);
  content.receiving = gqos::unspecified_flowspec(gqos::service_type::no_change);
  content.objects = {gqos::make_sd_mode(gqos::sd_mode::shape), gqos::make_shaping_rate(9000),
                     gqos::ProviderObject{0x1234, std::vector<std::byte>(2, std::byte{0xAB}), 0}};
  std::vector<std::byte> qos(gqos::required_size(content));
  BOOST_REQUIRE(gqos::encode(content, qos));
  traced.ioctl(socket, gqos::ioctl::set_qos, qos, {}, nullptr, nullptr, {});

  BOOST_REQUIRE(log.records().size() == 2u);
  BOOST_TEST(report::to_text(*std::get<engine::CallRecord>(log.records()[0]).qos) ==
             "{decode_error: 40 bytes, fewer than a QOS (80)}");
  BOOST_TEST(report::to_text(*std::get<engine::CallRecord>(log.records()[1]).qos) ==
             "{sending: {service_type: SERVICETYPE_BESTEFFORT}, receiving: {service_type: "
             "SERVICETYPE_NOCHANGE}, objects: [QOS_OBJECT_SD_MODE {length: 12, "
             "shape_discard_mode: TC_NONCONF_SHAPE}, QOS_OBJECT_SHAPING_RATE {length: 12, "
             "shaping_rate: 9000}], decode_error: object length 0 would never advance at offset "
             "104}");
}

// Several files in one JSON stream: each record begins with the file it comes from, in file
// order, with -j too. One file's trace stays as it was, the same bytes as its golden trace.
BOOST_AUTO_TEST_CASE(several_files_name_their_scenario_in_every_json_record) {
  const test::TempFolder folder("traces");
  const std::string bind =
      "scenario: NAME\nsockets:\n  rx: {role: receiver}\nsteps:\n"
      "  - {app: bind, socket: rx}\n  - {expect: call, result: 0}\n";
  folder.write("a.yaml", std::string(bind).replace(10, 4, "a"));
  folder.write("b.yaml", std::string(bind).replace(10, 4, "b"));
  const std::string a = folder.file("a.yaml");
  const std::string b = folder.file("b.yaml");

  const test::CommandResult alone = test::command({"run", "--trace", "json", a});
  BOOST_TEST(alone.code == 0);
  const std::string record = R"({"t_us":0,"socket":"rx","event":"call","call":"bind",)"
                             R"("detail":"0.0.0.0:0","result":0})";
  BOOST_TEST(alone.out == record + "\n");

  BOOST_TEST(test::command({"run", "--help"})
                 .out.find(R"(each record)"
                           "\n"
                           R"(begins with "scenario":"FILE")") != std::string::npos);
  for (const std::string jobs : {"1", "2"}) {
    const test::CommandResult both = test::command({"run", "--trace", "json", "-j", jobs, a, b});
    BOOST_TEST(both.code == 0);
    BOOST_TEST(both.out == "{\"scenario\":\"" + a + "\"," + record.substr(1) + "\n" +
                               "{\"scenario\":\"" + b + "\"," + record.substr(1) + "\n");
  }
}
