// The identity policy element of RFC 3182 (which obsoletes RFC 2752 and corrects its P-Types):
// AUTH_DATA, a POLICY_DATA policy element (RFC 2750 section 3.2) whose P-Type says whose
// identity it carries (AUTH_USER 2, AUTH_APP 3) and whose data is a list of authentication
// attributes, each Length (octets, its 4-byte header included, padding not), A-Type, SubType and a
// value padded with zeros to a 4-byte boundary (section 3.3). The one attribute written here is
// the CREDENTIAL (A-Type 2) of sub-type ASCII_ID (1): the identity in plain ASCII. A real
// AUTH_DATA would carry a Kerberos ticket or a certificate and a DIGITAL_SIGNATURE as well; a
// simulation has no keys to sign with, and a policy that reads the identity needs only the
// CREDENTIAL.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "rsvp_wire/objects.hpp"

namespace qosbed::rsvp_wire {

// P-Types of the identity policy elements (RFC 3182 section 3.1).
namespace p_type {
inline constexpr std::uint16_t auth_user = 2;
inline constexpr std::uint16_t auth_app = 3;
}  // namespace p_type

// An AUTH_USER policy element naming `identity` in one CREDENTIAL ASCII_ID attribute.
PolicyElement auth_user(std::string_view identity);

// The identity of the first CREDENTIAL ASCII_ID attribute of an AUTH_USER element; none for
// another P-Type, no such attribute, or attributes whose lengths do not fit the element.
std::optional<std::string> auth_user_identity(const PolicyElement& element);

}  // namespace qosbed::rsvp_wire
