// The decoder's second half: the objects of one message, read one by one (decode.cpp), put
// together by its grammar (RFC 2205 sections 3.1.3-3.1.9): which classes it may and must have,
// how often, and how FLOWSPECs and FILTER_SPECs form flow descriptors under each style.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "rsvp_wire/decode.hpp"

namespace qosbed::rsvp_wire::grammar {

// A FLOWSPEC or a FILTER_SPEC of the flow descriptor list, in message order.
struct DescriptorObject {
  std::size_t offset = 0;
  std::optional<FlowSpec> flowspec;  // else a FILTER_SPEC
  FilterSpec filter;
};

// Every object of one message as read, with the offsets errors point to.
struct Objects {
  std::optional<Session> session;
  std::optional<Hop> hop;
  std::optional<TimeValues> time_values;
  std::optional<ErrorSpec> error;
  std::optional<Scope> scope;
  std::optional<ResvConfirm> confirm;
  std::optional<Style> style;
  std::vector<PolicyData> policy;
  std::optional<FilterSpec> sender_template;
  std::optional<Tspec> tspec;
  std::optional<Adspec> adspec;
  std::vector<DescriptorObject> descriptors;
  std::vector<OpaqueObject> opaque;
};

// Whether `type`'s grammar has the class at all.
bool allows(MessageType type, std::uint8_t class_num);
// Whether the grammar allows more than one object of the class (POLICY_DATA, and the flow
// descriptor list's FLOWSPEC and FILTER_SPEC).
bool repeats(std::uint8_t class_num);

// Builds the message of `type` from its objects into `result`; on a missing object or a broken
// flow descriptor list, sets result's error instead. `end` is the message's length, where a
// missing object is reported.
void assemble(MessageType type, Objects objects, std::size_t end, DecodeResult& result);

}  // namespace qosbed::rsvp_wire::grammar
