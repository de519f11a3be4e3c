#define BOOST_TEST_MODULE runner
#include "runner/runner.hpp"

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "gqos/constants.hpp"
#include "report/json_trace.hpp"
#include "runner/emulator_options.hpp"
#include "scenario/loader.hpp"

using namespace qosbed;

namespace {

// The example of scenario-format.md, verbatim, as bundled.
std::string enobufs_example_text() {
  std::ifstream in(QOSBED_SCENARIOS_DIR "/regression/receiver-reissues-after-enobufs.yaml");
  std::stringstream text;
  text << in.rdbuf();
  BOOST_REQUIRE(!text.str().empty());
  return text.str();
}

scenario::Scenario load(std::string_view text) {
  scenario::LoadResult loaded = scenario::load_text(text, "example.yaml");
  for (const auto& diagnostic : loaded.diagnostics)
    BOOST_TEST_MESSAGE(scenario::format(diagnostic));
  BOOST_REQUIRE(loaded.diagnostics.empty());
  BOOST_REQUIRE(loaded.scenario.has_value());
  return std::move(*loaded.scenario);
}

std::string json_trace(const scenario::Scenario& scenario) {
  std::ostringstream out;
  report::JsonTraceWriter writer(out);
  const runner::RunResult result = runner::run(scenario, {&writer});
  BOOST_TEST(result.passed());
  return out.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_format_example_passes) {
  const runner::RunResult result = runner::run(load(enobufs_example_text()));
  for (const auto& failure : result.failures) BOOST_TEST_MESSAGE(runner::format(failure));
  BOOST_TEST(result.passed());
  BOOST_TEST(result.expectations_checked == 2u);
  BOOST_TEST(result.end_us == 10000);
}

BOOST_AUTO_TEST_CASE(the_trace_is_the_same_twice_byte_for_byte) {
  const scenario::Scenario scenario = load(enobufs_example_text());
  const std::string first = json_trace(scenario);
  BOOST_TEST(!first.empty());
  BOOST_TEST(first == json_trace(scenario));
}

BOOST_AUTO_TEST_CASE(the_trace_shows_the_required_size_and_buf_as_an_offset) {
  const auto lines = lines_of(json_trace(load(enobufs_example_text())));
  std::vector<std::string> completions;
  for (const auto& line : lines) {
    if (line.find("\"event\":\"completion\"") != std::string::npos) completions.push_back(line);
  }
  BOOST_REQUIRE(completions.size() == 2u);
  BOOST_TEST(
      completions[0] ==
      R"({"t_us":10000,"socket":"rx","event":"completion","call":"get_qos","source":"routine",)"
      R"("error":10055,"error_name":"WSAENOBUFS","buffer_size":16,"bytes":4,)"
      R"("required":100,"buffer_hex":"64000000"})");
  // ProviderSpecific.len 20 at offset 64, then buf shown as offset 80 (0x50).
  BOOST_TEST(completions[1].find("14000000000000005000000000000000e8030000") != std::string::npos);
  BOOST_TEST(completions[1].find(R"("status":11006,"status_name":"WSA_QOS_SENDERS")") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_missed_expectation_names_the_line_and_both_values) {
  std::string text = enobufs_example_text();
  const auto at = text.find("required: 100");
  text.replace(at, 13, "required: 90");
  const runner::RunResult result = runner::run(load(text));
  BOOST_REQUIRE(result.failures.size() == 1u);
  BOOST_TEST(runner::format(result.failures[0]) ==
             "example.yaml:34: expected completion required 90 vs actual 100 "
             "(completion on rx at 10.000 ms, from routine)");
}

// Each expect: step is kept with its own failures, the ones that held too.
BOOST_AUTO_TEST_CASE(every_checked_expectation_is_kept_with_its_failures) {
  std::string text = enobufs_example_text();
  text.replace(text.find("required: 100"), 13, "required: 90");
  const scenario::Scenario scenario = load(text);
  const runner::RunResult result = runner::run(scenario);
  BOOST_REQUIRE(result.expectations.size() == 2u);
  BOOST_TEST(scenario.steps[result.expectations[0].step].mark.line == 30);
  BOOST_REQUIRE(result.expectations[0].failures.size() == 1u);
  BOOST_TEST(result.expectations[0].failures[0].mark.line == 34);
  BOOST_TEST(scenario.steps[result.expectations[1].step].mark.line == 40);
  BOOST_TEST(result.expectations[1].failures.empty());
}

BOOST_AUTO_TEST_CASE(a_missing_observation_is_a_failure) {
  std::string text = enobufs_example_text();
  text += "  - expect: completion\n    socket: rx\n";
  const runner::RunResult result = runner::run(load(text));
  BOOST_REQUIRE(result.failures.size() == 1u);
  BOOST_TEST(runner::format(result.failures[0]) ==
             "example.yaml:46: expected a completion on rx, observed none (by 10.000 ms)");
}

BOOST_AUTO_TEST_CASE(the_emulator_gets_what_the_scenario_chose_and_its_own_decisions_else) {
  const scenario::Scenario chosen = load(
      "scenario: chosen\n"
      "profile: windows-xp\n"
      "pending: drop\n"
      "admission_limit: 64000\n"
      "decisions: {short_buffer: WSAENOBUFS, enobufs_keeps_indication: false}\n"
      "sockets:\n"
      "  rx: {role: receiver}\n"
      "steps:\n"
      "  - {app: bind, socket: rx}\n");
  const provider_stub::EmulatorOptions options = runner::emulator_options(chosen.sp);
  BOOST_TEST((options.profile == provider_stub::Profile::windows_xp));
  BOOST_TEST((options.pending_policy == provider_stub::PendingPolicy::drop));
  BOOST_TEST((options.admission_limit == std::optional<std::uint32_t>(64000)));
  BOOST_TEST(options.decisions.short_buffer == gqos::wsa::enobufs);
  BOOST_TEST(!options.decisions.enobufs_keeps_indication);
  // The decisions the scenario leaves are docs/behaviour.md's (D2, D8, D9).
  const provider_stub::Decisions documented;
  BOOST_TEST(options.decisions.sender_not_connected == documented.sender_not_connected);
  BOOST_TEST(options.decisions.receiver_not_bound == documented.receiver_not_bound);
  BOOST_TEST(options.decisions.nothing_queued == documented.nothing_queued);
  BOOST_TEST(options.decisions.unused_flowspec_fields == documented.unused_flowspec_fields);

  const provider_stub::EmulatorOptions plain =
      runner::emulator_options(load(enobufs_example_text()).sp);
  BOOST_TEST((plain.profile == provider_stub::Profile::windows_2000));
  BOOST_TEST((plain.pending_policy == provider_stub::PendingPolicy::queue));
  BOOST_TEST(!plain.admission_limit.has_value());
  BOOST_TEST(plain.decisions.short_buffer == documented.short_buffer);
  BOOST_TEST(plain.decisions.enobufs_keeps_indication);
}
