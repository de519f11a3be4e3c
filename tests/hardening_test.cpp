// The qosbed command against hostile input and interruption, run as a child process the way a
// user runs it: every hostile file ends with exit 2 and a FILE:LINE:COL message within seconds
// and bounded memory (docs/scenario-language.md, "Limits"), a 200,000-step scenario loads, and a
// run stopped by SIGTERM still leaves a whole JSON trace and says where it stopped. Big inputs
// are generated here, never kept in the repository.
#define BOOST_TEST_MODULE hardening
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "report/json_trace.hpp"
#include "runner/runner.hpp"
#include "scenario/limits.hpp"
#include "scenario/loader.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool sanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool sanitized = true;
#else
constexpr bool sanitized = false;
#endif
#else
constexpr bool sanitized = false;
#endif

// Sanitized builds run several times slower; the limits are for a plain build.
constexpr double slowdown = sanitized ? 5.0 : 1.0;
constexpr double seconds_allowed = 10.0 * slowdown;
// Sanitized builds keep shadow memory and freed blocks besides.
constexpr double mib_allowed = sanitized ? 6144 : 2048;

struct Dir {
  Dir()
      : path(fs::temp_directory_path() /
             ("qosbed-hardening-" + std::to_string(getpid()) + "-" + std::to_string(++count))) {
    fs::create_directories(path);
  }
  ~Dir() { fs::remove_all(path); }
  fs::path path;
  static inline int count = 0;
};

std::string write(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A child `qosbed ARGS...` with stdout and stderr in files, its address space capped (except
// under AddressSanitizer, which reserves terabytes of it) so that runaway memory fails here.
class Child {
 public:
  Child(const std::vector<std::string>& args, const fs::path& out, const fs::path& err) {
    std::vector<std::string> all{QOSBED_EXE};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& arg : all) argv.push_back(arg.data());
    argv.push_back(nullptr);
    // The child must not inherit (and print again) what this process has buffered.
    std::cout.flush();
    std::fflush(nullptr);
    pid_ = fork();
    BOOST_REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      if (!sanitized) {
        const rlimit limit{rlim_t{2} << 30, rlim_t{2} << 30};
        setrlimit(RLIMIT_AS, &limit);
      }
      if (!freopen(out.c_str(), "w", stdout) || !freopen(err.c_str(), "w", stderr)) _exit(127);
      execv(argv[0], argv.data());
      _exit(127);
    }
  }
  pid_t pid() const { return pid_; }
  // The exit code, or 128 + the signal that killed it.
  int wait() {
    int status = 0;
    wait4(pid_, &status, 0, &usage_);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  // CPU time, not wall time: the limits must hold on a machine busy with other jobs too.
  double cpu_seconds() const {
    const auto seconds = [](const timeval& t) {
      return static_cast<double>(t.tv_sec) + 1e-6 * static_cast<double>(t.tv_usec);
    };
    return seconds(usage_.ru_utime) + seconds(usage_.ru_stime);
  }
  double peak_mib() const { return static_cast<double>(usage_.ru_maxrss) / 1024; }

 private:
  pid_t pid_ = -1;
  rusage usage_{};
};

struct Outcome {
  int code;
  std::string out;
  std::string err;
  double seconds;  // CPU
  double peak_mib;
};

Outcome run_qosbed(const Dir& dir, const std::vector<std::string>& args) {
  Child child(args, dir.path / "out", dir.path / "err");
  const int code = child.wait();
  return {code, read(dir.path / "out"), read(dir.path / "err"), child.cpu_seconds(),
          child.peak_mib()};
}

// `qosbed validate` on `text` must fail with exit 2, within the time allowed, with a message
// at FILE:`where` (e.g. "1:1") that contains `says`.
void rejected(const std::string& text, const std::string& where, const std::string& says) {
  Dir dir;
  const std::string file = write(dir.path / "hostile.yaml", text);
  const Outcome outcome = run_qosbed(dir, {"validate", file});
  BOOST_TEST_INFO("stderr: " << outcome.err.substr(0, 400));
  BOOST_TEST(outcome.code == 2);
  BOOST_TEST(outcome.seconds < seconds_allowed);
  BOOST_TEST(outcome.peak_mib < mib_allowed);
  const std::string mark = where.empty() ? file + ":" : file + ":" + where;
  BOOST_TEST(outcome.err.find(mark) != std::string::npos);
  BOOST_TEST(outcome.err.find(": error: ") != std::string::npos);
  BOOST_TEST(outcome.err.find(says) != std::string::npos);
}

const std::string header =
    "scenario: hostile\n"
    "sockets:\n"
    "  rx: {role: receiver}\n";

// A valid scenario of `steps` steps: a Monitor, then FD_QOS indications each followed by the
// alertable wait that delivers it.
std::string big_scenario(int steps) {
  std::string text = header +
                     "steps:\n"
                     "  - {app: bind, socket: rx}\n"
                     "  - {app: monitor, socket: rx, initial_buffer: 100}\n";
  for (int i = 2; i < steps; i += 2) {
    text += "  - {at: " + std::to_string(i) +
            "ms, sp: fd_qos, socket: rx, status: WSA_QOS_SENDERS}\n"
            "  - {app: wait, alertable: true, timeout: 0ms}\n";
  }
  return text;
}

}  // namespace

