// The session's waits, events, threads, windows and message queues: what a blocked thread waits
// for, and when it can be answered.
#include <algorithm>
#include <cstdio>

#include "gqos/constants.hpp"
#include "program/session_state.hpp"

namespace qosbed::program {

using win32::Reader;
namespace wsa = gqos::wsa;

namespace {

constexpr std::uint32_t error_invalid_handle = 6;
constexpr std::uint32_t error_invalid_parameter = 87;
constexpr std::uint32_t error_invalid_window_handle = 1400;
constexpr std::uint32_t error_invalid_thread_id = 1444;
constexpr std::uint32_t wsa_eintr = 10004;
constexpr std::uint32_t still_active = 259;
constexpr std::uint32_t wm_quit = 0x0012;

std::string timeout_text(std::uint32_t timeout_ms) {
  return timeout_ms == wsa::infinite ? "INFINITE" : std::to_string(timeout_ms) + " ms";
}

bool matches(const win32::WireMessage& message, std::uint64_t window, std::uint32_t min,
             std::uint32_t max) {
  if (window != 0 && message.window != window) return false;
  return (min == 0 && max == 0) || (message.message >= min && message.message <= max);
}

}  // namespace

Session::Served Session::block(Blocked blocked) {
  ThreadState& thread = *threads_.at(running_);
  thread.blocked = std::move(blocked);
  thread.state = ThreadState::State::blocked;
  if (std::optional<Answer> answer = try_wake(thread)) {
    thread.state = ThreadState::State::running;
    return answer;
  }
  return std::nullopt;
}

void Session::trace_wait(const ThreadState& thread, const win32::WireWait& wait,
                         std::uint32_t result) {
  const std::string call = wait.call == win32::WaitCall::sleep_ex ? "sleep_ex" : "wait_for_events";
  std::vector<std::string> events;
  for (const std::uint64_t handle : wait.handles) {
    const EventObject* event = handles_.find<EventObject>(handle);
    events.push_back(event ? traced_.event_socket(event->event) : std::string());
  }
  engine::WaitRecord record =
      engine::wait_record(queue_.now_us(), call, result, wait.timeout_ms, wait.alertable,
                          thread.wait_began_us, std::move(events));
  record.host = host_;  // a wait names no socket: with several programs, this says whose it is
  trace_.record(std::move(record));
}

Session::Served Session::wait(Reader& body) {
  win32::WireWait wait = win32::get_wait(body);
  expect_whole(body);
  ThreadState& waiting = *threads_.at(running_);
  waiting.wait_began_us = queue_.now_us();
  auto failed = [&](std::uint32_t error) {
    trace_wait(waiting, wait, wsa::wait_failed);
    Answer answer;
    answer.error = error;
    answer.fields.u32(wsa::wait_failed);
    return answer;
  };
  if (wait.call != win32::WaitCall::sleep_ex) {
    if (wait.handles.empty() || wait.handles.size() > wsa::maximum_wait_events) {
      return failed(error_invalid_parameter);
    }
    for (const std::uint64_t handle : wait.handles) {
      if (!handles_.find<EventObject>(handle) && !handles_.find<ThreadObject>(handle)) {
        return failed(error_invalid_handle);
      }
    }
  }
  WaitFor on{wait, std::nullopt};
  if (wait.timeout_ms != wsa::infinite) {
    on.deadline_us = queue_.now_us() + static_cast<engine::TimeUs>(wait.timeout_ms) * 1000;
  }
  // SleepEx(0, FALSE) gives the rest of the turn to the threads ready to run.
  const bool yields = wait.call == win32::WaitCall::sleep_ex && wait.timeout_ms == 0;
  if (wait.alertable) untraced_.sleep_ex(0, true);  // routines finished meanwhile are its to run
  Served served = block(Blocked{on});
  if (!served || !yields || ready_.empty() || !served->routines.empty()) return served;
  ThreadState& thread = *threads_.at(running_);
  thread.answer = std::move(served);
  thread.state = ThreadState::State::ready;
  ready_.push_back(thread.id);
  return std::nullopt;
}

Session::Served Session::routines_done(Reader& body) {
  const win32::WireWait wait = win32::get_wait(body);
  expect_whole(body);
  untraced_.sleep_ex(0, true);  // what the routines just made ready runs in the same wait
  ThreadState& thread = *threads_.at(running_);
  Answer answer;
  answer.fields.u32(wsa::wait_io_completion);
  if (!thread.routines.empty()) {
    answer.routines.assign(thread.routines.begin(), thread.routines.end());
    thread.routines.clear();
    return answer;
  }
  trace_wait(thread, wait, wsa::wait_io_completion);
  return answer;
}

bool Session::signalled(std::uint64_t handle) const {
  if (const EventObject* event = handles_.find<EventObject>(handle)) {
    const provider::Event events[] = {event->event};
    return untraced_.wait_for_events(events, false, 0, false) == wsa::wait_event_0;
  }
  if (const ThreadObject* thread = handles_.find<ThreadObject>(handle)) {
    return threads_.at(thread->thread)->state == ThreadState::State::exited;
  }
  return false;
}

std::optional<Session::Answer> Session::try_wake(ThreadState& thread) {
  Answer answer;
  if (auto* on = std::get_if<WaitFor>(&thread.blocked->on)) {
    const win32::WireWait& wait = on->wait;
    std::optional<std::uint32_t> result;
    const auto& handles = wait.handles;
    if (!handles.empty()) {
      const auto first = std::find_if(handles.begin(), handles.end(),
                                      [this](std::uint64_t h) { return signalled(h); });
      const bool all = std::all_of(handles.begin(), handles.end(),
                                   [this](std::uint64_t h) { return signalled(h); });
      if (wait.wait_all ? all : first != handles.end()) {
        // D15: set events answer before routines. A satisfied wait resets auto-reset events.
        for (auto it = wait.wait_all ? handles.begin() : first;
             it != (wait.wait_all ? handles.end() : first + 1); ++it) {
          if (const EventObject* event = handles_.find<EventObject>(*it);
              event && event->auto_reset) {
            untraced_.reset_event(event->event);
          }
        }
        result = wsa::wait_event_0 +
                 static_cast<std::uint32_t>(wait.wait_all ? 0 : first - handles.begin());
      }
    }
    if (!result && wait.alertable && !thread.routines.empty()) {
      // The wait's record waits for routines_done: the routines' own calls come before it.
      answer.routines.assign(thread.routines.begin(), thread.routines.end());
      thread.routines.clear();
      answer.fields.u32(wsa::wait_io_completion);
      thread.blocked.reset();
      return answer;
    }
    if (!result && on->deadline_us && queue_.now_us() >= *on->deadline_us) {
      // SleepEx says "the time ran out" with 0.
      result = wait.call == win32::WaitCall::sleep_ex ? 0 : wsa::wait_timeout;
    }
    if (!result) return std::nullopt;
    trace_wait(thread, wait, *result);
    answer.fields.u32(*result);
  } else if (auto* message = std::get_if<MessageFor>(&thread.blocked->on)) {
    const auto found = std::find_if(
        thread.messages.begin(), thread.messages.end(), [&](const win32::WireMessage& m) {
          return matches(m, message->window, message->min, message->max);
        });
    if (found != thread.messages.end()) {
      answer.fields.i32(1);
      put(answer.fields, *found);
      thread.messages.erase(found);
    } else if (thread.quit) {
      answer.fields.i32(0);
      put(answer.fields, win32::WireMessage{0, wm_quit, static_cast<std::uint64_t>(*thread.quit), 0,
                                            static_cast<std::uint32_t>(queue_.now_us() / 1000)});
      thread.quit.reset();
    } else {
      return std::nullopt;
    }
  } else if (auto* result = std::get_if<ResultOf>(&thread.blocked->on)) {
    Request& request = *by_program_id_.at(result->request);
    if (request.overlapped.internal == wsa::io_pending) return std::nullopt;
    ProgramSocket* socket = find_socket(result->socket);
    if (!socket) {
      // Another thread closed the socket, which aborted the request.
      answer.error = wsa::enotsock;
      answer.fields.u32(0).u32(request.overlapped.internal_high).u32(0);
      thread.blocked.reset();
      return answer;
    }
    std::uint32_t bytes = 0;
    std::uint32_t flags = 0;
    const bool done =
        traced_.get_overlapped_result(socket->provider, &request.overlapped, &bytes, true, &flags);
    if (!done) answer.error = traced_.last_error();
    remember(*socket, "get_overlapped_result", done ? 1 : 0, answer.error, bytes);
    answer.fields.u32(done ? 1 : 0).u32(bytes).u32(flags);
  } else {
    const auto& data = std::get<DataOn>(thread.blocked->on);
    if (find_socket(data.socket)) return std::nullopt;  // nothing arrives while it is open
    answer.error = wsa_eintr;
    answer.fields.i32(provider::socket_error);
    if (data.call == "accept") {
      put(answer.fields, win32::WireAddress{});
      answer.fields.blob({});
    } else {
      answer.fields.u32(0);
    }
  }
  thread.blocked.reset();
  return answer;
}

void Session::wake_ready() {
  for (auto& [id, thread] : threads_) {
    if (thread->state != ThreadState::State::blocked) continue;
    if (std::optional<Answer> answer = try_wake(*thread)) {
      thread->answer = std::move(answer);
      thread->state = ThreadState::State::ready;
      ready_.push_back(id);
    }
  }
}

bool Session::any_alertable_waiter() const {
  return std::any_of(threads_.begin(), threads_.end(), [](const auto& entry) {
    const ThreadState& thread = *entry.second;
    if (thread.state != ThreadState::State::blocked) return false;
    const auto* wait = std::get_if<WaitFor>(&thread.blocked->on);
    return wait && wait->wait.alertable;
  });
}

void Session::hand_over_routines() {
  if (any_alertable_waiter()) untraced_.sleep_ex(0, true);
}

Session::Served Session::create_event(Reader& body) {
  const bool manual = body.u32() != 0;
  const bool initial = body.u32() != 0;
  expect_whole(body);
  const provider::Event event = traced_.create_event();
  if (initial) traced_.set_event(event);
  Answer answer;
  answer.fields.u64(handles_.add(EventObject{event, !manual}));
  return answer;
}

Session::Served Session::event_call(win32::Call call, Reader& body) {
  const std::uint64_t handle = body.u64();
  expect_whole(body);
  Answer answer;
  bool ok = false;
  if (const EventObject* event = handles_.find<EventObject>(handle)) {
    if (call == win32::Call::set_event) ok = traced_.set_event(event->event);
    if (call == win32::Call::reset_event) ok = traced_.reset_event(event->event);
    if (call == win32::Call::close_handle) {
      ok = traced_.close_event(event->event);
      handles_.erase(handle);
    }
  } else if (call == win32::Call::close_handle && handles_.find<ThreadObject>(handle)) {
    ok = handles_.erase(handle);  // the thread runs on; only its handle goes
  }
  if (!ok) answer.error = error_invalid_handle;
  answer.fields.u32(ok ? 1 : 0);
  return answer;
}

Session::Served Session::create_thread(Reader& body) {
  expect_whole(body);
  auto thread = std::make_unique<ThreadState>();
  thread->id = next_thread_++;
  thread->handle = handles_.add(ThreadObject{thread->id});
  thread->state = ThreadState::State::ready;
  thread->answer = Answer{};
  thread->answer->kind = win32::Reply::start;
  ready_.push_back(thread->id);
  Answer answer;
  answer.fields.u64(thread->handle).u32(thread->id);
  threads_[thread->id] = std::move(thread);
  return answer;
}

Session::Served Session::exit_thread(Reader& body) {
  const std::uint32_t code = body.u32();
  expect_whole(body);
  ThreadState& thread = *threads_.at(running_);
  thread.state = ThreadState::State::exited;
  thread.exit_code = code;
  thread.routines.clear();
  thread.messages.clear();
  const bool others = std::any_of(threads_.begin(), threads_.end(), [](const auto& entry) {
    return entry.second->state != ThreadState::State::exited;
  });
  if (!others) return Answer{};  // the process ends with its last thread
  return std::nullopt;
}

Session::Served Session::exit_code(Reader& body) {
  const std::uint64_t handle = body.u64();
  expect_whole(body);
  Answer answer;
  const ThreadObject* object = handles_.find<ThreadObject>(handle);
  if (!object) {
    answer.error = error_invalid_handle;
    answer.fields.u32(0).u32(0);
    return answer;
  }
  const ThreadState& thread = *threads_.at(object->thread);
  const bool exited = thread.state == ThreadState::State::exited;
  answer.fields.u32(1).u32(exited ? thread.exit_code : still_active);
  return answer;
}

Session::Served Session::create_window(Reader& body) {
  expect_whole(body);
  Answer answer;
  answer.fields.u64(handles_.add(WindowObject{running_}));
  return answer;
}

Session::Served Session::destroy_window(Reader& body) {
  const std::uint64_t window = body.u64();
  expect_whole(body);
  Answer answer;
  const bool ok = handles_.find<WindowObject>(window) && handles_.erase(window);
  if (!ok) answer.error = error_invalid_window_handle;
  answer.fields.u32(ok ? 1 : 0);
  return answer;
}

Session::Served Session::post_message(Reader& body) {
  const std::uint64_t window = body.u64();
  const std::uint32_t thread_id = body.u32();
  win32::WireMessage message = win32::get_message(body);
  expect_whole(body);
  Answer answer;
  std::uint32_t to = thread_id;
  if (window != 0) {
    const WindowObject* object = handles_.find<WindowObject>(window);
    to = object ? object->owner : 0;
  }
  const auto thread = threads_.find(to);
  if (thread == threads_.end() || thread->second->state == ThreadState::State::exited) {
    answer.error = window != 0 ? error_invalid_window_handle : error_invalid_thread_id;
    answer.fields.u32(0);
    return answer;
  }
  message.window = window;
  message.time_ms = static_cast<std::uint32_t>(queue_.now_us() / 1000);
  thread->second->messages.push_back(message);
  answer.fields.u32(1);
  return answer;
}

Session::Served Session::post_quit(Reader& body) {
  const std::int32_t code = body.i32();
  expect_whole(body);
  threads_.at(running_)->quit = code;
  Answer answer;
  answer.fields.u32(1);
  return answer;
}

Session::Served Session::get_message(Reader& body) {
  const std::uint64_t window = body.u64();
  const std::uint32_t min = body.u32();
  const std::uint32_t max = body.u32();
  const bool remove = body.u32() != 0;
  const bool wait = body.u32() != 0;
  expect_whole(body);
  Answer answer;
  if (window != 0 && !handles_.find<WindowObject>(window)) {
    answer.error = error_invalid_window_handle;
    answer.fields.i32(-1);
    put(answer.fields, win32::WireMessage{});
    return answer;
  }
  post_async_selects();
  ThreadState& thread = *threads_.at(running_);
  if (wait) return block(Blocked{MessageFor{window, min, max}});
  const auto found =
      std::find_if(thread.messages.begin(), thread.messages.end(),
                   [&](const win32::WireMessage& m) { return matches(m, window, min, max); });
  if (found != thread.messages.end()) {
    answer.fields.i32(1);
    put(answer.fields, *found);
    if (remove) thread.messages.erase(found);
  } else if (thread.quit) {
    answer.fields.i32(1);
    put(answer.fields, win32::WireMessage{0, wm_quit, static_cast<std::uint64_t>(*thread.quit), 0,
                                          static_cast<std::uint32_t>(queue_.now_us() / 1000)});
    if (remove) thread.quit.reset();
  } else {
    answer.fields.i32(0);
    put(answer.fields, win32::WireMessage{});
  }
  return answer;
}

std::string Session::describe(const ThreadState& thread) const {
  using State = ThreadState::State;
  if (thread.state == State::ready) return "is ready to run";
  if (thread.state == State::running) return "runs";
  if (thread.state == State::exited) return "has exited";
  if (const auto* on = std::get_if<WaitFor>(&thread.blocked->on)) {
    const win32::WireWait& wait = on->wait;
    std::string text = "waits in ";
    text += wait.call == win32::WaitCall::sleep_ex          ? "SleepEx("
            : wait.call == win32::WaitCall::wait_for_events ? "WSAWaitForMultipleEvents("
                                                            : "WaitForMultipleObjects(";
    for (const std::uint64_t handle : wait.handles) {
      if (const ThreadObject* other = handles_.find<ThreadObject>(handle)) {
        text += "thread " + std::to_string(other->thread) + ", ";
      } else {
        char value[24];  // in hex, as Windows' tools show handles
        std::snprintf(value, sizeof value, "0x%llX", static_cast<unsigned long long>(handle));
        text += "event " + std::string(value) + " (not set), ";
      }
    }
    if (wait.handles.size() > 1) text += wait.wait_all ? "all, " : "any, ";
    text += timeout_text(wait.timeout_ms);
    if (wait.alertable) text += ", alertable";
    return text + ")";
  }
  if (std::holds_alternative<MessageFor>(thread.blocked->on)) {
    return "waits in GetMessage with no message queued";
  }
  if (const auto* result = std::get_if<ResultOf>(&thread.blocked->on)) {
    const auto it = sockets_.find(result->socket);
    return "waits in WSAGetOverlappedResult for a request on socket " +
           (it == sockets_.end() ? std::string("(closed)") : it->second->name) +
           " that is still pending";
  }
  const auto& data = std::get<DataOn>(thread.blocked->on);
  const auto it = sockets_.find(data.socket);
  return "waits in " + data.call + " on socket " +
         (it == sockets_.end() ? std::string("(closed)") : it->second->name) +
         ", where nothing arrives (no data is modelled)";
}

}  // namespace qosbed::program
