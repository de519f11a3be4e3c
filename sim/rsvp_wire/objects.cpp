#include "rsvp_wire/objects.hpp"

namespace qosbed::rsvp_wire {

namespace {

// STYLE option vector (RFC 2205 appendix A): sharing control in bits 4-3 (01 distinct, 10 shared),
// sender selection in bits 2-0 (001 wildcard, 010 explicit).
constexpr std::uint32_t shared = 0b10 << 3;
constexpr std::uint32_t distinct = 0b01 << 3;
constexpr std::uint32_t wildcard = 0b001;
constexpr std::uint32_t explicit_senders = 0b010;

}  // namespace

std::uint32_t option_vector(Style style) {
  switch (style) {
    case Style::wf:
      return shared | wildcard;
    case Style::ff:
      return distinct | explicit_senders;
    case Style::se:
      return shared | explicit_senders;
  }
  return 0;
}

std::optional<Style> style_of(std::uint32_t option_vector) {
  for (const Style style : {Style::wf, Style::ff, Style::se}) {
    if (rsvp_wire::option_vector(style) == option_vector) return style;
  }
  return std::nullopt;
}

UnknownClassTreatment treatment(std::uint8_t class_num) {
  if ((class_num & 0x80) == 0) return UnknownClassTreatment::reject;
  return (class_num & 0x40) == 0 ? UnknownClassTreatment::ignore : UnknownClassTreatment::forward;
}

bool is_known_class(std::uint8_t class_num) {
  return class_num <= class_num::resv_confirm && class_num != 2;  // 2 is unassigned
}

}  // namespace qosbed::rsvp_wire
