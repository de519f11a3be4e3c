// The Session that serves a program's calls (sim/program), frame by frame and without a process:
// the requests it refuses and how it says so, which thread runs next and when the clock moves,
// and what an alertable wait hands back (the finished request's bytes with ProviderSpecific.buf
// as an offset, and the routine to run).
#define BOOST_TEST_MODULE program_session
#include <boost/test/unit_test.hpp>
#include <memory>
#include <string>
#include <vector>

#include "engine/event_queue.hpp"
#include "engine/trace.hpp"
#include "engine/tracing_provider.hpp"
#include "gqos/codec.hpp"
#include "gqos/constants.hpp"
#include "program/session.hpp"
#include "program/turns.hpp"
#include "provider_stub/emulator.hpp"
#include "report/json_trace.hpp"
#include "report/text_trace.hpp"
#include "win32/protocol.hpp"

namespace {

using namespace qosbed;
using win32::Call;
using win32::Reply;
namespace wsa = gqos::wsa;

// A reply as the program reads it.
struct Frame {
  explicit Frame(const std::vector<std::byte>& bytes) : frame(bytes) {
    const win32::FrameHead head = win32::read_head(frame.data());
    kind = static_cast<Reply>(head.kind);
    thread = head.thread;
    body = win32::Reader(std::span(frame).subspan(win32::frame_head_bytes));
    reply = win32::get_reply_head(body);
  }
  std::vector<std::byte> frame;
  Reply kind = Reply::result;
  std::uint32_t thread = 0;
  win32::Reader body{{}};
  win32::ReplyHead reply;
};

class Program {
 public:
  // `host`: the program is one of several, one per host.
  explicit Program(std::string host = {}) : emulator_(queue_), traced_(emulator_, queue_, log_) {
    spec_.id = "rx";
    spec_.role = provider::Role::receiver;
    spec_.local = provider::Address{"10.0.0.2", 5000};
    const provider::Socket rx = emulator_.open(spec_.role, spec_.protocol);
    traced_.name_socket(rx, "rx");
    session_ = std::make_unique<program::Session>(
        traced_, emulator_, queue_, log_, std::vector{program::ScenarioSocket{&spec_, rx}}, host);
    turns_.add(*session_, host);
    rx_ = rx;
  }

  // What the program is told next: when all of its threads wait, what Turns gives it once the
  // clock has moved.
  program::Outcome send(Call call, std::uint32_t thread, const win32::Fields& body = {}) {
    win32::Writer writer(static_cast<std::uint32_t>(call), thread);
    writer.append(body.bytes());
    const std::vector<std::byte>& frame = writer.frame();
    program::Outcome outcome = session_->serve(win32::read_head(frame.data()),
                                               std::span(frame).subspan(win32::frame_head_bytes));
    if (!outcome.waiting) return outcome;
    program::Turns::Next next = turns_.next();
    program::Outcome after;
    after.failure = std::move(next.failure);
    if (next.turn) after.frames = std::move(next.turn->frames);
    return after;
  }
  // A request whose reply goes to the same thread at once.
  Frame call(Call call, std::uint32_t thread, const win32::Fields& body = {}) {
    program::Outcome outcome = send(call, thread, body);
    BOOST_TEST_REQUIRE(!outcome.failure, *outcome.failure);
    BOOST_TEST_REQUIRE(outcome.frames.size() == 1u);
    return Frame(outcome.frames.front());
  }
  void hello() {
    win32::Fields body;
    body.u32(win32::protocol_magic).u32(win32::protocol_version);
    BOOST_TEST_REQUIRE(call(Call::hello, 1, body).body.u32() == 1u);
  }
  static win32::Fields wait(win32::WaitCall kind, std::uint32_t timeout_ms, bool alertable,
                            std::vector<std::uint64_t> handles = {}) {
    win32::Fields body;
    put(body, win32::WireWait{kind, timeout_ms, alertable, false, std::move(handles)});
    return body;
  }
  std::uint64_t event(bool manual = true) {
    win32::Fields body;
    body.u32(manual ? 1 : 0).u32(0);
    return call(Call::create_event, session_->running(), body).body.u64();
  }

  engine::EventQueue queue_;
  provider_stub::Emulator emulator_;
  engine::TraceLog log_;
  engine::TracingProvider traced_;
  scenario::SocketSpec spec_;
  provider::Socket rx_ = provider::invalid_socket;
  std::unique_ptr<program::Session> session_;
  program::Turns turns_{queue_};
};

std::string failure_of(const program::Outcome& outcome) {
  return outcome.failure.value_or("(no failure)");
}

}  // namespace

