#include "rsvp_wire/decode.hpp"

#include <utility>

#include "rsvp_wire/bytes.hpp"
#include "rsvp_wire/grammar.hpp"
#include "rsvp_wire/intserv.hpp"

namespace qosbed::rsvp_wire {

namespace {

constexpr std::size_t header_size = 8;

// Reads the objects of one message in order, each into `objects`, stopping at the first problem.
class ObjectReader {
 public:
  ObjectReader(std::span<const std::byte> message, MessageType type, DecodeResult& result)
      : message_(message), type_(type), result_(result) {}

  bool read_all(grammar::Objects& objects) {
    std::size_t at = header_size;
    while (at < message_.size()) {
      // RFC 2205 section 3.1.2: Length (16 bits, a multiple of 4, at least 4), Class-Num, C-Type.
      if (message_.size() - at < 4) return fail(DecodeError::object_header_truncated, at);
      Reader header(message_.subspan(at, 4));
      const std::size_t length = header.u16();
      const std::uint8_t number = header.u8();
      const std::uint8_t c_type = header.u8();
      if (length < 4 || length % 4 != 0 || length > message_.size() - at) {
        return fail(DecodeError::bad_object_length, at, number);
      }
      if (!read(at, number, c_type, message_.subspan(at + 4, length - 4), objects)) return false;
      at += length;
    }
    return true;
  }

 private:
  bool read(std::size_t at, std::uint8_t number, std::uint8_t c_type,
            std::span<const std::byte> body, grammar::Objects& objects) {
    if (!interprets(number)) {
      if (objects.style) return fail(DecodeError::misplaced_object, at, number);
      objects.opaque.push_back(OpaqueObject{number, c_type, {body.begin(), body.end()}});
      return true;
    }
    if (!grammar::allows(type_, number)) return fail(DecodeError::object_not_allowed, at, number);
    // Every class this library reads is IPv4 C-Type 1 but the Integrated Services ones, 2.
    const bool intserv = number == class_num::flowspec || number == class_num::sender_tspec ||
                         number == class_num::adspec;
    if (c_type != (intserv ? 2 : 1)) return fail(DecodeError::unknown_c_type, at + 3, number);
    // Section 3.1.4: STYLE and the flow descriptor list end the message.
    const bool descriptor = number == class_num::flowspec || number == class_num::filter_spec;
    if (descriptor != objects.style.has_value() || (number == class_num::style && objects.style)) {
      return fail(objects.style && number == class_num::style ? DecodeError::duplicate_object
                                                              : DecodeError::misplaced_object,
                  at, number);
    }
    body_at_ = at + 4;
    number_ = number;
    Reader in(body);
    switch (number) {
      case class_num::session:
        return size(body, 8) &&
               once(objects.session, Session{in.u32(), in.u8(), in.u8(), in.u16()});
      case class_num::rsvp_hop:
        return size(body, 8) && once(objects.hop, Hop{in.u32(), in.u32()});
      case class_num::time_values:
        return size(body, 4) && once(objects.time_values, TimeValues{in.u32()});
      case class_num::error_spec:
        return size(body, 8) &&
               once(objects.error, ErrorSpec{in.u32(), in.u8(), in.u8(), in.u16()});
      case class_num::scope:
        return scope(body, objects);
      case class_num::style:
        return style(in, body, objects);
      case class_num::resv_confirm:
        return size(body, 4) && once(objects.confirm, ResvConfirm{in.u32()});
      case class_num::sender_template:
        return size(body, 8) && once(objects.sender_template, filter(in));
      case class_num::filter_spec:
        if (!size(body, 8)) return false;
        objects.descriptors.push_back(grammar::DescriptorObject{at, std::nullopt, filter(in)});
        return true;
      case class_num::policy_data:
        return policy(in, body, objects);
      default:
        return intserv_object(at, body, objects);
    }
  }

