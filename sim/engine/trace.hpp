// The trace: one record per observation of a run (a call and its result, a completion the
// application learnt of, a wait's result, an FD_QOS indication and what became of it, a request
// the provider finished, a monitor update). Records go to a TraceSink as they happen, so a run
// cut short still has everything up to that point.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/event_queue.hpp"
#include "gqos/codec.hpp"
#include "gqos/layout.hpp"

namespace qosbed::engine {

enum class TraceKind {
  call,            // a Provider call returned
  completion,      // the application learnt a request's result (routine ran, or result read)
  finished,        // the provider finished a request; the application has not seen it yet
  wait,            // a wait returned
  fd_qos,          // an indication reached the provider (detail: what became of it)
  network_events,  // WSAEnumNetworkEvents returned
  update,          // the monitor reported an update
  monitor_error,   // the monitor reported an error
  stalled,         // an infinite wait that nothing could end
  rsvp,            // an RSVP message on a link of a network scenario (see RsvpMessageRecord)
};

std::string_view name_of(TraceKind kind);

// The SDK name of what a wait returned, if it has one. SleepEx returns 0 when its time runs out,
// which the WSA_WAIT_* names would misread as WSA_WAIT_EVENT_0, so that 0 has no name.
std::optional<std::string_view> wait_result_name(std::string_view call, std::uint32_t result);

// What a wait returned, as the call that returned it means it: its SDK name, "0 (timed out)" for
// SleepEx, "WSA_WAIT_EVENT_0 + 2" for the third event of WSAWaitForMultipleEvents, else digits.
std::string wait_result_text(std::string_view call, std::uint32_t result);

// One RSVP message as one link end saw it. Node and link names are the scenario's; sessions and
// senders are written "a.b.c.d:port" (a session adds "/protocol").
struct RsvpMessageRecord {
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
};

// A ProviderSpecific object of a QOS the application passed, decoded for the kinds an application
// passes; any other kind keeps its body as written.
struct PassedObject {
  std::uint32_t type = 0;
  std::uint32_t length = 0;                          // ObjectLength, header included
  std::optional<gqos::ReserveRequest> reserve_info;  // RSVP_RESERVE_INFO
  std::optional<std::uint32_t> shape_discard_mode;   // QOS_SD_MODE
  std::optional<std::uint32_t> shaping_rate;         // QOS_SHAPING_RATE
  std::vector<std::byte> body;                       // another kind
};

// The QOS an application passed to connect (WSAConnect's lpSQOS) or SIO_SET_QOS, as decoded.
struct PassedQos {
  std::optional<gqos::FlowSpec> sending;  // absent when the bytes are fewer than a QOS
  std::optional<gqos::FlowSpec> receiving;
  std::vector<PassedObject> objects;  // ProviderSpecific, up to where decoding stopped
  std::string decode_error;           // "object length 0 would never advance at offset 80"
};

struct TraceRecord {
  TimeUs t_us = 0;
  std::string socket;  // the scenario's socket id; empty for the application thread (waits)
  TraceKind kind = TraceKind::call;
  // call: "get_qos", "bind", ...; completion: the request's call ("get_qos", "set_qos");
  // wait: "sleep_ex" / "wait_for_events"
  std::string call;
  std::string detail;  // call: mode and notification; fd_qos: delivery; errors: text
  std::string source;  // completion: "routine" or "get_overlapped_result"
  std::optional<std::int64_t> result;
  std::optional<std::uint32_t> error;
  std::optional<std::uint32_t> bytes;
  std::optional<std::uint32_t> buffer_size;
  std::optional<std::uint32_t> required;
  std::optional<std::uint32_t> status;
  std::optional<std::uint32_t> extended_status1;
  std::optional<std::uint32_t> extended_status2;
  std::optional<std::string> direction;  // update: "sending" / "receiving"
  std::optional<gqos::FlowSpec> sending;
  std::optional<gqos::FlowSpec> receiving;
  std::optional<std::uint32_t> network_events;
  std::optional<bool> alertable;
  std::optional<std::uint32_t> timeout_ms;
  // completion: the caller's buffer up to `bytes`, with ProviderSpecific.buf rewritten as an
  // offset from the buffer's start so that traces do not depend on where memory happened to be.
  std::optional<std::vector<std::byte>> buffer;
  std::optional<RsvpMessageRecord> rsvp;  // kind rsvp
  std::optional<PassedQos> qos;           // call connect or set_qos: the QOS passed, if any
};

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
