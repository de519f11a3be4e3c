// CI reporters (JUnit XML, TAP) and golden traces, as approval tests with the exact output, and
// the `qosbed run` options that drive them: --junit, --tap, --golden, --update-golden, -j.
#define BOOST_TEST_MODULE ci_outputs
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli_harness.hpp"
#include "report/golden.hpp"
#include "report/junit_reporter.hpp"
#include "report/output_file.hpp"
#include "report/tap_reporter.hpp"

namespace fs = std::filesystem;
using qosbed::test::command;
using Result = qosbed::test::CommandResult;
using qosbed::report::ScenarioOutcome;

namespace {

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<ScenarioOutcome> outcomes() {
  return {
      {"s/a-pass.yaml", "passes", ScenarioOutcome::Result::passed, {}, 1},
      {"s/b-fail.yaml",
       "fails",
       ScenarioOutcome::Result::failed,
       {"s/b-fail.yaml:6: expected call result -1 vs actual 0 (<call>)"},
       1},
      {"s/invalid/bad.yaml",
       "",
       ScenarioOutcome::Result::invalid,
       {"s/invalid/bad.yaml:1:1: error: missing key 'steps'"},
       0},
  };
}

// A folder the test writes: a scenario that passes, one that fails, and an invalid one.
struct Folder : qosbed::test::TempFolder {
  Folder() : TempFolder("ci") {
    write("s/a-pass.yaml", "scenario: passes\n" + qosbed::test::bind_expecting("0"));
    write("s/sub/b-fail.yaml", "scenario: fails\n" + qosbed::test::bind_expecting("-1"));
    write("bad.yaml", "scenario: bad\n");
  }
};

}  // namespace

BOOST_AUTO_TEST_CASE(junit_report) {
  std::ostringstream out;
  qosbed::report::JunitReporter reporter(out);
  reporter.start(3);
  for (const ScenarioOutcome& outcome : outcomes()) reporter.scenario(outcome);
  reporter.finish();
  BOOST_TEST(out.str() ==
             "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
             "<testsuites name=\"qosbed\" tests=\"3\" failures=\"1\" errors=\"1\">\n"
             "  <testsuite name=\"qosbed\" tests=\"3\" failures=\"1\" errors=\"1\" "
             "skipped=\"0\">\n"
             "    <testcase classname=\"s\" name=\"a-pass\" file=\"s/a-pass.yaml\"/>\n"
             "    <testcase classname=\"s\" name=\"b-fail\" file=\"s/b-fail.yaml\">\n"
             "      <failure type=\"expectation\" message=\"s/b-fail.yaml:6: expected call "
             "result -1 vs actual 0 (&lt;call&gt;)\">s/b-fail.yaml:6: expected call result -1 vs "
             "actual 0 (&lt;call&gt;)\n"
             "</failure>\n"
             "    </testcase>\n"
             "    <testcase classname=\"s.invalid\" name=\"bad\" file=\"s/invalid/bad.yaml\">\n"
             "      <error type=\"invalid scenario\" message=\"s/invalid/bad.yaml:1:1: error: "
             "missing key 'steps'\">s/invalid/bad.yaml:1:1: error: missing key 'steps'\n"
             "</error>\n"
             "    </testcase>\n"
             "  </testsuite>\n"
             "</testsuites>\n");
}

BOOST_AUTO_TEST_CASE(tap_report) {
  std::ostringstream out;
  qosbed::report::TapReporter reporter(out);
  reporter.start(3);
  for (const ScenarioOutcome& outcome : outcomes()) reporter.scenario(outcome);
  reporter.finish();
  BOOST_TEST(out.str() ==
             "TAP version 13\n"
             "1..3\n"
             "ok 1 - s/a-pass.yaml (passes)\n"
             "not ok 2 - s/b-fail.yaml (fails)\n"
             "# s/b-fail.yaml:6: expected call result -1 vs actual 0 (<call>)\n"
             "not ok 3 - s/invalid/bad.yaml\n"
             "# invalid scenario\n"
             "# s/invalid/bad.yaml:1:1: error: missing key 'steps'\n");
}

BOOST_AUTO_TEST_CASE(golden_difference_shows_the_first_differing_lines) {
  using qosbed::report::golden_difference;
  BOOST_TEST(!golden_difference("a\nb\n", "a\nb\n"));
  BOOST_TEST(*golden_difference("a\nb\nc\n", "a\nB\nc\nd\n") ==
             "  line 2:\n    expected: b\n    actual:   B\n"
             "  line 4:\n    expected: (end of file)\n    actual:   d\n");
  BOOST_TEST(*golden_difference("1\n2\n3\n4\n", "5\n6\n7\n8\n", 2) ==
             "  line 1:\n    expected: 1\n    actual:   5\n"
             "  line 2:\n    expected: 2\n    actual:   6\n"
             "  ... 2 more differing lines\n");
  BOOST_TEST(*golden_difference("a\n", "a") == "  the last line ends differently\n");
}

BOOST_AUTO_TEST_CASE(output_file_appears_whole_or_not_at_all) {
  Folder folder;
  const fs::path path = folder.path / "report.xml";
  {
    qosbed::report::OutputFile file(path);
    BOOST_TEST(file.ok());
    file.stream() << "half";
    // Destroyed without commit, as when a run ends early: nothing is left behind.
  }
  BOOST_TEST(!fs::exists(path));
  BOOST_TEST(std::distance(fs::directory_iterator(folder.path), fs::directory_iterator()) == 2);
  qosbed::report::OutputFile file(path);
  file.stream() << "whole\n";
  BOOST_TEST(!fs::exists(path));
  std::string error;
  BOOST_TEST(file.commit(error));
  BOOST_TEST(read(path) == "whole\n");
  qosbed::report::OutputFile nowhere(folder.path / "no-such-folder" / "x.xml");
  BOOST_TEST(!nowhere.ok());
}

