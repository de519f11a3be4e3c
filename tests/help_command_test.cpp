// `qosbed help [COMMAND]`: a command's help is the text of its own --help, an unknown command is
// named with the list of commands, and the command table is what `qosbed --help` lists.
#define BOOST_TEST_MODULE help_command
#include <boost/test/unit_test.hpp>

#include "cli/command_table.hpp"
#include "cli_harness.hpp"

using qosbed::test::command;

BOOST_AUTO_TEST_CASE(help_command_prints_what_command_help_prints) {
  for (const qosbed::cli::Command& entry : qosbed::cli::command_table()) {
    const std::string name(entry.name);
    BOOST_TEST_CONTEXT(name) {
      const auto help = command({"help", name});
      const auto own = command({name, "--help"});
      BOOST_TEST(help.code == 0);
      BOOST_TEST(help.err == "");
      BOOST_TEST(help.out.starts_with("usage: qosbed " + name));
      BOOST_TEST(help.out.find("\noptions:\n") != std::string::npos);
      BOOST_TEST(help.out == own.out);
      BOOST_TEST(command({name, "-h"}).out == own.out);
    }
  }
}

BOOST_AUTO_TEST_CASE(help_alone_lists_the_commands) {
  const auto help = command({"help"});
  BOOST_TEST(help.code == 0);
  BOOST_TEST(help.out == command({"--help"}).out);
  BOOST_TEST(
      help.out.starts_with("usage: qosbed [--help] [--version] COMMAND [ARGS...]\n"
                           "       qosbed help [COMMAND]\n"));
  for (const qosbed::cli::Command& entry : qosbed::cli::command_table()) {
    BOOST_TEST(help.out.find("\n  " + std::string(entry.name) + " ") != std::string::npos);
  }
  BOOST_TEST(command({"help", "help"}).out == help.out);
}

BOOST_AUTO_TEST_CASE(help_on_an_unknown_command_lists_the_commands) {
  const auto unknown = command({"help", "replay"});
  BOOST_TEST(unknown.code == 2);
  BOOST_TEST(unknown.out == "");
  BOOST_TEST(unknown.err ==
             "qosbed: help: unknown command 'replay'; the commands are: run, validate, list, "
             "explain, new, schema, diagram, report, compile, coverage\n");
  const auto two = command({"help", "run", "list"});
  BOOST_TEST(two.code == 2);
  BOOST_TEST(two.err == "qosbed: help takes one COMMAND, not 2 arguments\n");
}