BOOST_AUTO_TEST_CASE(deep_flow_nesting_is_refused_before_parsing) {
  rejected(header + "steps: " + std::string(100'000, '[') + "\n", "", "nested too deeply");
}

BOOST_AUTO_TEST_CASE(deep_block_nesting_is_refused_before_parsing) {
  std::string text = header + "steps:\n";
  for (int depth = 1; depth <= 5'000; ++depth) text += std::string(depth, ' ') + "- \n";
  rejected(text, "", "nested too deeply");
}

BOOST_AUTO_TEST_CASE(alias_bomb_is_refused_without_expanding_it) {
  // Nine levels of ten references each: 10^9 steps if every alias were expanded. yaml-cpp shares
  // aliased nodes, lists do not splice into lists, and the loader only walks the shapes it
  // expects, so this costs what its text costs.
  std::string text = header + "steps:\n  - &l0 [{app: bind, socket: rx}]\n";
  for (int level = 1; level <= 9; ++level) {
    text += "  - &l" + std::to_string(level) + " [";
    for (int i = 0; i < 10; ++i) text += (i ? ", *l" : "*l") + std::to_string(level - 1);
    text += "]\n";
  }
  text += "  - *l9\n";
  rejected(text, "5:5", "must be a map");
}

BOOST_AUTO_TEST_CASE(number_past_64_bits) {
  rejected(header + "admission_limit: 123456789012345678901234567890\nsteps: []\n", "4:18",
           "admission_limit");
}

BOOST_AUTO_TEST_CASE(buffer_of_4_gib) {
  rejected(header + "steps:\n  - {app: get_qos, socket: rx, buffer: 4294967296}\n", "5:", "buffer");
}

BOOST_AUTO_TEST_CASE(binary_garbage) {
  std::mt19937 random(3);
  std::string text(64 * 1024, '\0');
  for (char& c : text) c = static_cast<char>(random());
  // Refused at its first control byte, before yaml-cpp reads any of it.
  int line = 1;
  int column = 1;
  unsigned byte = 0;
  for (const char c : text) {
    byte = static_cast<unsigned char>(c);
    if (byte == '\n') {
      ++line;
      column = 1;
    } else if ((byte < 0x20 && byte != '\t' && byte != '\r') || byte == 0x7F) {
      break;
    } else {
      ++column;
    }
  }
  char hex[3];
  std::snprintf(hex, sizeof hex, "%02x", byte);
  rejected(text, std::to_string(line) + ":" + std::to_string(column) + ": ",
           std::string("not a text file: control byte 0x") + hex);
}

BOOST_AUTO_TEST_CASE(empty_file) {
  rejected("", "1:1", "empty");
}

BOOST_AUTO_TEST_CASE(duplicate_key) {
  rejected(header + "scenario: again\nsteps: []\n", "4:1", "scenario");
}

BOOST_AUTO_TEST_CASE(negative_time) {
  rejected(header + "steps:\n  - {at: -5ms, app: bind, socket: rx}\n",
           "5:10: ", "'at' must not be negative, not '-5ms'");
}

BOOST_AUTO_TEST_CASE(wrong_type) {
  rejected(header + "steps:\n  - {app: get_qos, socket: rx, buffer: [1, 2]}\n", "5:", "buffer");
}

BOOST_AUTO_TEST_CASE(too_many_steps) {
  // One step more than the cap, each written out and all within the file size cap, so it is the
  // step cap that refuses them, before any step is read.
  std::string text = header + "steps:\n";
  for (int i = 0; i < 1'000'001; ++i) text += "- 0\n";
  BOOST_REQUIRE(text.size() < qosbed::scenario::limits::max_file_bytes);
  rejected(text, "5:1: ", "1000001 steps, more than 1000000 steps; split the scenario");
}

BOOST_AUTO_TEST_CASE(a_file_over_the_size_cap_is_refused_before_parsing) {
  std::string text = header + "steps:\n";
  while (text.size() <= qosbed::scenario::limits::max_file_bytes) {
    text += "  - {app: close, socket: rx}\n";
  }
  rejected(
      text, "1:1: ",
      "file is larger than " + std::to_string(qosbed::scenario::limits::max_file_bytes) + " bytes");
}

BOOST_AUTO_TEST_CASE(more_than_a_million_steps_are_refused) {
  // Aliases make a million steps fit in 5 MB; the cap is checked before any step is read.
  std::string text = header + "steps:\n  - &s {app: close, socket: rx}\n";
  for (int i = 0; i < 1'000'000; ++i) text += "  - *s\n";
  rejected(text, "5:", "more than 1000000 steps");
}

BOOST_AUTO_TEST_CASE(two_hundred_thousand_steps_load_in_seconds) {
  Dir dir;
  const std::string file = write(dir.path / "big.yaml", big_scenario(200'000));
  const Outcome outcome = run_qosbed(dir, {"validate", file});
  BOOST_TEST_INFO("stderr: " << outcome.err.substr(0, 400));
  BOOST_TEST(outcome.code == 0);
  BOOST_TEST(outcome.seconds < seconds_allowed);
  BOOST_TEST(outcome.peak_mib < mib_allowed);
}

BOOST_AUTO_TEST_CASE(sigterm_flushes_the_trace_and_says_where_the_run_stopped) {
  Dir dir;
  const std::string small = write(dir.path / "a-small.yaml", big_scenario(20));
  const std::string big = write(dir.path / "b-big.yaml", big_scenario(100'000));
  // The small scenario's trace alone, so the signal can wait until all of it is out: a signal
  // that lands while the small one still plays would (rightly) name the small file.
  Dir alone_dir;
  Outcome alone = run_qosbed(alone_dir, {"run", "--trace", "json", small});
  BOOST_REQUIRE(alone.code == 0);
  // With two files each record begins with its file.
  std::string named;
  std::istringstream alone_lines(alone.out);
  for (std::string line; std::getline(alone_lines, line);) {
    named += "{\"scenario\":\"" + small + "\"," + line.substr(1) + "\n";
  }
  alone.out = named;
  const auto small_trace_size = static_cast<std::uintmax_t>(alone.out.size());
  const fs::path out = dir.path / "out";
  const std::string tap = (dir.path / "r.tap").string();
  Child child({"run", "--trace", "json", "--tap", tap, small, big}, out, dir.path / "err");
  const auto deadline = Clock::now() + std::chrono::duration<double>(60 * slowdown);
  while (Clock::now() < deadline && (!fs::exists(out) || fs::file_size(out) < small_trace_size)) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  BOOST_REQUIRE(kill(child.pid(), SIGTERM) == 0);
  const int code = child.wait();
  const std::string trace = read(out);
  const std::string err = read(dir.path / "err");
  BOOST_TEST_INFO("stderr: " << err);
  BOOST_TEST(code == 128 + SIGTERM);
  // "FILE: stopped before playing it" or "FILE:LINE: stopped at step N of M, t=T us: ...".
  BOOST_TEST(err.find("interrupted by SIGTERM; " + big + ":") != std::string::npos);
  BOOST_TEST(err.find(" stopped ") != std::string::npos);
  // The report is whole: the run cut short is reported, as not played.
  BOOST_TEST_INFO("TAP: " << read(tap));
  BOOST_TEST(read(tap).ends_with("ok 2 - " + big +
                                 " # SKIP not played: the run was interrupted\n"
                                 "# no expectation checked\n# 1 passed, 0 failed, 1 skipped\n"));
  // Whole JSON lines only, the first scenario's trace complete.
  BOOST_REQUIRE(trace.size() >= alone.out.size());
  BOOST_TEST(trace.compare(0, alone.out.size(), alone.out) == 0);
  BOOST_TEST(trace.back() == '\n');
  std::istringstream lines(trace);
  std::size_t count = 0;
  for (std::string line; std::getline(lines, line); ++count) {
    if (line.empty() || line.front() != '{' || line.back() != '}') {
      BOOST_FAIL("line " << count + 1 << " is not a whole JSON object: " << line.substr(0, 200));
    }
  }
  BOOST_TEST(count > 0u);
}

namespace {

// Writes records as JSON and, after `limit` of them, acts as a signal handler would, or throws
// as a failing part of qosbed would.
class StoppingSink final : public qosbed::engine::TraceSink {
 public:
  StoppingSink(std::ostream& out, std::size_t limit, bool throws)
      : json_(out), limit_(limit), throws_(throws) {}
  void record(const qosbed::engine::TraceRecord& record) override {
    json_.record(record);
    if (++count_ < limit_) return;
    if (throws_) throw std::runtime_error("the sink failed");
    flag = SIGINT;
  }
  volatile std::sig_atomic_t flag = 0;
  std::size_t count_ = 0;

 private:
  qosbed::report::JsonTraceWriter json_;
  std::size_t limit_;
  bool throws_;
};

void check_whole_lines(const std::string& trace, std::size_t records) {
  std::istringstream lines(trace);
  std::size_t count = 0;
  for (std::string line; std::getline(lines, line); ++count) {
    BOOST_TEST((!line.empty() && line.front() == '{' && line.back() == '}'));
  }
  BOOST_TEST(count == records);
  BOOST_TEST((!trace.empty() && trace.back() == '\n'));
}

}  // namespace

BOOST_AUTO_TEST_CASE(an_interrupted_run_stops_between_steps_and_says_where) {
  const auto loaded = qosbed::scenario::load_text(big_scenario(1'000), "big.yaml");
  BOOST_REQUIRE(loaded.scenario);
  std::ostringstream out;
  StoppingSink sink(out, 100, false);
  qosbed::runner::RunOptions options;
  options.trace = &sink;
  options.interrupt = &sink.flag;
  const auto result = qosbed::runner::run(*loaded.scenario, options);
  BOOST_REQUIRE(result.stopped);
  BOOST_TEST(result.stopped->reason == "interrupted");
  BOOST_TEST(result.stopped->step > 2u);
  BOOST_TEST(result.stopped->step < 1'000u);
  const auto& step = loaded.scenario->steps[result.stopped->step - 1];
  BOOST_TEST(result.stopped->mark.line == step.mark.line);
  BOOST_TEST(result.stopped->t_us == result.end_us);
  BOOST_TEST(!result.passed());
  // Nothing ran after the stop: the records are those up to the one that raised the flag.
  check_whole_lines(out.str(), sink.count_);
  BOOST_TEST(sink.count_ < 110u);
  BOOST_TEST(qosbed::runner::format(*result.stopped, loaded.scenario->steps.size())
                 .starts_with("big.yaml:" + std::to_string(step.mark.line) + ": stopped at step " +
                              std::to_string(result.stopped->step) + " of 1000, t="));
}

BOOST_AUTO_TEST_CASE(a_run_that_fails_midway_keeps_its_trace_and_says_where) {
  const auto loaded = qosbed::scenario::load_text(big_scenario(1'000), "big.yaml");
  BOOST_REQUIRE(loaded.scenario);
  std::ostringstream out;
  StoppingSink sink(out, 100, true);
  qosbed::runner::RunOptions options;
  options.trace = &sink;
  const auto result = qosbed::runner::run(*loaded.scenario, options);
  BOOST_REQUIRE(result.stopped);
  BOOST_TEST(result.stopped->reason == "internal error: the sink failed");
  check_whole_lines(out.str(), 100);
}
