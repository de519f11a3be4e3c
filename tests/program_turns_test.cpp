// Two programs on one clock (sim/program/turns.hpp), frame by frame and without processes: no
// clock moves before both have said hello, the program whose wait ends first runs first, and a
// wait nothing can end is reported with every program's threads, each named by its host. Also
// the words of `--program HOST=COMMAND` (cli/command_words.hpp).
#define BOOST_TEST_MODULE program_turns
#include <boost/test/unit_test.hpp>
#include <memory>
#include <string>
#include <vector>

#include "cli/command_words.hpp"
#include "engine/event_queue.hpp"
#include "engine/trace.hpp"
#include "engine/tracing_provider.hpp"
#include "gqos/constants.hpp"
#include "program/session.hpp"
#include "program/turns.hpp"
#include "provider_stub/emulator.hpp"
#include "win32/protocol.hpp"

namespace {

using namespace qosbed;
using win32::Call;
namespace wsa = gqos::wsa;

std::vector<std::byte> request(Call call, std::uint32_t thread, const win32::Fields& body) {
  win32::Writer writer(static_cast<std::uint32_t>(call), thread);
  writer.append(body.bytes());
  return writer.frame();
}

struct TwoPrograms {
  TwoPrograms() : emulator(queue), traced(emulator, queue, log) {
    for (const char* host : {"s", "d"}) {
      sessions.push_back(std::make_unique<program::Session>(
          traced, emulator, queue, log, std::vector<program::ScenarioSocket>{}, host));
      turns.add(*sessions.back(), host);
    }
  }
  program::Outcome send(std::size_t program, Call call, const win32::Fields& body = {}) {
    const std::vector<std::byte> frame = request(call, 1, body);
    return sessions.at(program)->serve(win32::read_head(frame.data()),
                                       std::span(frame).subspan(win32::frame_head_bytes));
  }
  void hello(std::size_t program) {
    win32::Fields body;
    body.u32(win32::protocol_magic).u32(win32::protocol_version);
    BOOST_TEST_REQUIRE(send(program, Call::hello, body).frames.size() == 1u);
  }
  // Thread 1 of `program` sleeps, or waits for ever on an event nothing sets.
  program::Outcome sleep(std::size_t program, std::uint32_t timeout_ms) {
    win32::Fields body;
    put(body, win32::WireWait{win32::WaitCall::sleep_ex, timeout_ms, false, false, {}});
    return send(program, Call::wait, body);
  }

  engine::EventQueue queue;
  provider_stub::Emulator emulator;
  engine::TraceLog log;
  engine::TracingProvider traced;
  std::vector<std::unique_ptr<program::Session>> sessions;
  program::Turns turns{queue};
};

std::uint64_t now_of(const std::vector<std::byte>& frame) {
  win32::Reader body{std::span(frame).subspan(win32::frame_head_bytes)};
  return win32::get_reply_head(body).now_us;
}

}  // namespace

// s sleeps 5 s, then d (not connected yet) takes its turn before any clock moves, and sleeps 3 s:
// d wakes first, at 3 s, then s at 5 s.
BOOST_AUTO_TEST_CASE(the_program_whose_wait_ends_first_runs_first) {
  TwoPrograms run;
  std::vector<engine::TimeUs> passing;
  run.turns.on_time_passing([&](engine::TimeUs t_us) { passing.push_back(t_us); });
  run.hello(0);
  BOOST_TEST_REQUIRE(run.sleep(0, 5000).waiting);

  program::Turns::Next next = run.turns.next();
  BOOST_TEST_REQUIRE(!next.failure);
  BOOST_TEST_REQUIRE(next.turn.has_value());
  BOOST_TEST(next.turn->program == 1u);
  BOOST_TEST(next.turn->frames.empty());  // its hello is read next
  BOOST_TEST(run.queue.now_us() == 0);

  run.hello(1);
  BOOST_TEST_REQUIRE(run.sleep(1, 3000).waiting);
  next = run.turns.next();
  BOOST_TEST_REQUIRE(next.turn.has_value());
  BOOST_TEST(next.turn->program == 1u);
  BOOST_TEST_REQUIRE(next.turn->frames.size() == 1u);
  BOOST_TEST(now_of(next.turn->frames.front()) == 3'000'000u);

  BOOST_TEST_REQUIRE(run.sleep(1, wsa::infinite).waiting);
  next = run.turns.next();
  BOOST_TEST_REQUIRE(next.turn.has_value());
  BOOST_TEST(next.turn->program == 0u);
  BOOST_TEST(now_of(next.turn->frames.front()) == 5'000'000u);
  BOOST_TEST(passing == (std::vector<engine::TimeUs>{3'000'000, 5'000'000}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(an_ended_program_takes_no_turn_and_the_last_one_ends_the_run) {
  TwoPrograms run;
  run.hello(0);
  BOOST_TEST_REQUIRE(run.sleep(0, 1000).waiting);
  run.turns.ended(1);  // d exited before its first call
  program::Turns::Next next = run.turns.next();
  BOOST_TEST_REQUIRE(next.turn.has_value());
  BOOST_TEST(next.turn->program == 0u);
  run.turns.ended(0);
  next = run.turns.next();
  BOOST_TEST(!next.turn.has_value());
  BOOST_TEST(!next.failure.has_value());
}

BOOST_AUTO_TEST_CASE(a_wait_nothing_can_end_names_each_program_by_its_host) {
  TwoPrograms run;
  run.hello(0);
  BOOST_TEST_REQUIRE(run.sleep(0, wsa::infinite).waiting);
  BOOST_TEST_REQUIRE(run.turns.next().turn->program == 1u);
  run.hello(1);
  BOOST_TEST_REQUIRE(run.sleep(1, wsa::infinite).waiting);
  const program::Turns::Next next = run.turns.next();
  BOOST_TEST(!next.turn.has_value());
  BOOST_TEST(next.failure.value_or("") ==
             "the programs wait with nothing left to happen (t=0.000 ms):\n"
             "  s: thread 1 (main) waits in SleepEx(INFINITE)\n"
             "  d: thread 1 (main) waits in SleepEx(INFINITE)");
}

BOOST_AUTO_TEST_CASE(command_words_split_as_a_shell_would_without_expanding) {
  std::string error;
  using Words = std::vector<std::string>;
  BOOST_TEST(*cli::command_words("./receiver 2  10.0.0.1\t6000", error) ==
                 (Words{"./receiver", "2", "10.0.0.1", "6000"}),
             boost::test_tools::per_element());
  BOOST_TEST(*cli::command_words(R"('my dir/rx' "a b" c\ d '' $HOME)", error) ==
                 (Words{"my dir/rx", "a b", "c d", "", "$HOME"}),
             boost::test_tools::per_element());
  BOOST_TEST(cli::command_words("   ", error)->empty());
  BOOST_TEST(!cli::command_words("rx \"2", error));
  BOOST_TEST(error == "the quote \" at character 4 of the command is not closed");
  BOOST_TEST(!cli::command_words("rx \\", error));
  BOOST_TEST(error == "a backslash ends it");
}
