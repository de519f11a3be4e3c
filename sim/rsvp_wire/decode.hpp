// The RSVP decoder: one RSVP message's bytes (RFC 2205 section 3.1) back into a Message. It
// trusts nothing it reads: every length is checked against what is left before it is used, it
// never reads outside the bytes it is given, and a problem is a value saying what it is and at
// which byte, never an exception or a crash.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "rsvp_wire/message.hpp"

namespace qosbed::rsvp_wire {

enum class DecodeError : std::uint8_t {
  none,
  header_truncated,         // fewer than the 8 bytes of the common header
  bad_version,              // Vers is not 1
  unknown_message_type,     // Msg Type is not 1-7
  length_mismatch,          // RSVP Length is not the number of bytes given
  bad_checksum,             // a non-zero checksum that does not verify
  object_header_truncated,  // fewer than 4 bytes left for an object header
  bad_object_length,        // object Length under 4, not a multiple of 4, or past the message
  unknown_c_type,           // a class this library reads, with a C-Type it does not know
  bad_object_body,          // the contents do not fit the class and C-Type
  unknown_style,            // a STYLE option vector that is not WF, FF or SE
  object_not_allowed,       // a class the message's grammar does not have
  duplicate_object,         // a class the grammar allows once, twice
  missing_object,           // a class the grammar requires is absent
  misplaced_object,         // a flow descriptor object before STYLE, or another object after it
  bad_flow_descriptors,     // the flow descriptor list breaks its style's rules
};

// A short lowercase description, e.g. "object length under 4, not a multiple of 4 or past the
// message".
std::string_view describe(DecodeError error);
// "SESSION", "FLOWSPEC", ... (RFC 2205 appendix A); "class N" for one it does not know.
std::string class_name(std::uint8_t class_num);

struct DecodeResult {
  DecodeError error = DecodeError::none;
  std::size_t offset = 0;              // the byte of the message where the problem is
  std::optional<std::uint8_t> object;  // the Class-Num concerned, for object errors
  Message message;                     // meaningful only when ok()

  bool ok() const { return error == DecodeError::none; }
};

// "byte 24: SESSION: object contents do not fit its class and C-Type", or "ok".
std::string to_string(const DecodeResult& result);

// Decodes exactly one message: RSVP Length must be bytes.size(). The checksum is verified unless
// it is 0, which RFC 2205 section 3.1.1 says means none was sent. Objects may come in any order
// the grammar permits (section 3.1); a class this library does not interpret, INTEGRITY and NULL
// included, is kept as an OpaqueObject (section 3.10 says what a node does with an unknown one:
// see treatment()).
DecodeResult decode(std::span<const std::byte> bytes);

}  // namespace qosbed::rsvp_wire