BOOST_AUTO_TEST_CASE(refuses_requests_that_break_the_protocol) {
  Program before_hello;
  BOOST_TEST(failure_of(before_hello.send(Call::bind, 1)) ==
             "the program's first request was bind, not hello");

  Program other_version;
  win32::Fields hello;
  hello.u32(win32::protocol_magic).u32(win32::protocol_version + 1);
  BOOST_TEST(failure_of(other_version.send(Call::hello, 1, hello)) ==
             "the program speaks channel version 2, this qosbed speaks 1: rebuild it against "
             "this qosbed's qosbed_win32");

  Program program;
  program.hello();
  BOOST_TEST(failure_of(program.send(static_cast<Call>(0), 1)) ==
             "the program sent a request of unknown kind 0");
  BOOST_TEST(failure_of(program.send(static_cast<Call>(win32::last_call + 1), 1)) ==
             "the program sent a request of unknown kind " + std::to_string(win32::last_call + 1));
  BOOST_TEST(failure_of(program.send(Call::create_event, 2)) ==
             "a request from thread 2 while thread 1 runs");
  win32::Fields short_bind;
  short_bind.u32(7);
  BOOST_TEST(failure_of(program.send(Call::bind, 1, short_bind)) ==
             "the program sent a malformed bind request (4 bytes)");
  win32::Fields long_event;
  long_event.u32(1).u32(0).u32(0);
  BOOST_TEST(failure_of(program.send(Call::create_event, 1, long_event)) ==
             "the program sent a malformed create_event request (12 bytes)");
  win32::Fields what;
  what.text("WSAJoinLeaf");
  BOOST_TEST(failure_of(program.send(Call::unsupported, 1, what)) ==
             "the program called WSAJoinLeaf, which qosbed does not model");
  // An unhandled exception, as the ws2_32.dll reports it under Wine: named when it is a common
  // one, by its code otherwise.
  win32::Fields access_violation;
  access_violation.u32(0xC0000005).u64(0x1400015C2);
  BOOST_TEST(failure_of(program.send(Call::crash, 1, access_violation)) ==
             "the program crashed at t=0.000 ms: access violation (exception 0xC0000005) at "
             "address 0x1400015C2");
  win32::Fields other;
  other.u32(0xE06D7363).u64(0x7B0);
  BOOST_TEST(failure_of(program.send(Call::crash, 1, other)) ==
             "the program crashed at t=0.000 ms: exception 0xE06D7363 at address 0x7B0");
  win32::Fields short_crash;
  short_crash.u32(0xC0000005);
  BOOST_TEST(failure_of(program.send(Call::crash, 1, short_crash)) ==
             "the program sent a malformed crash request");
}

// Thread 1 starts thread 2 and waits for it; thread 2 sleeps 5 s and exits with 7. The run passes
// to thread 2 at once, the clock moves only when no thread can run, and thread 1 resumes when
// thread 2 has ended, in the same instant.
BOOST_AUTO_TEST_CASE(one_thread_runs_at_a_time_and_the_clock_moves_when_none_can) {
  Program program;
  program.hello();
  Frame created = program.call(Call::create_thread, 1);
  const std::uint64_t second = created.body.u64();
  BOOST_TEST(created.body.u32() == 2u);

  program::Outcome waiting = program.send(
      Call::wait, 1,
      Program::wait(win32::WaitCall::wait_for_objects, wsa::infinite, false, {second}));
  BOOST_TEST_REQUIRE(waiting.frames.size() == 2u);
  Frame handed(waiting.frames[0]);
  BOOST_TEST((handed.kind == Reply::switch_to && handed.thread == 1u));
  BOOST_TEST(handed.body.u32() == 2u);
  Frame started(waiting.frames[1]);
  BOOST_TEST((started.kind == Reply::start && started.thread == 2u));
  BOOST_TEST(started.reply.now_us == 0);

  Frame slept = program.call(Call::wait, 2, Program::wait(win32::WaitCall::sleep_ex, 5000, false));
  BOOST_TEST((slept.kind == Reply::result && slept.thread == 2u));
  BOOST_TEST(slept.body.u32() == 0u);  // SleepEx's "the time ran out"
  BOOST_TEST(slept.reply.now_us == 5'000'000);

  win32::Fields code;
  code.u32(7);
  program::Outcome exited = program.send(Call::exit_thread, 2, code);
  BOOST_TEST_REQUIRE(exited.frames.size() == 2u);
  Frame back(exited.frames[0]);
  BOOST_TEST((back.kind == Reply::switch_to && back.thread == 2u));
  BOOST_TEST(back.body.u32() == 1u);
  Frame resumed(exited.frames[1]);
  BOOST_TEST((resumed.kind == Reply::result && resumed.thread == 1u));
  BOOST_TEST(resumed.body.u32() == wsa::wait_event_0);
  BOOST_TEST(resumed.reply.now_us == 5'000'000);

  win32::Fields handle;
  handle.u64(second);
  Frame exit_code = program.call(Call::exit_code, 1, handle);
  BOOST_TEST(exit_code.body.u32() == 1u);
  BOOST_TEST(exit_code.body.u32() == 7u);
}

