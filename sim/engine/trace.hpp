// The trace: one typed record per observation of a run (a call and its result, a completion the
// application learnt of, a wait's result, an FD_QOS indication and what became of it, a request
// the provider finished, a monitor update, an RSVP message). Each kind is a struct with exactly the
// fields that kind has; TraceRecord is their variant. Records go to a TraceSink as they happen, so
// a run cut short still has everything up to that point.
//
// Each output (report/json_trace, report/text_trace, the sequence diagram, the HTML table, the
// explanation, the recording) visits every kind with no default case: a new kind does not compile
// until each says what it makes of it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "engine/clock.hpp"
#include "gqos/codec.hpp"
#include "gqos/indication.hpp"
#include "gqos/layout.hpp"

namespace qosbed::engine {

// What every record has: when it happened and on which socket (the scenario's socket id; empty
// for what belongs to no socket: a wait, a stall, an RSVP message).
struct RecordHead {
  TimeUs t_us = 0;
  std::string socket;
};

// A ProviderSpecific object of a QOS the application passed, decoded for the kinds an application
// passes; any other kind keeps its body as written.
struct PassedObject {
  std::uint32_t type = 0;
  std::uint32_t length = 0;                          // ObjectLength, header included
  std::optional<gqos::ReserveRequest> reserve_info;  // RSVP_RESERVE_INFO
  std::optional<std::uint32_t> shape_discard_mode;   // QOS_SD_MODE
  std::optional<std::uint32_t> shaping_rate;         // QOS_SHAPING_RATE
  std::optional<std::string> destination;            // QOS_DESTADDR: "10.0.0.2:5000"
  std::vector<std::byte> body;                       // another kind
};

// The QOS an application passed to connect (WSAConnect's lpSQOS) or SIO_SET_QOS, as decoded.
struct PassedQos {
  std::optional<gqos::FlowSpec> sending;  // absent when the bytes are fewer than a QOS
  std::optional<gqos::FlowSpec> receiving;
  std::vector<PassedObject> objects;  // ProviderSpecific, up to where decoding stopped
  std::string decode_error;           // "object length 0 would never advance at offset 80"
};

// What a query's buffer held, as the application reads it.
struct ReadQos {
  std::optional<gqos::FlowSpec> sending;  // absent when the bytes are fewer than a QOS
  std::optional<gqos::FlowSpec> receiving;
  std::optional<gqos::StatusInfo> status_info;  // the first RSVP_STATUS_INFO, if any
  std::optional<gqos::Adspec> adspec;           // the first RSVP_ADSPEC, if any
};

// A Provider call returned. For SIO_GET_QOS and SIO_SET_QOS `call` is "get_qos" / "set_qos",
// for another ioctl its SDK name.
struct CallRecord : RecordHead {
  static constexpr std::string_view kind = "call";
  std::string call;
  std::string detail;  // bind, connect: the address; an ioctl: its mode and notification
  std::int64_t result = 0;
  std::optional<std::uint32_t> error;        // set when the call reported failure
  std::optional<std::uint32_t> buffer_size;  // an ioctl's output buffer
  std::optional<std::uint32_t> bytes;        // an ioctl's bytes returned
  std::optional<std::uint32_t> required;     // WSAENOBUFS: the size the provider asked for
  ReadQos read;                              // a synchronous query's data
  std::optional<PassedQos> qos;              // connect, set_qos: the QOS passed, if any
  std::optional<std::uint32_t> selector;     // SIO_CHK_QOS: the selector passed
  std::optional<std::uint32_t> value;        // SIO_CHK_QOS: the DWORD it wrote, when it succeeded

