#include "rsvp_wire/identity.hpp"

#include "rsvp_wire/bytes.hpp"

namespace qosbed::rsvp_wire {

namespace {

constexpr std::size_t attribute_header_size = 4;
constexpr std::uint8_t credential = 2;  // A-Type
constexpr std::uint8_t ascii_id = 1;    // CREDENTIAL SubType

constexpr std::size_t padded(std::size_t length) {
  return (length + 3) / 4 * 4;
}

}  // namespace

PolicyElement auth_user(std::string_view identity) {
  PolicyElement element{p_type::auth_user, {}};
  Writer out(element.data);
  const std::size_t length = attribute_header_size + identity.size();
  out.u16(static_cast<std::uint16_t>(length));
  out.u8(credential);
  out.u8(ascii_id);
  for (const char c : identity) out.u8(static_cast<std::uint8_t>(c));
  for (std::size_t i = length; i < padded(length); ++i) out.u8(0);
  return element;
}

std::optional<std::string> auth_user_identity(const PolicyElement& element) {
  if (element.type != p_type::auth_user) return std::nullopt;
  Reader in(element.data);
  while (in.remaining() >= attribute_header_size) {
    const std::size_t length = in.u16();
    const std::uint8_t a_type = in.u8();
    const std::uint8_t sub_type = in.u8();
    if (length < attribute_header_size || padded(length) - attribute_header_size > in.remaining()) {
      return std::nullopt;
    }
    const auto value = in.take(padded(length) - attribute_header_size);
    if (a_type == credential && sub_type == ascii_id) {
      std::string identity;
      for (std::size_t i = 0; i < length - attribute_header_size; ++i) {
        identity.push_back(static_cast<char>(value[i]));
      }
      return identity;
    }
  }
  return std::nullopt;
}

}  // namespace qosbed::rsvp_wire