// Ready threads run in the order they became ready: new threads in creation order, a thread that
// yields (SleepEx(0, FALSE)) after those ready before it.
BOOST_AUTO_TEST_CASE(ready_threads_run_oldest_first) {
  Program program;
  program.hello();
  program.call(Call::create_thread, 1);
  program.call(Call::create_thread, 1);
  std::vector<std::uint32_t> order;
  std::uint32_t running = 1;
  for (int turn = 0; turn < 4; ++turn) {
    program::Outcome outcome =
        program.send(Call::wait, running, Program::wait(win32::WaitCall::sleep_ex, 0, false));
    running = Frame(outcome.frames.back()).thread;
    order.push_back(running);
  }
  BOOST_TEST(order == (std::vector<std::uint32_t>{2, 3, 1, 2}), boost::test_tools::per_element());
  BOOST_TEST(program.queue_.now_us() == 0);
}

BOOST_AUTO_TEST_CASE(a_wait_nothing_can_end_is_reported_with_every_thread) {
  Program program;
  program.hello();
  const std::uint64_t first = program.event();
  const std::uint64_t second = program.event();
  program.call(Call::create_thread, 1);
  program.send(Call::wait, 1,
               Program::wait(win32::WaitCall::wait_for_objects, wsa::infinite, false, {first}));
  const program::Outcome stuck =
      program.send(Call::wait, 2,
                   Program::wait(win32::WaitCall::wait_for_events, wsa::infinite, true, {second}));
  // Handles count in fours from 0x40000000, the main thread's first, and show in hex.
  BOOST_TEST(first == 0x40000004u);
  BOOST_TEST(second == 0x40000008u);
  BOOST_TEST(failure_of(stuck) ==
             "the program waits with nothing left to happen (t=0.000 ms):\n"
             "  thread 1 (main) waits in WaitForMultipleObjects(event 0x40000004 (not set), "
             "INFINITE)\n"
             "  thread 2 waits in WSAWaitForMultipleEvents(event 0x40000008 (not set), INFINITE, "
             "alertable)");
}

// An overlapped SIO_GET_QOS with a routine, finished by an indication at 10 ms while the thread
// sleeps alertably: the wait's reply carries the result's bytes (buf as an offset from the
// buffer's start) and the routine; routines_done then ends the wait, traced as the emulator's
// waits are.
BOOST_AUTO_TEST_CASE(an_alertable_wait_hands_back_the_result_and_its_routine) {
  Program program;
  program.hello();
  Frame opened = [&] {
    win32::Fields udp;
    udp.u32(17);
    return program.call(Call::open_socket, 1, udp);
  }();
  const std::uint64_t s = opened.body.u64();
  win32::Fields bind;
  bind.u64(s);
  put(bind, win32::WireAddress{0x0A000002, 5000});
  BOOST_TEST(program.call(Call::bind, 1, bind).body.i32() == 0);
  win32::Fields ioctl;
  ioctl.u64(s).u32(gqos::ioctl::get_qos).blob({}).u32(512).u32(0);
  put(ioctl, win32::WireOverlapped{41, win32::Notify::routine, 0});
  Frame pending = program.call(Call::ioctl, 1, ioctl);
  BOOST_TEST(pending.body.i32() == -1);
  BOOST_TEST(pending.reply.error == wsa::io_pending);

  program.queue_.schedule_at(10'000, [&] {
    gqos::Indication indication;
    indication.status = gqos::status::senders;
    program.emulator_.indicate(program.rx_, indication);
  });
  Frame woken = program.call(Call::wait, 1, Program::wait(win32::WaitCall::sleep_ex, 1000, true));
  BOOST_TEST(woken.body.u32() == wsa::wait_io_completion);
  BOOST_TEST(woken.reply.now_us == 10'000);
  BOOST_TEST_REQUIRE(woken.reply.finished.size() == 1u);
  const win32::Finished& finished = woken.reply.finished.front();
  BOOST_TEST((finished.request == 41u && finished.error == 0u && finished.bytes == 100u));
  BOOST_TEST_REQUIRE(finished.data.size() == 100u);
  BOOST_TEST(gqos::load_u32(finished.data, gqos::provider_specific_buf_offset) ==
             80u);  // an offset now
  BOOST_TEST_REQUIRE(woken.reply.routines.size() == 1u);
  BOOST_TEST(
      (woken.reply.routines.front().request == 41u && woken.reply.routines.front().bytes == 100u));

  const std::size_t traced = program.log_.records().size();
  Frame done =
      program.call(Call::routines_done, 1, Program::wait(win32::WaitCall::sleep_ex, 1000, true));
  BOOST_TEST(done.body.u32() == wsa::wait_io_completion);
  BOOST_TEST(done.reply.routines.empty());
  BOOST_TEST_REQUIRE(program.log_.records().size() == traced + 1);
  const auto* record = std::get_if<engine::WaitRecord>(&program.log_.records().back());
  BOOST_TEST_REQUIRE(record);
  BOOST_TEST(record->call == "sleep_ex");
  BOOST_TEST(record->result == wsa::wait_io_completion);
  BOOST_TEST(record->timeout_ms == 1000u);
  BOOST_TEST(record->host.empty());  // the only program
}