  // The classes that have a value type; INTEGRITY and NULL stay opaque.
  static bool interprets(std::uint8_t number) {
    return is_known_class(number) && number != class_num::null && number != class_num::integrity;
  }

  bool intserv_object(std::size_t at, std::span<const std::byte> body, grammar::Objects& objects) {
    std::size_t error_at = 0;
    if (number_ == class_num::flowspec) {
      auto flowspec = intserv::read_flowspec(body, error_at);
      if (!flowspec) return fail(DecodeError::bad_object_body, body_at_ + error_at, number_);
      objects.descriptors.push_back(grammar::DescriptorObject{at, std::move(flowspec), {}});
      return true;
    }
    if (number_ == class_num::sender_tspec) {
      auto tspec = intserv::read_tspec(body, error_at);
      if (!tspec) return fail(DecodeError::bad_object_body, body_at_ + error_at, number_);
      return once(objects.tspec, *tspec);
    }
    auto adspec = intserv::read_adspec(body, error_at);
    if (!adspec) return fail(DecodeError::bad_object_body, body_at_ + error_at, number_);
    return once(objects.adspec, std::move(*adspec));
  }

  static FilterSpec filter(Reader& in) {
    const Ipv4 address = in.u32();
    in.u16();  // must be zero
    return FilterSpec{address, in.u16()};
  }

  bool scope(std::span<const std::byte> body, grammar::Objects& objects) {
    Reader in(body);
    Scope scope;
    while (in.remaining() >= 4) scope.senders.push_back(in.u32());
    return once(objects.scope, std::move(scope));
  }

  bool style(Reader& in, std::span<const std::byte> body, grammar::Objects& objects) {
    if (!size(body, 4)) return false;
    in.u8();  // flags
    const std::uint32_t high = in.u8();
    const auto style = style_of((high << 16) | in.u16());
    if (!style) return fail(DecodeError::unknown_style, body_at_ + 1, number_);
    objects.style = style;
    return true;
  }

  // RFC 2750 sections 3.1-3.2: Data Offset (from the object header), options, then elements of
  // Length (a multiple of 4, at least 4), P-Type and data.
  bool policy(Reader& in, std::span<const std::byte> body, grammar::Objects& objects) {
    if (body.size() < 4) return fail(DecodeError::bad_object_body, body_at_, number_);
    const std::size_t data_offset = in.u16();
    in.u16();
    if (data_offset < 8 || data_offset - 4 > body.size() || data_offset % 4 != 0) {
      return fail(DecodeError::bad_object_body, body_at_, number_);
    }
    PolicyData data;
    const auto options = in.take(data_offset - 8);
    data.options.assign(options.begin(), options.end());
    while (in.remaining() > 0) {
      const std::size_t element_at = body_at_ + in.position();
      if (in.remaining() < 4) return fail(DecodeError::bad_object_body, element_at, number_);
      const std::size_t length = in.u16();
      const std::uint16_t p_type = in.u16();
      if (length < 4 || length % 4 != 0 || length - 4 > in.remaining()) {
        return fail(DecodeError::bad_object_body, element_at, number_);
      }
      const auto element = in.take(length - 4);
      data.elements.push_back(PolicyElement{p_type, {element.begin(), element.end()}});
    }
    objects.policy.push_back(std::move(data));
    return true;
  }

  bool size(std::span<const std::byte> body, std::size_t expected) {
    return body.size() == expected || fail(DecodeError::bad_object_body, body_at_ - 4, number_);
  }

  template <typename T>
  bool once(std::optional<T>& slot, T value) {
    if (slot) return fail(DecodeError::duplicate_object, body_at_ - 4, number_);
    slot = std::move(value);
    return true;
  }

  bool fail(DecodeError error, std::size_t at, std::optional<std::uint8_t> object = {}) {
    result_.error = error;
    result_.offset = at;
    result_.object = object;
    return false;
  }

