// Name <-> value tables for every GQoS constant group: scenario files name values the way the SDK
// does (or by a short form), and traces print them back under their SDK names.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace qosbed::gqos {

enum class NameGroup {
  service_type,
  object_type,
  status,
  error,  // Winsock error codes, 0 included
  wait_result,
  rsvp_style,
  extended_status,        // RSVP_STATUS_INFO.ExtendedStatus1, and any GQOS_* value
  extended_status_value,  // ExtendedStatus2: the same names, 56200 GQOS_POLICY_ERROR_UNKNOWN
  sd_mode,
  ioctl,
  chk_qos_selector,  // SIO_CHK_QOS's input (qossp.h)
};

struct NamedValue {
  std::string_view name;  // the SDK spelling, e.g. "SERVICETYPE_GUARANTEED"
  std::uint32_t value;
};

// Every entry of a group; where one value has several names, the first is the one printed.
std::span<const NamedValue> names_of(NameGroup group);

// The SDK name of a value, or nullopt when the group has none. The error group also names the
// WSA_QOS_* codes, which Winsock reports as errors as well as statuses.
std::optional<std::string_view> name_of(NameGroup group, std::uint32_t value);

// The SDK name of a value, or its decimal digits when the group has none.
std::string name_or_number(NameGroup group, std::uint32_t value);

// A ServiceType with its flags: "SERVICETYPE_GUARANTEED|SERVICE_NO_QOS_SIGNALING"; unknown
// values print as numbers.
std::string service_type_text(std::uint32_t value);

// Reads a value written by a person: the SDK name, the name without the group's prefix
// ("guaranteed" for SERVICETYPE_GUARANTEED, "senders" for WSA_QOS_SENDERS), in any letter case
// and with or without underscores, or a decimal or 0x-hex number that fits 32 bits.
std::optional<std::uint32_t> value_of(NameGroup group, std::string_view text);

// The group's name as it appears in messages ("service type", "status", ...).
std::string_view group_title(NameGroup group);

}  // namespace qosbed::gqos