// With one program per host, a wait record, which names no socket, names the host instead.
BOOST_AUTO_TEST_CASE(a_wait_of_one_of_several_programs_names_its_host) {
  Program program("d");
  program.hello();
  Frame slept = program.call(Call::wait, 1, Program::wait(win32::WaitCall::sleep_ex, 5, false));
  BOOST_TEST(slept.reply.now_us == 5'000);
  const engine::TraceRecord& last = program.log_.records().back();
  const auto* record = std::get_if<engine::WaitRecord>(&last);
  BOOST_TEST_REQUIRE(record);
  BOOST_TEST(record->host == "d");
  const std::string json = report::to_json(last);
  BOOST_TEST(json.ends_with(R"(,"host":"d"})"), json);
  BOOST_TEST(report::to_text(last).ends_with("  host=d"), report::to_text(last));
}

// A thread waits in WSAGetOverlappedResult(fWait TRUE) for a query another thread then ends by
// closing its socket: the waiter resumes with WSAENOTSOCK, the request aborted (R8).
BOOST_AUTO_TEST_CASE(a_socket_closed_under_a_waiting_thread_ends_its_wait) {
  Program program;
  program.hello();
  win32::Fields udp;
  udp.u32(17);
  const std::uint64_t s = program.call(Call::open_socket, 1, udp).body.u64();
  win32::Fields bind;
  bind.u64(s);
  put(bind, win32::WireAddress{0x0A000002, 5000});
  program.call(Call::bind, 1, bind);
  win32::Fields ioctl;
  ioctl.u64(s).u32(gqos::ioctl::get_qos).blob({}).u32(512).u32(1);
  put(ioctl, win32::WireOverlapped{9, win32::Notify::event, 0});
  BOOST_TEST(program.call(Call::ioctl, 1, ioctl).reply.error == wsa::io_pending);
  program.call(Call::create_thread, 1);

  win32::Fields result;
  result.u64(s).u64(9).u32(1);
  program::Outcome waiting = program.send(Call::overlapped_result, 1, result);
  BOOST_TEST_REQUIRE(waiting.frames.size() == 2u);
  BOOST_TEST((Frame(waiting.frames[1]).kind == Reply::start));

  win32::Fields close;
  close.u64(s);
  Frame closed = program.call(Call::close_socket, 2, close);
  BOOST_TEST(closed.body.i32() == 0);
  // What finished goes with the next reply, whichever thread it is for.
  BOOST_TEST_REQUIRE(closed.reply.finished.size() == 1u);
  BOOST_TEST(closed.reply.finished.front().error == wsa::operation_aborted);
  program::Outcome ended =
      program.send(Call::wait, 2, Program::wait(win32::WaitCall::sleep_ex, wsa::infinite, false));
  BOOST_TEST_REQUIRE(ended.frames.size() == 2u);
  Frame resumed(ended.frames[1]);
  BOOST_TEST((resumed.kind == Reply::result && resumed.thread == 1u));
  BOOST_TEST(resumed.body.u32() == 0u);  // FALSE
  BOOST_TEST(resumed.reply.error == wsa::enotsock);
}
