// Recording a session as a scenario: a TraceSink that turns the trace of what an application did
// and saw into the scenario that replays it, written by the scenario writer. The calls become
// `app:` steps, each indication the application observed an `sp: fd_qos` step at the time it was
// observed, and what the application saw `expect:` steps (docs/recording.md). It reads the trace
// records alone, so any provider under the TracingProvider records alike: the emulator, real
// Winsock on Windows 2000, or the emulator serving a user's program.
//
// What a trace cannot tell, its caller says: the sockets the application opened (opening is not
// traced), that a socket is watched by qosbed's Monitor (whose queries are not steps: the replayed
// Monitor makes them), a failure a script injected into the next call, and the provider's options.
//
// This folder (sim/record) may include engine, scenario, gqos and provider, nothing above them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/clock.hpp"
#include "engine/trace.hpp"
#include "provider/provider.hpp"
#include "scenario/scenario.hpp"

namespace qosbed::record {

class SessionRecorder final : public engine::TraceSink {
 public:
  // `clock` is the session's: what the steps the caller tells of (monitor_started,
  // failure_injected) are timed with, as the trace's records are.
  explicit SessionRecorder(const engine::Clock& clock) : clock_(clock) {}

  void record(const engine::TraceRecord& record) override;

  // A socket the application opened, under the id the trace names it by. A trace record of a
  // socket not added is not recorded. An id the scenario language does not take ("#2", a
  // program's own socket) is recorded as "s1", "s2", ... in the order added.
  void add_socket(const std::string& id, provider::Role role, provider::Protocol protocol);
  // The application starts qosbed's Monitor on `socket`: `app: monitor`, and the Monitor's
  // SIO_GET_QOS calls are not steps, though what they returned is.
  void monitor_started(const std::string& socket, std::uint32_t initial_buffer);
  // A script made the next such call on `socket` fail: `sp: fail`, since the call's failure alone
  // cannot tell it from one the provider chose by its rules.
  void failure_injected(const std::string& socket, provider::Call call, std::uint32_t error);
  // The session played on the emulator as `played` configures it: the recording states its
  // profile, pending policy, admission limit and decisions. A recording of real Winsock has none.
  void provider_of(const scenario::Scenario& played);

  // The recording as a scenario file named `name` (a slug).
  std::string scenario_yaml(const std::string& name);

  // How a query's result is expected: not at all (a Monitor's), as the call's, or as a completion.
  enum class Expect { nothing, call, completion };

 private:
  struct Entry {
    scenario::Step step;
    // An indication a completion routine read: when that routine ran as a wait began, the
    // indication had arrived before the wait, so its step goes before the wait's.
    bool read_by_routine = false;
    std::size_t id = 0;  // what refers to the step, wherever later steps put it
  };
  struct SocketState {
    std::size_t spec = 0;  // in recording_.sockets
    bool closed = false;
    bool monitored = false;
    // An indication the application learnt of only through WSAENOBUFS: the id of its
    // `sp: fd_qos` step, filled in when a later query on the socket reads it.
    std::optional<std::size_t> unread_indication;
    // The overlapped queries issued and not yet completed, in order, by how they notify; each
    // says whether it returned its data at once (D4), so its completion only repeats it.
    std::deque<bool> routine_queries;
    std::deque<bool> event_queries;
  };
  // A WSAGetOverlappedResult whose outcome the next record tells: the completion it read, or
  // nothing (its result is then expected as a call's).
  struct ResultRead {
    std::string socket;
    engine::TimeUs t_us = 0;
    std::int64_t result = 0;
    std::optional<std::uint32_t> error;
    std::size_t app_step = 0;  // its id
  };
  class Visitor;

  SocketState* socket_of(const std::string& id);
  const std::string& id_of(const SocketState& state) const;
  // Each returns the new step's id.
  std::size_t add(scenario::Step step, bool read_by_routine = false);
  std::size_t insert_before(std::size_t id, scenario::Step step);
  std::size_t index_of(std::size_t id) const;
  // `value`: what a SIO_CHK_QOS wrote.
  void expect_call(engine::TimeUs t_us, std::int64_t result, std::optional<std::uint32_t> error,
                   std::optional<std::uint32_t> value = std::nullopt);
  // A query's result the application could read: an `sp:` step for the indication behind it,
  // before step `before` when the result was there as that step began (else last, and, for a
  // completion routine's, placed by the wait it ran in), and what the application read as
  // `expect`. `buffer` holds the bytes returned, ProviderSpecific.buf as an offset.
  void observe(engine::TimeUs t_us, SocketState& socket, std::uint32_t error, std::uint32_t bytes,
               std::span<const std::byte> buffer, std::optional<std::uint32_t> required,
               std::optional<std::size_t> before, Expect expect, bool by_routine = false);
  void call(const engine::CallRecord& call);
  void get_qos(const engine::CallRecord& call, SocketState& socket);
  void completion(const engine::CompletionRecord& completion);
  void wait(const engine::WaitRecord& wait);
  void result_read(const engine::CompletionRecord* completion);

  const engine::Clock& clock_;
  scenario::Scenario recording_;
  bool provider_known_ = false;
  std::vector<Entry> steps_;
  std::size_t next_id_ = 0;
  // steps_ from here on came after the application's last call returned: from completion
  // routines run outside its calls, or inside the wait it is in.
  std::size_t since_last_call_ = 0;
  std::map<std::string, SocketState> sockets_;
  std::optional<ResultRead> result_read_;
};

}  // namespace qosbed::record
