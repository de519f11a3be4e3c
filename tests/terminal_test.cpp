// `qosbed run`'s progress and colours where a person reads them: the command runs as a child with
// its stderr on a pseudo-terminal of a given width (raw, so the bytes read are the bytes written)
// and an environment of the test's own (TERM, COLUMNS, NO_COLOR), and the test compares the exact
// bytes. The rules themselves (cli/terminal.hpp) are checked directly too.
#define BOOST_TEST_MODULE terminal
#include "cli/terminal.hpp"

#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "cli_harness.hpp"

namespace {

using qosbed::test::command;
using qosbed::test::TempFolder;
using Environment = std::map<std::string, std::string>;

struct Outcome {
  int code;
  std::string err;  // what the child wrote on its terminal
};

// `qosbed ARGS...` in `folder`, with only `environment`, stdout to /dev/null and stderr on a raw
// pseudo-terminal `columns` wide.
Outcome on_terminal(const TempFolder& folder, std::vector<std::string> args,
                    const Environment& environment, unsigned short columns) {
  const int master = ::posix_openpt(O_RDWR | O_NOCTTY);
  BOOST_REQUIRE(master >= 0);
  BOOST_REQUIRE(::grantpt(master) == 0 && ::unlockpt(master) == 0);
  const int slave = ::open(::ptsname(master), O_RDWR | O_NOCTTY);
  BOOST_REQUIRE(slave >= 0);
  termios mode{};
  BOOST_REQUIRE(::tcgetattr(slave, &mode) == 0);
  ::cfmakeraw(&mode);  // no \n -> \r\n: the bytes read are the bytes qosbed wrote
  BOOST_REQUIRE(::tcsetattr(slave, TCSANOW, &mode) == 0);
  const winsize size{24, columns, 0, 0};
  BOOST_REQUIRE(::ioctl(slave, TIOCSWINSZ, &size) == 0);

  args.insert(args.begin(), QOSBED_EXE);
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  std::vector<std::string> variables;
  for (const auto& [name, value] : environment) variables.push_back(name + "=" + value);
  std::vector<char*> envp;
  for (std::string& variable : variables) envp.push_back(variable.data());
  envp.push_back(nullptr);

  std::cout.flush();
  std::fflush(nullptr);
  const pid_t pid = ::fork();
  BOOST_REQUIRE(pid >= 0);
  if (pid == 0) {
    const int null = ::open("/dev/null", O_WRONLY);
    if (null < 0 || ::dup2(null, STDOUT_FILENO) < 0 || ::dup2(slave, STDERR_FILENO) < 0 ||
        ::chdir(folder.path.c_str()) != 0)
      ::_exit(127);
    ::close(master);
    ::close(slave);
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  ::close(slave);
  std::string err;
  char buffer[4096];
  // Linux says EIO once the child's side is closed, after everything it wrote is read.
  for (ssize_t n; (n = ::read(master, buffer, sizeof buffer)) > 0;) err.append(buffer, n);
  ::close(master);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), err};
}

const std::string long_path = "s/b-0123456789abcdefghijklmnop.yaml";

// Three scenarios that pass, one with a long path.
struct Passing : TempFolder {
  Passing() : TempFolder("terminal-passing") {
    write("s/a-pass.yaml", "scenario: a\n" + qosbed::test::bind_expecting("0"));
    write(long_path, "scenario: b\n" + qosbed::test::bind_expecting("0"));
    write("s/c-pass.yaml", "scenario: c\n" + qosbed::test::bind_expecting("0"));
  }
};

// One scenario that passes, one that fails.
struct Failing : TempFolder {
  Failing() : TempFolder("terminal-failing") {
    write("s/a-pass.yaml", "scenario: a\n" + qosbed::test::bind_expecting("0"));
    write("s/b-fail.yaml", "scenario: b\n" + qosbed::test::bind_expecting("-1"));
  }
};

