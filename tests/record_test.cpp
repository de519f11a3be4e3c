// Recording: bundled scenarios played with a RecordingProvider under the application, the
// recording replayed by the runner, and the two runs compared by what the application saw.
#define BOOST_TEST_MODULE record
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "engine/trace.hpp"
#include "report/json_trace.hpp"
#include "runner/runner.hpp"
#include "scenario/loader.hpp"

namespace {

using namespace qosbed;

struct Played {
  runner::RunResult result;
  engine::TraceLog trace;
  std::string recording;
};

Played play(const scenario::Scenario& scenario, bool record) {
  Played played;
  runner::RunOptions options;
  options.trace = &played.trace;
  if (record) options.recording = &played.recording;
  played.result = runner::run(scenario, options);
  return played;
}

// The trace of what the application saw: its calls, completions, waits and network events, as
// JSON lines. The provider's own records (indications, finished requests) are left out: a
// recording places each indication when the application observed it, not when the provider
// queued it (docs/recording.md).
std::vector<std::string> comparable(const std::vector<engine::TraceRecord>& records) {
  std::vector<std::string> out;
  for (const engine::TraceRecord& record : records) {
    if (record.kind == engine::TraceKind::call || record.kind == engine::TraceKind::completion ||
        record.kind == engine::TraceKind::wait || record.kind == engine::TraceKind::network_events)
      out.push_back(report::to_json(record));
  }
  return out;
}

}  // namespace

// Scenarios whose application reads each indication when it arrives, written as steps or as
// `app: monitor`, on any profile, pending policy or admission limit: the replay is the run
// (docs/recording.md says why others may differ).
BOOST_AUTO_TEST_CASE(a_recording_replays_to_the_same_trace) {
  for (const char* file : {
           "scenarios/teaching/receiver-session.yaml",
           "scenarios/teaching/receiver-admission-failure.yaml",
           "scenarios/regression/receiver-reissues-after-enobufs.yaml",
           "scenarios/regression/sync-query-returns-data.yaml",
           "scenarios/regression/fd-qos-drain-with-event-select.yaml",
           "scenarios/rules/r8-close-aborts-pending-queries.yaml",
           "scenarios/rules/r10-confirmation-only-when-asked.yaml",
           "scenarios/profiles/windows-2000-full-signalling.yaml",
           "scenarios/teaching/sender-session.yaml",
           "scenarios/teaching/both-roles-session.yaml",
           "scenarios/client-bugs/enobufs-treated-as-fatal.yaml",
           "scenarios/profiles/no-qos-provider-monitor-stops.yaml",
           "scenarios/profiles/windows-2003-sync-query-returns-zero-bytes.yaml",
           "scenarios/regression/admission-limit.yaml",
           "scenarios/regression/pending-drop-discards.yaml",
           "scenarios/regression/pending-coalesce-keeps-latest.yaml",
           "scenarios/regression/set-qos-errors.yaml",
           "scenarios/profiles/windows-xp-query-never-completes.yaml",
           "scenarios/regression/two-indications-arrive-in-order.yaml",
           "scenarios/regression/event-notified-query-get-overlapped-result.yaml",
           "scenarios/regression/decisions-overridden.yaml",
       }) {
    BOOST_TEST_CONTEXT(file) {
      scenario::LoadResult original =
          scenario::load_file(std::string(QOSBED_SOURCE_DIR "/") + file);
      BOOST_TEST_REQUIRE(original.diagnostics.empty());
      const Played recorded = play(*original.scenario, true);
      BOOST_TEST(recorded.result.passed());

      scenario::LoadResult loaded = scenario::load_text(recorded.recording, "recorded.yaml");
      for (const auto& diagnostic : loaded.diagnostics) BOOST_TEST_MESSAGE(diagnostic.message);
      BOOST_TEST_REQUIRE(loaded.diagnostics.empty(), recorded.recording);
      const Played replayed = play(*loaded.scenario, false);
      for (const auto& failure : replayed.result.failures)
        BOOST_TEST_MESSAGE(runner::format(failure));
      BOOST_TEST(replayed.result.passed(), recorded.recording);
      BOOST_TEST(comparable(recorded.trace.records()) == comparable(replayed.trace.records()),
                 boost::test_tools::per_element());
    }
  }
}