  std::span<const std::byte> message_;
  MessageType type_;
  DecodeResult& result_;
  std::size_t body_at_ = 0;
  std::uint8_t number_ = 0;
};

DecodeResult failure(DecodeError error, std::size_t offset) {
  DecodeResult result;
  result.error = error;
  result.offset = offset;
  return result;
}

}  // namespace

std::string_view describe(DecodeError error) {
  switch (error) {
    case DecodeError::none:
      return "ok";
    case DecodeError::header_truncated:
      return "fewer than the 8 bytes of the common header";
    case DecodeError::bad_version:
      return "RSVP version is not 1";
    case DecodeError::unknown_message_type:
      return "message type is not 1-7";
    case DecodeError::length_mismatch:
      return "RSVP length is not the number of bytes given";
    case DecodeError::bad_checksum:
      return "checksum does not verify";
    case DecodeError::object_header_truncated:
      return "fewer than 4 bytes left for an object header";
    case DecodeError::bad_object_length:
      return "object length under 4, not a multiple of 4 or past the message";
    case DecodeError::unknown_c_type:
      return "unknown C-Type";
    case DecodeError::bad_object_body:
      return "object contents do not fit its class and C-Type";
    case DecodeError::unknown_style:
      return "style is none of WF, FF and SE";
    case DecodeError::object_not_allowed:
      return "object not allowed in this message type";
    case DecodeError::duplicate_object:
      return "object appears more than once";
    case DecodeError::missing_object:
      return "required object missing";
    case DecodeError::misplaced_object:
      return "STYLE and the flow descriptor list must end the message";
    case DecodeError::bad_flow_descriptors:
      return "flow descriptor list breaks the rules of its style";
  }
  return "?";
}

std::string class_name(std::uint8_t class_num) {
  static constexpr const char* names[] = {
      "NULL",         "SESSION", "class 2",     "RSVP_HOP",    "INTEGRITY",   "TIME_VALUES",
      "ERROR_SPEC",   "SCOPE",   "STYLE",       "FLOWSPEC",    "FILTER_SPEC", "SENDER_TEMPLATE",
      "SENDER_TSPEC", "ADSPEC",  "POLICY_DATA", "RESV_CONFIRM"};
  if (class_num < std::size(names)) return names[class_num];
  return "class " + std::to_string(class_num);
}

std::string to_string(const DecodeResult& result) {
  if (result.ok()) return "ok";
  std::string text = "byte " + std::to_string(result.offset) + ": ";
  if (result.object) text += class_name(*result.object) + ": ";
  return text + std::string(describe(result.error));
}

DecodeResult decode(std::span<const std::byte> bytes) {
  // RFC 2205 section 3.1.1.
  if (bytes.size() < header_size) return failure(DecodeError::header_truncated, bytes.size());
  Reader header(bytes.first(header_size));
  const std::uint8_t version_flags = header.u8();
  const std::uint8_t type = header.u8();
  const std::uint16_t checksum = header.u16();
  const std::uint8_t send_ttl = header.u8();
  header.u8();  // reserved
  const std::uint16_t length = header.u16();
  if ((version_flags >> 4) != 1) return failure(DecodeError::bad_version, 0);
  if (type < 1 || type > 7) return failure(DecodeError::unknown_message_type, 1);
  if (length != bytes.size()) return failure(DecodeError::length_mismatch, 6);
  if (checksum != 0 && internet_checksum(bytes) != 0) {
    return failure(DecodeError::bad_checksum, 2);
  }

  DecodeResult result;
  const auto message_type = static_cast<MessageType>(type);
  grammar::Objects objects;
  if (!ObjectReader(bytes, message_type, result).read_all(objects)) return result;
  result.message.flags = version_flags & 0x0F;
  result.message.send_ttl = send_ttl;
  grammar::assemble(message_type, std::move(objects), bytes.size(), result);
  return result;
}

}  // namespace qosbed::rsvp_wire