const std::string erase = "\r\x1b[K";

}  // namespace

BOOST_AUTO_TEST_CASE(the_progress_line_is_redrawn_within_the_terminal_width) {
  const Passing folder;
  // 40 columns: 39 to use; "[2/3] 0 failed  " leaves 23 for the path, its middle cut.
  const Outcome outcome = on_terminal(folder, {"run", "s"}, {{"TERM", "xterm"}}, 40);
  BOOST_TEST(outcome.code == 0);
  BOOST_TEST(outcome.err == erase + "[1/3] 0 failed  s/a-pass.yaml" + erase + erase +
                                "[2/3] 0 failed  s/b-012345...lmnop.yaml" + erase + erase +
                                "[3/3] 0 failed  s/c-pass.yaml" + erase);
  // COLUMNS, when set, is the width.
  const Outcome narrow =
      on_terminal(folder, {"run", "s"}, {{"TERM", "xterm"}, {"COLUMNS", "30"}}, 40);
  BOOST_TEST(narrow.err.find(erase + "[2/3] 0 failed  s/b-0....yaml" + erase) != std::string::npos);
  // Too narrow for any of the path: the counts alone.
  const Outcome tiny = on_terminal(folder, {"run", "s"}, {{"TERM", "xterm"}}, 12);
  BOOST_TEST(tiny.err.find(erase + "[2/3...iled" + erase) != std::string::npos);
  // Wide enough: the whole path.
  const Outcome wide = on_terminal(folder, {"run", "s"}, {{"TERM", "xterm"}}, 80);
  BOOST_TEST(wide.err.find(erase + "[2/3] 0 failed  " + long_path + erase) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_dumb_terminal_gets_plain_lines) {
  const Passing folder;
  const std::string plain =
      "[1/3] ok  s/a-pass.yaml\n[2/3] ok  " + long_path + "\n[3/3] ok  s/c-pass.yaml\n";
  BOOST_TEST(on_terminal(folder, {"run", "s"}, {{"TERM", "dumb"}}, 40).err == plain);
  BOOST_TEST(on_terminal(folder, {"run", "s"}, {}, 40).err == plain);  // TERM unset
  BOOST_TEST(on_terminal(folder, {"run", "s"}, {{"TERM", ""}}, 40).err == plain);
}

BOOST_AUTO_TEST_CASE(colour_follows_the_color_option_no_color_and_term) {
  const Failing folder;
  const std::string red_line = erase + "[2/2] \x1b[31m1 failed\x1b[0m  s/b-fail.yaml" + erase;
  const std::string plain_line = erase + "[2/2] 1 failed  s/b-fail.yaml" + erase;
  const auto run = [&](std::vector<std::string> args, const Environment& environment) {
    const Outcome outcome = on_terminal(folder, std::move(args), environment, 80);
    BOOST_TEST(outcome.code == 1);
    return outcome.err;
  };
  const Environment xterm{{"TERM", "xterm"}};
  BOOST_TEST(run({"run", "s"}, xterm).ends_with(red_line));
  BOOST_TEST(run({"run", "--color", "auto", "s"}, xterm).ends_with(red_line));
  // The first line has nothing to colour: 0 failed.
  BOOST_TEST(run({"run", "s"}, xterm).starts_with(erase + "[1/2] 0 failed  s/a-pass.yaml" + erase));
  // NO_COLOR set and not empty: no colour at all; set empty: as if unset.
  const std::string no_color = run({"run", "s"}, {{"TERM", "xterm"}, {"NO_COLOR", "1"}});
  BOOST_TEST(no_color.ends_with(plain_line));
  BOOST_TEST(no_color.find("\x1b[3") == std::string::npos);
  BOOST_TEST(run({"run", "s"}, {{"TERM", "xterm"}, {"NO_COLOR", ""}}).ends_with(red_line));
  BOOST_TEST(run({"run", "--color", "never", "s"}, xterm).ends_with(plain_line));
  // Asked for on the command line, colour wins over NO_COLOR and a dumb terminal.
  BOOST_TEST(run({"run", "--color", "always", "s"}, {{"TERM", "xterm"}, {"NO_COLOR", "1"}})
                 .ends_with(red_line));
  const std::string dumb = run({"run", "--color", "always", "s"}, {{"TERM", "dumb"}});
  BOOST_TEST(dumb.starts_with("[1/2] \x1b[32mok\x1b[0m  s/a-pass.yaml\n"));
  BOOST_TEST(dumb.ends_with("[2/2] \x1b[31mFAILED\x1b[0m  s/b-fail.yaml\n"));
  const std::string dumb_auto = run({"run", "s"}, {{"TERM", "dumb"}});
  BOOST_TEST(dumb_auto.ends_with("[2/2] FAILED  s/b-fail.yaml\n"));
  BOOST_TEST(dumb_auto.find('\x1b') == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_captured_stream_is_coloured_only_when_asked) {
  const Failing folder;
  const std::string files = folder.file("s");
  const auto never = command({"run", files});
  BOOST_TEST(never.err.find('\x1b') == std::string::npos);
  const auto always = command({"run", "--color", "always", files});
  BOOST_TEST(
      always.err.starts_with("[1/2] \x1b[32mok\x1b[0m  " + folder.file("s/a-pass.yaml") + "\n"));
  BOOST_TEST(
      always.err.ends_with("[2/2] \x1b[31mFAILED\x1b[0m  " + folder.file("s/b-fail.yaml") + "\n"));
  // The closing line and the trace are never coloured: they are read by programs too.
  BOOST_TEST(always.out == "1 of 2 expectations failed\n1 passed, 1 failed\n");
  const auto wrong = command({"run", "--color", "sometimes", files});
  BOOST_TEST(wrong.code == 2);
  BOOST_TEST(wrong.err == "qosbed: --color takes auto, always or never, not 'sometimes'\n");
}

BOOST_AUTO_TEST_CASE(terminal_rules) {
  using namespace qosbed::cli;
  BOOST_TEST(middle_cut("s/a-pass.yaml", 13) == "s/a-pass.yaml");
  BOOST_TEST(middle_cut("s/a-pass.yaml", 12) == "s/a-....yaml");
  BOOST_TEST(middle_cut("0123456789", 4) == "0123");
  BOOST_TEST(middle_cut("0123456789", 0) == "");
  // Characters, not bytes: "é" is two bytes and one column, never cut in two.
  BOOST_TEST(width_of("caf\xc3\xa9") == 4u);
  BOOST_TEST(middle_cut("\xc3\xa9\xc3\xa9\xc3\xa9/\xc3\xa9\xc3\xa9\xc3\xa9", 5) ==
             "\xc3\xa9...\xc3\xa9");
  BOOST_TEST((color_choice("auto") == ColorChoice::automatic));
  BOOST_TEST((color_choice("always") == ColorChoice::always));
  BOOST_TEST((color_choice("never") == ColorChoice::never));
  BOOST_TEST(!color_choice("yes"));
  const Terminal xterm{true, true, false};
  const Terminal no_color{true, true, true};
  const Terminal dumb{true, false, false};
  const Terminal file{false, false, false};
  BOOST_TEST(colors(ColorChoice::automatic, xterm));
  BOOST_TEST(!colors(ColorChoice::automatic, no_color));
  BOOST_TEST(!colors(ColorChoice::automatic, dumb));
  BOOST_TEST(!colors(ColorChoice::automatic, file));
  BOOST_TEST(colors(ColorChoice::always, file));
  BOOST_TEST(!colors(ColorChoice::never, xterm));
  BOOST_TEST(painted("FAILED", Color::red, true) == "\x1b[31mFAILED\x1b[0m");
  BOOST_TEST(painted("ok", Color::green, false) == "ok");
}
