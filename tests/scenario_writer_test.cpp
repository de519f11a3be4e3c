// The scenario writer (sim/scenario/writer.hpp): each value spelled as docs/scenario-language.md
// spells it, and every bundled scripted scenario written out and read back plays to its golden
// trace, byte for byte: what the writer writes, the loader reads as the same scenario.
#define BOOST_TEST_MODULE scenario_writer
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "engine/trace.hpp"
#include "gqos/codec.hpp"
#include "gqos/constants.hpp"
#include "report/json_trace.hpp"
#include "runner/runner.hpp"
#include "scenario/loader.hpp"
#include "scenario/writer.hpp"

namespace {

using namespace qosbed;
namespace fs = std::filesystem;

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The JSON trace of a run, as the golden traces hold it.
std::string json_trace(const scenario::Scenario& scenario) {
  std::ostringstream out;
  report::JsonTraceWriter writer(out);
  runner::RunOptions options;
  options.trace = &writer;
  runner::run(scenario, options);
  return out.str();
}

scenario::Scenario load_ok(const std::string& text) {
  scenario::LoadResult loaded = scenario::load_text(text, "written.yaml");
  for (const auto& diagnostic : loaded.diagnostics) {
    BOOST_TEST_MESSAGE(diagnostic.mark.line << ":" << diagnostic.mark.column << ": "
                                            << diagnostic.message);
  }
  BOOST_TEST_REQUIRE(loaded.diagnostics.empty(), text);
  return std::move(*loaded.scenario);
}

}  // namespace

BOOST_AUTO_TEST_CASE(durations_take_the_largest_unit_that_divides_them) {
  BOOST_TEST(scenario::duration_text(0) == "0us");
  BOOST_TEST(scenario::duration_text(1500) == "1500us");
  BOOST_TEST(scenario::duration_text(20'000) == "20ms");
  BOOST_TEST(scenario::duration_text(1'500'000) == "1500ms");
  BOOST_TEST(scenario::duration_text(5'000'000) == "5s");
}

BOOST_AUTO_TEST_CASE(a_flowspec_names_its_service_and_unspecified_fields) {
  gqos::FlowSpec flowspec = gqos::unspecified_flowspec(gqos::service_type::controlled_load);
  flowspec.token_rate = 8000;
  BOOST_TEST(scenario::flowspec_text(flowspec) ==
             "{ service_type: SERVICETYPE_CONTROLLEDLOAD, token_rate: 8000, token_bucket_size: "
             "not_specified, peak_bandwidth: not_specified, latency: not_specified, "
             "delay_variation: not_specified, max_sdu_size: not_specified, minimum_policed_size: "
             "not_specified }");
  scenario::FlowSpecFields fields;
  fields.token_rate = 8000;
  fields.service_type = gqos::service_type::no_change;
  BOOST_TEST(scenario::flowspec_text(fields) ==
             "{ service_type: SERVICETYPE_NOCHANGE, token_rate: 8000 }");
}

// Each object in the shortest spelling that makes its bytes again; raw keeps the rest exact.
BOOST_AUTO_TEST_CASE(objects_are_written_in_the_spelling_that_makes_their_bytes) {
  BOOST_TEST(scenario::object_text(gqos::make_end_of_list()) == "end_of_list");
  BOOST_TEST(scenario::object_text(gqos::make_sd_mode(gqos::sd_mode::shape)) ==
             "{ sd_mode: TC_NONCONF_SHAPE }");
  BOOST_TEST(scenario::object_text(gqos::make_shaping_rate(9000)) == "{ shaping_rate: 9000 }");
  gqos::Adspec adspec;
  adspec.general_params = {2, 125000, 40, 1500, 0};
  BOOST_TEST(scenario::object_text(gqos::make_adspec(adspec)) ==
             "{ adspec: { hop_count: 2, path_bandwidth: 125000, minimum_latency: 40, path_mtu: "
             "1500, break_bit: false } }");
  gqos::ProviderObject declared = gqos::make_shaping_rate(9000);
  declared.declared_length = 0;
  BOOST_TEST(scenario::object_text(declared) ==
             "{ raw: { type: QOS_OBJECT_SHAPING_RATE, length: 0, hex: \"28 23 00 00\" } }");
}

// The writer's whole language against the loader: each bundled scenario without a network,
// written and read back, plays to the trace its golden file holds.
BOOST_AUTO_TEST_CASE(every_scripted_scenario_written_and_read_back_plays_to_its_golden_trace) {
  const fs::path root = QOSBED_SOURCE_DIR "/scenarios";
  std::size_t written = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    const fs::path& path = entry.path();
    if (path.extension() != ".yaml" || path.string().find("/invalid/") != std::string::npos) {
      continue;
    }
    BOOST_TEST_CONTEXT(path.string()) {
      scenario::LoadResult original = scenario::load_file(path.string());
      BOOST_TEST_REQUIRE(original.diagnostics.empty());
      if (original.scenario->network) continue;
      const std::string yaml = scenario::to_yaml(*original.scenario);
      const scenario::Scenario again = load_ok(yaml);
      BOOST_TEST(scenario::to_yaml(again) == yaml);  // a fixed point: nothing left to respell
      const fs::path golden = fs::path(QOSBED_SOURCE_DIR "/tests/golden") /
                              fs::relative(path, root).replace_extension(".jsonl");
      BOOST_TEST(json_trace(again) == read(golden));
      ++written;
    }
  }
  BOOST_TEST(written >= 30u);
}

// A network scenario's own steps have no spelling yet: the writer says so rather than guess.
BOOST_AUTO_TEST_CASE(a_network_step_is_refused) {
  scenario::Step step;
  step.action = scenario::NetAction{scenario::NetLinkState{0, false}};
  scenario::ScenarioWriter writer;
  BOOST_CHECK_THROW(writer.step(step), std::invalid_argument);
}
