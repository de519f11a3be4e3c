// CI reporters (JUnit XML, TAP) and golden traces, as approval tests with the exact output, and
// the `qosbed run` options that drive them: --junit, --tap, --golden, --update-golden, -j.
#define BOOST_TEST_MODULE ci_outputs
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/scenario_files.hpp"
#include "cli_harness.hpp"
#include "report/golden.hpp"
#include "report/junit_reporter.hpp"
#include "report/output_file.hpp"
#include "report/tap_reporter.hpp"
#include "report/xml_text.hpp"

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
      {"s/a-pass.yaml", "passes", ScenarioOutcome::Result::passed, {}, {1, 0}, 0.0125, 5000},
      {"s/b-fail.yaml",
       "fails",
       ScenarioOutcome::Result::failed,
       {"s/b-fail.yaml:6: expected call result -1 vs actual 0 (<call>)"},
       {1, 1},
       2.0,
       0},
      {"s/invalid/bad.yaml",
       "",
       ScenarioOutcome::Result::invalid,
       {"s/invalid/bad.yaml:1:1: error: missing key 'steps'"},
       {0, 0},
       0.0004,
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
             "<testsuites name=\"qosbed\" tests=\"3\" failures=\"1\" errors=\"1\" "
             "time=\"2.013\">\n"
             "  <testsuite name=\"qosbed\" tests=\"3\" failures=\"1\" errors=\"1\" "
             "skipped=\"0\" time=\"2.013\">\n"
             "    <properties>\n"
             "      <property name=\"expectations_checked\" value=\"2\"/>\n"
             "      <property name=\"expectations_failed\" value=\"1\"/>\n"
             "    </properties>\n"
             "    <testcase name=\"a-pass\" classname=\"s\" time=\"0.013\">\n"
             "      <system-out>file: s/a-pass.yaml\nscenario: passes\nall 1 expectations held\n"
             "virtual time: 5.000 ms\n</system-out>\n"
             "    </testcase>\n"
             "    <testcase name=\"b-fail\" classname=\"s\" time=\"2.000\">\n"
             "      <failure type=\"expectation\" message=\"s/b-fail.yaml:6: expected call "
             "result -1 vs actual 0 (&lt;call&gt;)\">s/b-fail.yaml:6: expected call result -1 vs "
             "actual 0 (&lt;call&gt;)\n"
             "</failure>\n"
             "      <system-out>file: s/b-fail.yaml\nscenario: fails\n1 of 1 expectations failed\n"
             "virtual time: 0.000 ms\n</system-out>\n"
             "    </testcase>\n"
             "    <testcase name=\"bad\" classname=\"s.invalid\" time=\"0.000\">\n"
             "      <error type=\"invalid scenario\" message=\"s/invalid/bad.yaml:1:1: error: "
             "missing key 'steps'\">s/invalid/bad.yaml:1:1: error: missing key 'steps'\n"
             "</error>\n"
             "      <system-out>file: s/invalid/bad.yaml\n</system-out>\n"
             "    </testcase>\n"
             "  </testsuite>\n"
             "</testsuites>\n");
}

// The folders as CI servers group classes: no root, no "." or "..", no '.' of a folder's name
// taken for a package separator.
BOOST_AUTO_TEST_CASE(junit_classnames) {
  using qosbed::report::junit_classname;
  BOOST_TEST(junit_classname("s/sub/a.yaml") == "s.sub");
  BOOST_TEST(junit_classname("/tmp/v1.2/s/a.yaml") == "tmp.v1_2.s");
  BOOST_TEST(junit_classname("../s/a.yaml") == "s");
  BOOST_TEST(junit_classname("./a/../b/c.yaml") == "a.b");
  BOOST_TEST(junit_classname("../../a.yaml") == "qosbed");
  BOOST_TEST(junit_classname("a.yaml") == "qosbed");
}

