// The trace as lines a person reads (`qosbed run --verbose`): the virtual time, the socket, what
// happened, and the values under their SDK names.
#pragma once

#include <ostream>
#include <string>

#include "engine/trace.hpp"

namespace qosbed::report {

// e.g. "   10.000 ms  rx  completion (routine)  error=WSAENOBUFS bytes=4 required=100"
std::string to_text(const engine::TraceRecord& record);

// The QOS an application passed: "{sending: {...}, receiving: {...}, objects:
// [RSVP_OBJECT_RESERVE_INFO {length: 40, style: RSVP_FIXED_FILTER_STYLE, confirm_request: 1}]}".
std::string to_text(const engine::PassedQos& qos);

class TextTraceWriter final : public engine::TraceSink {
 public:
  explicit TextTraceWriter(std::ostream& out) : out_(out) {}
  void record(const engine::TraceRecord& record) override { out_ << to_text(record) << '\n'; }

 private:
  std::ostream& out_;
};

}  // namespace qosbed::report