  // Beyond what the written traces show (their fields are fixed: docs/scenario-language.md),
  // what a recording of the session needs to write the call as a step:
  TimeUs began_us = 0;                           // when the call began (t_us: when it returned)
  std::optional<std::uint32_t> asked_events;     // event_select: the FD_* events asked for
  std::optional<bool> wait;                      // get_overlapped_result: fWait
  std::optional<std::vector<std::byte>> buffer;  // a query that returned its data at once
};

// The application learnt a request's result: its completion routine ran, or it read the result.
enum class CompletionSource { routine, get_overlapped_result };
std::string_view name_of(CompletionSource source);

struct CompletionRecord : RecordHead {
  static constexpr std::string_view kind = "completion";
  std::string call;  // the request's: "get_qos", "set_qos"
  CompletionSource source = CompletionSource::routine;
  std::uint32_t error = 0;
  std::uint32_t bytes = 0;
  std::uint32_t buffer_size = 0;
  std::optional<std::uint32_t> required;
  ReadQos read;
  std::string decode_error;  // where a broken object list stops decoding, if it does
  // The caller's buffer up to `bytes`, with ProviderSpecific.buf rewritten as an offset from the
  // buffer's start so that traces do not depend on where memory happened to be.
  std::vector<std::byte> buffer;
};

// The provider finished a request; the application has not seen it yet.
struct FinishedRecord : RecordHead {
  static constexpr std::string_view kind = "finished";
  std::string call;  // the request's; empty for one the trace did not see issued
  std::uint32_t error = 0;
  std::uint32_t bytes = 0;
};

// A wait returned: SleepEx ("sleep_ex") or WSAWaitForMultipleEvents ("wait_for_events").
struct WaitRecord : RecordHead {
  static constexpr std::string_view kind = "wait";
  std::string call;
  std::uint32_t result = 0;
  bool alertable = false;
  std::uint32_t timeout_ms = 0;
  // Beyond what the written traces show, for a recording: when the wait began (t_us: when it
  // returned), and whose events it waited on (a socket's id, empty for the application's own).
  TimeUs began_us = 0;
  std::vector<std::string> events;
  std::string host;  // the host whose program waited, when one program runs per host
};

// An indication reached the provider; `delivery` says what became of it ("completed", "queued",
// "enobufs", "coalesced", "dropped", "suppressed", "unconfirmed").
struct FdQosRecord : RecordHead {
  static constexpr std::string_view kind = "fd_qos";
  std::string delivery;
  std::uint32_t status = 0;
  std::optional<gqos::FlowSpec> sending;
  std::optional<gqos::FlowSpec> receiving;
};

// WSAEnumNetworkEvents returned 0 (a failure is a CallRecord).
struct NetworkEventsRecord : RecordHead {
  static constexpr std::string_view kind = "network_events";
  static constexpr std::string_view call = "enum_network_events";
  std::uint32_t network_events = 0;
  std::optional<std::uint32_t> status;  // iErrorCode[FD_QOS_BIT], when FD_QOS is reported
};

// The monitor (sim/client) reported an update of one direction.
struct UpdateRecord : RecordHead {
  static constexpr std::string_view kind = "update";
  gqos::Direction direction = gqos::Direction::receiving;
  std::uint32_t status = 0;
  std::uint32_t extended_status1 = 0;
  std::uint32_t extended_status2 = 0;
  gqos::FlowSpec flowspec{};
};

// The monitor reported an error and stopped.
struct MonitorErrorRecord : RecordHead {
  static constexpr std::string_view kind = "monitor_error";
  std::uint32_t error = 0;
  std::string what;  // "WSAENOBUFS asks for 1001 bytes, over the limit of 1000"
};

// An infinite wait that nothing could end.
struct StalledRecord : RecordHead {
  static constexpr std::string_view kind = "stalled";
  static constexpr std::string_view why = "an infinite wait that nothing scheduled could end";
};

// One RSVP message as one link end saw it, in a network scenario. Node and link names are the
// scenario's; sessions and senders are written "a.b.c.d:port" (a session adds "/protocol").
struct RsvpRecord : RecordHead {
  static constexpr std::string_view kind = "rsvp";
  std::string message;  // "Path", "Resv", "PathTear", "ResvTear", "PathErr", "ResvErr", "ResvConf"
  std::string action;   // "sent", "received", "lost" (on a lossy link), "dropped" (link down)
  std::string from;     // the node that sent it on the link
  std::string to;       // the node at the link's other end
  std::string link;     // the link's name
  std::string session;
  std::vector<std::string> senders;        // Path/PathTear/PathErr: the sender; Resv FF/SE: filters
  std::string style;                       // Resv: "WF", "FF" or "SE"
  std::string error;                       // PathErr/ResvErr: "admission_failure", "no_path", ...
  std::optional<gqos::FlowSpec> flowspec;  // Path: Tspec; Resv/ResvConf: merged; ResvErr: failed
  std::vector<std::string> users;          // Path/Resv: the users its POLICY_DATA names (AUTH_USER)
  // `sent`, when the run was asked (RunOptions::rsvp_objects): each object of the message on the
  // wire as Wireshark sums it up ("SESSION: IPv4, Destination 10.0.0.2, Protocol 17, Port 5000.
  // "). No trace format writes it; `qosbed report` shows it.
  std::vector<std::string> objects;
};

using TraceRecord =
    std::variant<CallRecord, CompletionRecord, FinishedRecord, WaitRecord, FdQosRecord,
                 NetworkEventsRecord, UpdateRecord, MonitorErrorRecord, StalledRecord, RsvpRecord>;

// A record of kind `Record` at `head`'s time and socket, its own fields still to fill.
template <typename Record>
Record record_at(RecordHead head) {
  Record record;
  static_cast<RecordHead&>(record) = std::move(head);
  return record;
}

// What every record has.
inline const RecordHead& head_of(const TraceRecord& record) {
  return std::visit([](const RecordHead& head) -> const RecordHead& { return head; }, record);
}
// The kind's name as the traces write it: "call", "completion", ...
inline std::string_view kind_of(const TraceRecord& record) {
  return std::visit([](const auto& typed) { return typed.kind; }, record);
}

// The SDK name of what a wait returned, if it has one. SleepEx returns 0 when its time runs out,
// which the WSA_WAIT_* names would misread as WSA_WAIT_EVENT_0, so that 0 has no name.
std::optional<std::string_view> wait_result_name(std::string_view call, std::uint32_t result);

// What a wait returned, as the call that returned it means it: its SDK name, "0 (timed out)" for
// SleepEx, "WSA_WAIT_EVENT_0 + 2" for the third event of WSAWaitForMultipleEvents, else digits.
std::string wait_result_text(std::string_view call, std::uint32_t result);

class TraceSink {
 public:
  virtual ~TraceSink() = default;
  virtual void record(const TraceRecord& record) = 0;
};

// Keeps every record, for expectations to look at after (or during) a run.
class TraceLog final : public TraceSink {
 public:
  void record(const TraceRecord& record) override { records_.push_back(record); }
  const std::vector<TraceRecord>& records() const { return records_; }

 private:
  std::vector<TraceRecord> records_;
};

// Hands each record to several sinks in order.
class TraceTee final : public TraceSink {
 public:
  void add(TraceSink& sink) { sinks_.push_back(&sink); }
  void record(const TraceRecord& record) override {
    for (TraceSink* sink : sinks_) sink->record(record);
  }

 private:
  std::vector<TraceSink*> sinks_;
};

}  // namespace qosbed::engine