// What XML 1.0 cannot carry is written \xNN: a byte of no UTF-8 (a Latin-1 file name), a control
// character, a surrogate, U+FFFE; line breaks in attributes as character references.
BOOST_AUTO_TEST_CASE(junit_writes_any_file_name_as_xml) {
  using qosbed::report::xml_escaped;
  BOOST_TEST(xml_escaped("caf\xE9 \x01\r\n\t\"<&>") ==
             "caf\\xE9 \\x01&#13;\n\t&quot;&lt;&amp;&gt;");
  BOOST_TEST(xml_escaped("\xED\xA0\x80 \xEF\xBF\xBE \xC0\xAF \xF4\x90\x80\x80") ==
             "\\xED\\xA0\\x80 \\xEF\\xBF\\xBE \\xC0\\xAF \\xF4\\x90\\x80\\x80");
  BOOST_TEST(xml_escaped("\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xEF\xBF\xBD") ==
             "\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xEF\xBF\xBD");
  BOOST_TEST(xml_escaped("cut \xC3") == "cut \\xC3");

  std::ostringstream out;
  qosbed::report::JunitReporter reporter(out);
  reporter.start(1);
  reporter.scenario({"s/a\nb\xE9.yaml", "", ScenarioOutcome::Result::invalid, {"m\tn"}, {}});
  reporter.finish();
  BOOST_TEST(out.str().find("<testcase name=\"a&#10;b\\xE9\" classname=\"s\" time=\"0.000\">\n"
                            "      <error type=\"invalid scenario\" message=\"m&#9;n\">m\tn\n"
                            "</error>\n      <system-out>file: s/a\nb\\xE9.yaml\n</system-out>") !=
             std::string::npos);
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
             "  ---\n"
             "  message: \"1 of 1 expectations failed\"\n"
             "  severity: fail\n"
             "  file: \"s/b-fail.yaml\"\n"
             "  expectations:\n"
             "    checked: 1\n"
             "    failed: 1\n"
             "  messages: |\n"
             "    s/b-fail.yaml:6: expected call result -1 vs actual 0 (<call>)\n"
             "  ...\n"
             "not ok 3 - s/invalid/bad.yaml\n"
             "  ---\n"
             "  message: \"invalid scenario\"\n"
             "  severity: error\n"
             "  file: \"s/invalid/bad.yaml\"\n"
             "  messages: |\n"
             "    s/invalid/bad.yaml:1:1: error: missing key 'steps'\n"
             "  ...\n"
             "# 1 of 2 expectations failed\n"
             "# 1 passed, 1 failed, 1 invalid\n");
}

// TAP 13 and 14: `#` and `\` of a description are escaped, so a name holding "# TODO" is no
// directive; what cannot be printed on the test point's line is written \xNN.
BOOST_AUTO_TEST_CASE(tap_escapes_descriptions) {
  std::ostringstream out;
  qosbed::report::TapReporter reporter(out);
  reporter.start(3);
  reporter.scenario(
      {"fails # TODO later.yaml", "a\\b", ScenarioOutcome::Result::failed, {}, {1, 1}});
  reporter.scenario(
      {"caf\xE9\n.yaml", "", ScenarioOutcome::Result::invalid, {"caf\xE9\n.yaml:1:1: x"}, {}});
  reporter.scenario(
      {"s/c.yaml", "c", ScenarioOutcome::Result::skipped, {"--fail-fast stopped the run"}, {}});
  reporter.finish();
  BOOST_TEST(out.str() ==
             "TAP version 13\n"
             "1..3\n"
             "not ok 1 - fails \\# TODO later.yaml (a\\\\b)\n"
             "  ---\n"
             "  message: \"1 of 1 expectations failed\"\n"
             "  severity: fail\n"
             "  file: \"fails # TODO later.yaml\"\n"
             "  expectations:\n"
             "    checked: 1\n"
             "    failed: 1\n"
             "  ...\n"
             "not ok 2 - caf\\\\xE9\\\\x0A.yaml\n"
             "  ---\n"
             "  message: \"invalid scenario\"\n"
             "  severity: error\n"
             "  file: \"caf\\xE9\\n.yaml\"\n"
             "  messages: |\n"
             "    caf\\xE9\\x0A.yaml:1:1: x\n"
             "  ...\n"
             "ok 3 - s/c.yaml (c) # SKIP --fail-fast stopped the run\n"
             "# 1 of 1 expectations failed\n"
             "# 0 passed, 1 failed, 1 invalid, 1 skipped\n");
}

