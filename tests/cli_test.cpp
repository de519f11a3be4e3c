// The qosbed command line: exit codes, help, messages, and what each command prints.
#define BOOST_TEST_MODULE cli
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli_harness.hpp"

namespace fs = std::filesystem;
using qosbed::test::command;
using Result = qosbed::test::CommandResult;

namespace {

// A folder of scenarios written by the test: one that passes, one that fails, one invalid.
struct Folder : qosbed::test::TempFolder {
  Folder() : TempFolder("cli") {
    write("a-pass.yaml",
          "scenario: passes\ndescription: A receiver binds.\n" + qosbed::test::bind_expecting("0"));
    write("b-fail.yaml", "scenario: fails\n" + qosbed::test::bind_expecting("-1"));
    write("invalid/bad.yaml", "scenario: bad\n");
  }
};

}  // namespace

BOOST_AUTO_TEST_CASE(version_and_help) {
  const Result version = command({"--version"});
  BOOST_TEST(version.code == 0);
  BOOST_TEST(version.out.starts_with("qosbed "));
  const Result help = command({"--help"});
  BOOST_TEST(help.code == 0);
  BOOST_TEST(help.out.find("commands:") != std::string::npos);
  const Result run_help = command({"run", "--help"});
  BOOST_TEST(run_help.code == 0);
  BOOST_TEST(run_help.out.find("--trace") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(bad_command_lines_exit_2_with_a_message) {
  const Result none = command({});
  BOOST_TEST(none.code == 2);
  const Result unknown = command({"replay"});
  BOOST_TEST(unknown.code == 2);
  BOOST_TEST(unknown.err.starts_with("qosbed: unknown command 'replay'"));
  const Result flag = command({"run", "--verbos", "x.yaml"});
  BOOST_TEST(flag.code == 2);
  BOOST_TEST(flag.err.find("verbos") != std::string::npos);
  const Result trace = command({"run", "--trace", "xml", "x.yaml"});
  BOOST_TEST(trace.code == 2);
  BOOST_TEST(trace.err == "qosbed: --trace takes json or text, not 'xml'\n");
  const Result missing = command({"run", "no-such-file.yaml"});
  BOOST_TEST(missing.code == 2);
  BOOST_TEST(missing.err == "qosbed: no-such-file.yaml: no such file or folder\n");
}

BOOST_AUTO_TEST_CASE(run_exit_codes_and_the_closing_line) {
  Folder folder;
  const Result pass = command({"run", folder.file("a-pass.yaml")});
  BOOST_TEST(pass.code == 0);
  BOOST_TEST(pass.out == "all 1 expectations held\n1 passed, 0 failed\n");
  const Result fail = command({"run", folder.file("b-fail.yaml")});
  BOOST_TEST(fail.code == 1);
  BOOST_TEST(fail.err.find("b-fail.yaml:6: expected call result -1 vs actual 0") !=
             std::string::npos);
  // A folder runs every scenario in it, skipping invalid/.
  const Result all = command({"run", folder.path.string()});
  BOOST_TEST(all.code == 1);
  BOOST_TEST(all.out == "1 of 2 expectations failed\n1 passed, 1 failed\n");
  const Result invalid = command({"run", folder.file("invalid/bad.yaml")});
  BOOST_TEST(invalid.code == 2);
  BOOST_TEST(invalid.out == "no expectation checked\n0 passed, 0 failed, 1 invalid\n");
  BOOST_TEST(invalid.err.find("bad.yaml:1:1: error:") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(json_trace_is_the_same_twice) {
  Folder folder;
  const Result first = command({"run", "--trace", "json", folder.file("a-pass.yaml")});
  const Result second = command({"run", "--trace", "json", folder.file("a-pass.yaml")});
  BOOST_TEST(first.code == 0);
  BOOST_TEST(first.out == second.out);
  BOOST_TEST(first.out ==
             "{\"t_us\":0,\"socket\":\"rx\",\"event\":\"call\",\"call\":\"bind\","
             "\"detail\":\"0.0.0.0:0\",\"result\":0}\n");
}

BOOST_AUTO_TEST_CASE(validate_and_list) {
  Folder folder;
  const Result valid = command({"validate", folder.path.string()});
  BOOST_TEST(valid.code == 0);
  BOOST_TEST(valid.out == "2 valid, 0 invalid\n");
  const Result invalid = command({"validate", folder.file("invalid/bad.yaml")});
  BOOST_TEST(invalid.code == 2);
  BOOST_TEST(invalid.out == "0 valid, 1 invalid\n");
  const Result list = command({"list", folder.path.string()});
  BOOST_TEST(list.code == 0);
  BOOST_TEST(list.out == folder.file("a-pass.yaml") + "  passes - A receiver binds.\n" +
                             folder.file("b-fail.yaml") + "  fails\n");
}
