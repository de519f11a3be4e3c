// The session's frame handling and scheduling; the calls themselves are served in sockets.cpp,
// requests.cpp and threads.cpp.
#include "program/session.hpp"

#include <algorithm>
#include <cstdio>

#include "engine/clock.hpp"
#include "program/session_state.hpp"

namespace qosbed::program {

using win32::Call;
using win32::Reader;

Session::Session(engine::TracingProvider& traced, provider::Provider& untraced,
                 engine::EventQueue& queue, engine::TraceSink& trace,
                 std::vector<ScenarioSocket> sockets, std::string host)
    : traced_(traced),
      untraced_(untraced),
      queue_(queue),
      trace_(trace),
      scenario_sockets_(std::move(sockets)),
      taken_(scenario_sockets_.size(), false),
      host_(std::move(host)) {}

Session::~Session() = default;

namespace {

// "access violation (exception 0xC0000005) at address 0x1400015C2": the exceptions a program
// meets by mistake by their names, any other by its code alone.
std::string describe_exception(std::uint32_t code, std::uint64_t address) {
  const char* name = code == 0xC0000005u   ? "access violation"
                     : code == 0xC0000094u ? "integer division by zero"
                     : code == 0xC00000FDu ? "stack overflow"
                     : code == 0xC000001Du ? "illegal instruction"
                     : code == 0xC0000409u ? "stack buffer overrun"
                                           : nullptr;
  char text[112];
  std::snprintf(text, sizeof text, "%s%sexception 0x%08X%s at address 0x%llX", name ? name : "",
                name ? " (" : "", code, name ? ")" : "", static_cast<unsigned long long>(address));
  return text;
}

}  // namespace

Outcome Session::fail(std::string why) {
  Outcome outcome;
  outcome.failure = std::move(why);
  return outcome;
}

Outcome Session::serve(const win32::FrameHead& head, std::span<const std::byte> body) {
  if (head.kind == 0 || head.kind > win32::last_call) {
    return fail("the program sent a request of unknown kind " + std::to_string(head.kind));
  }
  const auto call = static_cast<Call>(head.kind);
  Reader reader(body);
  if (!connected()) {
    if (call != Call::hello) {
      return fail("the program's first request was " + std::string(win32::name_of(call)) +
                  ", not hello");
    }
    const std::uint32_t magic = reader.u32();
    const std::uint32_t version = reader.u32();
    // The version first: another version's hello may hold more.
    if (!reader.ok() || magic != win32::protocol_magic) {
      return fail("the program's hello is not qosbed_win32's");
    }
    if (version != win32::protocol_version) {
      return fail("the program speaks channel version " + std::to_string(version) +
                  ", this qosbed speaks " + std::to_string(win32::protocol_version) +
                  ": rebuild it against this qosbed's qosbed_win32");
    }
    if (!reader.whole()) return fail("the program's hello is not qosbed_win32's");
    auto thread = std::make_unique<ThreadState>();
    thread->id = next_thread_++;
    thread->handle = handles_.add(ThreadObject{thread->id});
    thread->state = ThreadState::State::running;
    running_ = thread->id;
    threads_[thread->id] = std::move(thread);
    Answer answer;
    answer.fields.u32(running_);
    return Outcome{{frame_for(running_, std::move(answer))}, std::nullopt};
  }
  if (head.thread != running_) {
    return fail("a request from thread " + std::to_string(head.thread) + " while thread " +
                std::to_string(running_) + " runs");
  }
  if (call == Call::hello) return fail("a second hello from the program");
  if (call == Call::unsupported) {
    const std::string what = reader.text();
    return fail("the program called " + what + ", which qosbed does not model");
  }
  if (call == Call::crash) {
    const std::uint32_t code = reader.u32();
    const std::uint64_t address = reader.u64();
    if (!reader.whole()) return fail("the program sent a malformed crash request");
    return fail("the program crashed at t=" + engine::format_time(queue_.now_us()) + ": " +
                describe_exception(code, address));
  }
  Served served;
  try {
    served = dispatch(call, reader);
  } catch (const Malformed&) {
    return fail("the program sent a malformed " + std::string(win32::name_of(call)) + " request (" +
                std::to_string(body.size()) + " bytes)");
  }
  if (served) return Outcome{{frame_for(running_, std::move(*served))}, std::nullopt};
  return schedule(running_);
}

void Session::expect_whole(const Reader& body) {
  if (!body.whole()) throw Malformed{};
}

Session::Served Session::dispatch(Call call, Reader& body) {
  switch (call) {
    case Call::enum_protocols: {
      expect_whole(body);
      Answer answer;
      const std::vector<provider::ProtocolInfo> protocols = traced_.enum_protocols();
      answer.fields.u32(static_cast<std::uint32_t>(protocols.size()));
      for (const provider::ProtocolInfo& info : protocols) {
        answer.fields.u32(info.protocol == provider::Protocol::udp ? 17 : 6);
        answer.fields.u32(info.service_flags1).text(info.name);
      }
      return answer;
    }
    case Call::open_socket:
      return open_socket(body);
    case Call::bind:
      return bind(body);
    case Call::connect:
      return connect(body);
    case Call::listen:
      return listen(body);
    case Call::accept:
      return accept(body);
    case Call::accept_decision:
      return accept_decision(body);
    case Call::shutdown:
      return shutdown(body);
    case Call::close_socket:
      return close_socket(body);
    case Call::socket_name:
      return socket_name(body);
    case Call::ioctl:
      return ioctl(body);
    case Call::overlapped_result:
      return overlapped_result(body);
    case Call::event_select:
      return event_select(body);
    case Call::async_select:
      return async_select(body);
    case Call::enum_network_events:
      return enum_network_events(body);
    case Call::create_event:
      return create_event(body);
    case Call::set_event:
    case Call::reset_event:
    case Call::close_handle:
      return event_call(call, body);
    case Call::wait:
      return wait(body);
    case Call::routines_done:
      return routines_done(body);
    case Call::create_thread:
      return create_thread(body);
    case Call::exit_thread:
      return exit_thread(body);
    case Call::exit_code:
      return exit_code(body);
    case Call::create_window:
      return create_window(body);
    case Call::destroy_window:
      return destroy_window(body);
    case Call::post_message:
      return post_message(body);
    case Call::post_quit:
      return post_quit(body);
    case Call::get_message:
      return get_message(body);
    case Call::send:
      return send(body);
    case Call::receive:
      return receive(body);
    case Call::hello:
    case Call::unsupported:
    case Call::crash:
      break;
  }
  throw Malformed{};
}

// The running thread `from` blocked (or ended): the oldest ready thread runs next; with none
// ready, the program waits.
Outcome Session::schedule(std::uint32_t from) {
  hand_over_routines();
  post_async_selects();
  wake_ready();
  if (ready_.empty()) {
    Outcome outcome;
    outcome.waiting = true;
    return outcome;
  }
  const std::uint32_t next = ready_.front();
  ready_.pop_front();
  ThreadState& thread = *threads_.at(next);
  Answer answer = std::move(*thread.answer);
  thread.answer.reset();
  thread.state = ThreadState::State::running;
  Outcome outcome;
  if (next != from) outcome.frames.push_back(switch_frame(from, next));
  outcome.frames.push_back(frame_for(next, std::move(answer)));
  running_ = next;
  return outcome;
}

std::optional<engine::TimeUs> Session::next_deadline() const {
  std::optional<engine::TimeUs> deadline;
  for (const auto& [id, thread] : threads_) {
    if (thread->state != ThreadState::State::blocked) continue;
    const auto* wait = std::get_if<WaitFor>(&thread->blocked->on);
    if (wait && wait->deadline_us && (!deadline || *wait->deadline_us < *deadline)) {
      deadline = wait->deadline_us;
    }
  }
  return deadline;
}

std::vector<std::byte> Session::frame_for(std::uint32_t thread, Answer answer) {
  win32::Writer writer(static_cast<std::uint32_t>(answer.kind), thread);
  win32::ReplyHead head;
  head.now_us = queue_.now_us();
  head.error = answer.error;
  head.finished = collect_finished();
  head.routines = std::move(answer.routines);
  put(writer, head);
  writer.append(answer.fields.bytes());
  return writer.frame();
}

std::vector<std::byte> Session::switch_frame(std::uint32_t from, std::uint32_t to) {
  win32::Writer writer(static_cast<std::uint32_t>(win32::Reply::switch_to), from);
  win32::ReplyHead head;
  head.now_us = queue_.now_us();
  head.finished = collect_finished();
  put(writer, head);
  writer.u32(to);
  return writer.frame();
}

std::optional<runner::CallResult> Session::last_call(const std::string& socket) const {
  const auto it = last_calls_.find(socket.empty() ? last_socket_ : socket);
  if (it == last_calls_.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> Session::describe_threads() const {
  std::vector<std::string> lines;
  for (const auto& [id, thread] : threads_) {
    if (thread->state == ThreadState::State::exited) continue;
    lines.push_back("thread " + std::to_string(id) + (id == 1 ? " (main)" : "") + " " +
                    describe(*thread));
  }
  return lines;
}

}  // namespace qosbed::program