BOOST_AUTO_TEST_CASE(run_writes_junit_and_tap) {
  Folder folder;
  const std::string junit = folder.file("out/report.xml");
  fs::create_directories(folder.path / "out");
  const Result run = command({"run", "--junit", junit, "--tap", "-", folder.file("s")});
  BOOST_TEST(run.code == 1);
  const std::string pass = folder.file("s/a-pass.yaml");
  const std::string fail = folder.file("s/sub/b-fail.yaml");
  const std::string message =
      fail + ":6: expected call result -1 vs actual 0 (call on rx at 0.000 ms, from bind)";
  BOOST_TEST(run.out == "TAP version 13\n1..2\nok 1 - " + pass + " (passes)\nnot ok 2 - " + fail +
                            " (fails)\n# " + message + "\n");
  BOOST_TEST(run.err == "[1/2] ok  " + pass + "\n" + message + "\n" + fail +
                            ": FAILED (1 of 1 expectations)\n[2/2] FAILED  " + fail +
                            "\n1 passed, 1 failed\n");
  const std::string xml = read(junit);
  BOOST_TEST(xml.find("tests=\"2\" failures=\"1\" errors=\"0\"") != std::string::npos);
  BOOST_TEST(xml.find("<failure type=\"expectation\" message=\"" + message + "\">") !=
             std::string::npos);
  // Only the report itself is left in its folder.
  BOOST_TEST(std::distance(fs::directory_iterator(folder.path / "out"), fs::directory_iterator()) ==
             1);

  const Result invalid = command({"run", "--tap", "-", folder.file("bad.yaml")});
  BOOST_TEST(invalid.code == 2);
  BOOST_TEST(invalid.out.starts_with("TAP version 13\n1..1\nnot ok 1 - " + folder.file("bad.yaml") +
                                     "\n# invalid scenario\n# " + folder.file("bad.yaml") +
                                     ":1:1: error:"));
}

BOOST_AUTO_TEST_CASE(run_option_errors) {
  Folder folder;
  const std::string pass = folder.file("s/a-pass.yaml");
  const Result both = command({"run", "--tap", "-", "--trace", "json", pass});
  BOOST_TEST(both.code == 2);
  BOOST_TEST(both.err == "qosbed: --tap - and --trace both write on standard output\n");
  const Result update = command({"run", "--update-golden", pass});
  BOOST_TEST(update.code == 2);
  BOOST_TEST(update.err == "qosbed: --update-golden needs --golden DIR\n");
  const Result golden = command({"run", "--golden", folder.file("none"), pass});
  BOOST_TEST(golden.code == 2);
  BOOST_TEST(golden.err == "qosbed: " + folder.file("none") + ": no such folder\n");
  const Result jobs = command({"run", "-j", "0", pass});
  BOOST_TEST(jobs.code == 2);
  BOOST_TEST(jobs.err == "qosbed: -j takes a number of scenarios from 1 up\n");
  const std::string unwritable = folder.file("no-such-folder/r.xml");
  const Result junit = command({"run", "--junit", unwritable, pass});
  BOOST_TEST(junit.code == 2);
  BOOST_TEST(junit.err ==
             "qosbed: " + unwritable + ": cannot be written: No such file or directory\n");
}

BOOST_AUTO_TEST_CASE(golden_traces_are_compared_and_updated) {
  Folder folder;
  const std::string golden = folder.file("golden");
  const std::string pass = folder.file("s/a-pass.yaml");
  const std::string golden_pass = folder.file("golden/a-pass.jsonl");
  const Result missing = command({"run", "--golden", folder.file("s"), pass});
  BOOST_TEST(missing.code == 1);
  BOOST_TEST(missing.err == folder.file("s/a-pass.jsonl") + ": no golden trace for " + pass +
                                " (--update-golden writes it)\n");

  const Result update = command({"run", "--golden", golden, "--update-golden", folder.file("s")});
  BOOST_TEST(update.code == 1);  // b-fail still fails its expectation
  BOOST_TEST(update.err.find(golden_pass + ": golden trace updated\n") != std::string::npos);
  BOOST_TEST(fs::exists(folder.path / "golden" / "sub" / "b-fail.jsonl"));
  const std::string trace = read(golden_pass);
  BOOST_TEST(trace == command({"run", "--trace", "json", pass}).out);

  const Result same = command({"run", "--golden", golden, folder.file("s")});
  BOOST_TEST(same.err.find("golden") == std::string::npos);

  folder.write("golden/a-pass.jsonl", "{\"t_us\":0}\n");
  const Result differs = command({"run", "--golden", golden, folder.file("s")});
  BOOST_TEST(differs.code == 1);
  BOOST_TEST(differs.err.starts_with(golden_pass + ": the trace of " + pass +
                                     " differs from the golden trace\n"
                                     "  line 1:\n    expected: {\"t_us\":0}\n    actual:   " +
                                     trace));
  BOOST_TEST(differs.out == "0 passed, 2 failed\n");
}

BOOST_AUTO_TEST_CASE(parallel_runs_print_what_a_serial_run_prints) {
  const std::string scenarios = QOSBED_SOURCE_DIR "/scenarios";
  const Result serial = command({"run", "--trace", "json", scenarios});
  const Result parallel = command({"run", "--trace", "json", "-j", "4", scenarios});
  BOOST_TEST(serial.code == 0);
  BOOST_TEST(parallel.code == 0);
  BOOST_TEST(serial.out.size() > 10000u);
  BOOST_TEST(parallel.out == serial.out);
  BOOST_TEST(parallel.err == serial.err);
}