BOOST_AUTO_TEST_CASE(golden_difference_names_the_fields_that_differ) {
  using qosbed::report::golden_difference;
  BOOST_TEST(!golden_difference("a\nb\n", "a\nb\n"));
  const std::string bind = R"({"t_us":0,"socket":"rx","event":"call","call":"bind","result":0})";
  const std::string get =
      R"({"t_us":10000,"socket":"rx","event":"fd_qos","status":11006,)"
      R"("receiving":{"service_type":2,"token_rate":8000},"objects":[{"type":1000}]})";
  const std::string get_later =
      R"({"t_us":10001,"socket":"rx","event":"fd_qos","status":11006,)"
      R"("receiving":{"service_type":2,"token_rate":9000},"objects":[{"type":1000}]})";
  // One field; then two fields of a line, nested ones by their path.
  BOOST_TEST(*golden_difference(bind + "\n" + get + "\n",
                                bind + "\n" +
                                    R"({"t_us":10000,"socket":"rx","event":"fd_qos",)"
                                    R"("status":11006,"receiving":{"service_type":2,)"
                                    R"("token_rate":8000},"objects":[{"type":1001}]})"
                                    "\n") ==
             "  line 2: objects[0].type: expected 1000, actual 1001\n");
  BOOST_TEST(*golden_difference(bind + "\n" + get + "\n", bind + "\n" + get_later + "\n") ==
             "  line 2: t_us: expected 10000, actual 10001\n"
             "  line 2: receiving.token_rate: expected 8000, actual 9000\n");
  // A field only one side has; a string value is shown as JSON writes it.
  BOOST_TEST(
      *golden_difference(R"({"t_us":0,"result":-1,"error":997,"error_name":"WSA_IO_PENDING"})"
                         "\n",
                         R"({"t_us":0,"result":0,"socket":"rx"})"
                         "\n") ==
      "  line 1: result: expected -1, actual 0\n"
      "  line 1: error: expected 997, actual (absent)\n"
      "  line 1: error_name: expected \"WSA_IO_PENDING\", actual (absent)\n"
      "  line 1: socket: expected (absent), actual \"rx\"\n");
  // A line missing, and one inserted: the lines after them are not differences.
  BOOST_TEST(*golden_difference(bind + "\n" + get + "\n" + get_later + "\n",
                                bind + "\n" + get_later + "\n") ==
             "  line 2: missing from the actual trace: " + get + "\n");
  BOOST_TEST(*golden_difference(bind + "\n" + get_later + "\n",
                                bind + "\n" + get + "\n" + get_later + "\n") ==
             "  after line 1: extra line in the actual trace: " + get + "\n");
  BOOST_TEST(*golden_difference(bind + "\n", get + "\n" + bind + "\n") ==
             "  before line 1: extra line in the actual trace: " + get + "\n");
  BOOST_TEST(*golden_difference("a\nb\nc\n", "a\nB\nc\nd\n") ==
             "  line 2: expected b, actual B\n"
             "  after line 3: extra line in the actual trace: d\n");
  BOOST_TEST(*golden_difference("1\n2\n3\n4\n", "5\n6\n7\n8\n", 2) ==
             "  line 1: expected 1, actual 5\n"
             "  line 2: expected 2, actual 6\n"
             "  ... 2 more differing lines\n");
  // The same fields in another order: the lines are shown whole.
  BOOST_TEST(*golden_difference(R"({"a":1,"b":2})"
                                "\n",
                                R"({"b":2,"a":1})"
                                "\n") == R"(  line 1: expected {"a":1,"b":2}, actual {"b":2,"a":1})"
                                         "\n");
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
                            " (fails)\n  ---\n  message: \"1 of 1 expectations failed\"\n"
                            "  severity: fail\n  file: \"" +
                            fail +
                            "\"\n  expectations:\n    checked: 1\n    failed: 1\n"
                            "  messages: |\n    " +
                            message +
                            "\n  ...\n# 1 of 2 expectations failed\n# 1 passed, 1 failed\n");
  BOOST_TEST(run.err == "[1/2] ok  " + pass + "\n" + message + "\n" + fail +
                            ": FAILED (1 of 1 expectations failed)\n[2/2] FAILED  " + fail +
                            "\n1 of 2 expectations failed\n1 passed, 1 failed\n");
  const std::string xml = read(junit);
  BOOST_TEST(xml.find("tests=\"2\" failures=\"1\" errors=\"0\"") != std::string::npos);
  BOOST_TEST(xml.find("<property name=\"expectations_failed\" value=\"1\"/>") != std::string::npos);
  BOOST_TEST(xml.find("<failure type=\"expectation\" message=\"" + message + "\">") !=
             std::string::npos);
  // Only the report itself is left in its folder.
  BOOST_TEST(std::distance(fs::directory_iterator(folder.path / "out"), fs::directory_iterator()) ==
             1);

  const Result invalid = command({"run", "--tap", "-", folder.file("bad.yaml")});
  BOOST_TEST(invalid.code == 2);
  BOOST_TEST(invalid.out.starts_with("TAP version 13\n1..1\nnot ok 1 - " + folder.file("bad.yaml") +
                                     "\n  ---\n  message: \"invalid scenario\"\n"));
}

BOOST_AUTO_TEST_CASE(run_option_errors) {
  Folder folder;
  const std::string pass = folder.file("s/a-pass.yaml");
  const Result both = command({"run", "--tap", "-", "--trace", "json", pass});
  BOOST_TEST(both.code == 2);
  BOOST_TEST(both.err == "qosbed: --tap - and --trace both write on standard output\n");
  const Result reports = command({"run", "--junit", "-", "--tap", "-", pass});
  BOOST_TEST(reports.code == 2);
  BOOST_TEST(reports.err == "qosbed: --tap - and --junit - both write on standard output\n");
  const Result verbose = command({"run", "-v", "--junit", "-", pass});
  BOOST_TEST(verbose.code == 2);
  BOOST_TEST(verbose.err == "qosbed: --junit - and --verbose both write on standard output\n");
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

  // The golden trace of a bind that took 1 us longer and returned an error.
  std::string changed = trace;
  changed.replace(changed.find("\"t_us\":0"), 8, "\"t_us\":1");
  changed.replace(changed.find("\"result\":0"), 10, "\"result\":-1");
  folder.write("golden/a-pass.jsonl", changed);
  const Result differs = command({"run", "--golden", golden, folder.file("s")});
  BOOST_TEST(differs.code == 1);
  BOOST_TEST(differs.err.starts_with(golden_pass + ": the trace of " + pass +
                                     " differs from the golden trace\n"
                                     "  line 1: t_us: expected 1, actual 0\n"
                                     "  line 1: result: expected -1, actual 0\n"
                                     "[1/2] FAILED  " +
                                     pass));
  BOOST_TEST(differs.out == "1 of 2 expectations failed\n0 passed, 2 failed\n");
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

// One expectation that differs in two fields gives two messages but one failed expectation, and
// every output of the run counts it so.
BOOST_AUTO_TEST_CASE(every_output_counts_a_failed_expectation_once) {
  qosbed::test::TempFolder folder("counts");
  folder.write("s/two.yaml",
               "scenario: two\nsockets:\n  rx: {role: receiver}\nsteps:\n"
               "  - {app: bind, socket: rx}\n  - {expect: call, result: 0}\n"
               "  - {app: bind, socket: rx}\n  - {expect: call, result: 0, error: NO_ERROR}\n");
  folder.write("s/one.yaml", "scenario: one\n" + qosbed::test::bind_expecting("0"));
  const std::string two = folder.file("s/two.yaml");
  const Result run = command({"run", folder.file("s")});
  BOOST_TEST(run.code == 1);
  BOOST_TEST(run.err.find(two + ":8: expected call result 0 vs actual -1") != std::string::npos);
  BOOST_TEST(run.err.find(two + ":8: expected call error NO_ERROR vs actual WSAEINVAL") !=
             std::string::npos);
  BOOST_TEST(run.err.find(two + ": FAILED (1 of 2 expectations failed)\n") != std::string::npos);
  BOOST_TEST(run.out == "1 of 3 expectations failed\n1 passed, 1 failed\n");

  const std::string junit = folder.file("report.xml");
  const Result reports = command({"run", "--junit", junit, "--tap", "-", folder.file("s")});
  BOOST_TEST(reports.code == 1);
  BOOST_TEST(reports.err.ends_with("\n1 of 3 expectations failed\n1 passed, 1 failed\n"));
  BOOST_TEST(reports.out.find("  message: \"1 of 2 expectations failed\"\n") != std::string::npos);
  BOOST_TEST(reports.out.find("  expectations:\n    checked: 2\n    failed: 1\n") !=
             std::string::npos);
  BOOST_TEST(reports.out.ends_with("\n# 1 of 3 expectations failed\n# 1 passed, 1 failed\n"));
  const std::string xml = read(junit);
  BOOST_TEST(xml.find("<testsuite name=\"qosbed\" tests=\"2\" failures=\"1\" errors=\"0\" "
                      "skipped=\"0\"") != std::string::npos);
  BOOST_TEST(xml.find("<property name=\"expectations_checked\" value=\"3\"/>\n"
                      "      <property name=\"expectations_failed\" value=\"1\"/>") !=
             std::string::npos);
  BOOST_TEST(xml.find("scenario: two\n1 of 2 expectations failed\n") != std::string::npos);

  const Result explained = command({"explain", two});
  BOOST_TEST(explained.code == 1);
  BOOST_TEST(explained.out.find("\n1 of 2 expectations failed:\n") != std::string::npos);

  const std::string html = folder.file("two.html");
  const Result reported = command({"report", two, "-o", html});
  BOOST_TEST(reported.code == 1);
  BOOST_TEST(read(html).find(">failed: 1 of 2 expectations failed</p>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(globs_match_as_the_help_says) {
  using qosbed::cli::glob_matches;
  BOOST_TEST(glob_matches("*", "a/b.yaml"));
  BOOST_TEST(glob_matches("rsvp/*.yaml", "rsvp/sub/x.yaml"));
  BOOST_TEST(glob_matches("a?c", "abc"));
  BOOST_TEST(!glob_matches("a?c", "ac"));
  BOOST_TEST(glob_matches("[a-c]x[!0-9]", "bxz"));
  BOOST_TEST(!glob_matches("[a-c]x[!0-9]", "bx5"));
  BOOST_TEST(glob_matches("*fail*", "b-fail.yaml"));
  BOOST_TEST(!glob_matches("fail", "b-fail"));
  BOOST_TEST(glob_matches("a[", "a["));
  BOOST_TEST(glob_matches("*a*b", "xaxxab"));
  BOOST_TEST(!glob_matches("*a*b", "xaxxa"));
}

BOOST_AUTO_TEST_CASE(run_filter_selects_by_path_or_name) {
  Folder folder;
  const std::string pass = folder.file("s/a-pass.yaml");
  const std::string fail = folder.file("s/sub/b-fail.yaml");
  // A tail of the path, after a '/'.
  const Result by_path = command({"run", "--tap", "-", "--filter", "sub/*", folder.file("s")});
  BOOST_TEST(by_path.code == 1);
  BOOST_TEST(by_path.out.starts_with("TAP version 13\n1..1\nnot ok 1 - " + fail + " (fails)\n"));
  // The scenario's name; and filters add up.
  const Result by_name = command({"run", "--filter", "passes", folder.file("s")});
  BOOST_TEST(by_name.code == 0);
  BOOST_TEST(by_name.out == "all 1 expectations held\n1 passed, 0 failed\n");
  const Result both =
      command({"run", "--filter", "pass*", "--filter", "*b-fail.yaml", folder.file("s")});
  BOOST_TEST(both.out == "1 of 2 expectations failed\n1 passed, 1 failed\n");
  // The whole path as listed, a '*' matching '/' as well.
  const Result whole = command({"run", "--filter", folder.file("*.yaml"), folder.file("s")});
  BOOST_TEST(whole.out == "1 of 2 expectations failed\n1 passed, 1 failed\n");
  const Result none = command({"run", "--filter", "nothing", folder.file("s")});
  BOOST_TEST(none.code == 2);
  BOOST_TEST(none.err == "qosbed: --filter matches none of the 2 scenarios found\n");
}

// A folder whose second scenario fails and whose last two pass.
struct FailingSecond : qosbed::test::TempFolder {
  FailingSecond() : TempFolder("fail-fast") {
    write("s/a-pass.yaml", "scenario: a\n" + qosbed::test::bind_expecting("0"));
    write("s/b-fail.yaml", "scenario: b\n" + qosbed::test::bind_expecting("-1"));
    write("s/c-pass.yaml", "scenario: c\n" + qosbed::test::bind_expecting("0"));
    write("s/d-pass.yaml", "scenario: d\n" + qosbed::test::bind_expecting("0"));
  }
};

BOOST_AUTO_TEST_CASE(run_fail_fast_stops_and_reports_the_rest_as_skipped) {
  FailingSecond folder;
  const std::string junit = folder.file("report.xml");
  const Result run =
      command({"run", "--fail-fast", "--tap", "-", "--junit", junit, folder.file("s")});
  BOOST_TEST(run.code == 1);
  const std::string skip = " # SKIP not played: --fail-fast stopped the run\n";
  BOOST_TEST(run.out.starts_with("TAP version 13\n1..4\nok 1 - " + folder.file("s/a-pass.yaml") +
                                 " (a)\nnot ok 2 - " + folder.file("s/b-fail.yaml") + " (b)\n"));
  BOOST_TEST(run.out.ends_with("  ...\nok 3 - " + folder.file("s/c-pass.yaml") + skip + "ok 4 - " +
                               folder.file("s/d-pass.yaml") + skip +
                               "# 1 of 2 expectations failed\n# 1 passed, 1 failed, 2 skipped\n"));
  BOOST_TEST(run.err.ends_with("qosbed: --fail-fast: " + folder.file("s/b-fail.yaml") +
                               " failed; 2 scenarios not played\n"
                               "1 of 2 expectations failed\n1 passed, 1 failed, 2 skipped\n"));
  const std::string xml = read(junit);
  BOOST_TEST(xml.find("tests=\"4\" failures=\"1\" errors=\"0\" skipped=\"2\"") !=
             std::string::npos);
  BOOST_TEST(xml.find("<testcase name=\"d-pass\" classname=\"" +
                      qosbed::report::junit_classname(folder.file("s/d-pass.yaml")) +
                      "\" time=\"0.000\">\n      <skipped message=\"not played: --fail-fast "
                      "stopped the run\"/>\n") != std::string::npos);

  // Without a failure, --fail-fast plays everything.
  const Result passing =
      command({"run", "--fail-fast", "--filter", "*-pass.yaml", folder.file("s")});
  BOOST_TEST(passing.code == 0);
  BOOST_TEST(passing.out == "all 3 expectations held\n3 passed, 0 failed\n");
}

// With -j, the scenarios already playing finish and are reported; no other starts. Which of the
// later ones had started depends on the threads, but every one is in the report, once.
BOOST_AUTO_TEST_CASE(parallel_fail_fast_reports_every_scenario) {
  FailingSecond folder;
  const Result run = command({"run", "--fail-fast", "-j", "2", "--tap", "-", folder.file("s")});
  BOOST_TEST(run.code == 1);
  BOOST_TEST(run.out.starts_with("TAP version 13\n1..4\nok 1 - " + folder.file("s/a-pass.yaml") +
                                 " (a)\nnot ok 2 - " + folder.file("s/b-fail.yaml") + " (b)\n"));
  std::size_t played_later = 0;
  for (const std::string& later :
       {"3 - " + folder.file("s/c-pass.yaml"), "4 - " + folder.file("s/d-pass.yaml")}) {
    const bool played = run.out.find("\nok " + later + " (") != std::string::npos;
    const bool skipped = run.out.find("\nok " + later + " # SKIP") != std::string::npos;
    BOOST_TEST(played != skipped, later);
    played_later += played ? 1 : 0;
  }
  std::string counts = std::to_string(1 + played_later) + " passed, 1 failed";
  if (played_later < 2) counts += ", " + std::to_string(2 - played_later) + " skipped";
  BOOST_TEST(run.out.ends_with("# " + counts + "\n"));
  BOOST_TEST(run.err.ends_with(counts + "\n"));
}
