#include "rsvp_wire/encode.hpp"

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

#include "rsvp_wire/bytes.hpp"
#include "rsvp_wire/intserv.hpp"

namespace qosbed::rsvp_wire {

namespace {

constexpr std::uint8_t rsvp_version = 1;
constexpr std::size_t max_length = std::numeric_limits<std::uint16_t>::max();

// Writes the objects of one message; each object's length is patched in when it is complete
// (RFC 2205 section 3.1.2: Length, Class-Num, C-Type, then the contents).
class ObjectWriter {
 public:
  explicit ObjectWriter(Writer& out) : out_(out) {}

  void session(const Session& session) {
    const auto at = begin(class_num::session, 1);
    out_.u32(session.destination);
    out_.u8(session.protocol);
    out_.u8(session.flags);
    out_.u16(session.port);
    end(at);
  }

  void hop(const Hop& hop) {
    const auto at = begin(class_num::rsvp_hop, 1);
    out_.u32(hop.address);
    out_.u32(hop.logical_interface);
    end(at);
  }

  void time_values(const TimeValues& values) {
    const auto at = begin(class_num::time_values, 1);
    out_.u32(values.refresh_ms);
    end(at);
  }

  void error_spec(const ErrorSpec& error) {
    const auto at = begin(class_num::error_spec, 1);
    out_.u32(error.node);
    out_.u8(error.flags);
    out_.u8(error.code);
    out_.u16(error.value);
    end(at);
  }

  void scope(const std::optional<Scope>& scope) {
    if (!scope) return;
    const auto at = begin(class_num::scope, 1);
    for (const Ipv4 sender : scope->senders) out_.u32(sender);
    end(at);
  }

  void confirm(const std::optional<ResvConfirm>& confirm) {
    if (confirm) resv_confirm(*confirm);
  }

  void resv_confirm(const ResvConfirm& confirm) {
    const auto at = begin(class_num::resv_confirm, 1);
    out_.u32(confirm.receiver);
    end(at);
  }

  // RFC 2750 section 3.1: the data offset counts from the object header to the first policy
  // element, past any options; each element is Length, P-Type, data (section 3.2).
  void policy(const std::vector<PolicyData>& policy) {
    for (const PolicyData& data : policy) {
      const auto at = begin(class_num::policy_data, 1);
      check_words(data.options.size(), "POLICY_DATA options");
      out_.u16(static_cast<std::uint16_t>(8 + data.options.size()));
      out_.u16(0);
      out_.bytes(data.options);
      for (const PolicyElement& element : data.elements) {
        check_words(element.data.size(), "a policy element");
        check_length(4 + element.data.size());
        out_.u16(static_cast<std::uint16_t>(4 + element.data.size()));
        out_.u16(element.type);
        out_.bytes(element.data);
      }
      end(at);
    }
  }

  void sender(const std::optional<SenderDescriptor>& sender) {
    if (!sender) return;
    filter(class_num::sender_template, sender->sender_template);
    if (sender->tspec) {
      const auto at = begin(class_num::sender_tspec, 2);
      intserv::write_tspec(out_, *sender->tspec);
      end(at);
    }
    if (sender->adspec) {
      const auto at = begin(class_num::adspec, 2);
      intserv::write_adspec(out_, *sender->adspec);
      end(at);
    }
  }

  void opaque(const std::vector<OpaqueObject>& objects) {
    for (const OpaqueObject& object : objects) {
      check_words(object.body.size(), "an opaque object");
      const auto at = begin(object.class_num, object.c_type);
      out_.bytes(object.body);
      end(at);
    }
  }

  void style(Style style) {
    const auto at = begin(class_num::style, 1);
    out_.u8(0);  // flags
    const std::uint32_t bits = option_vector(style);
    out_.u8(static_cast<std::uint8_t>(bits >> 16));
    out_.u16(static_cast<std::uint16_t>(bits));
    end(at);
  }

  // A flow descriptor list in the order of RFC 2205 section 3.1.4: each FLOWSPEC, then the
  // FILTER_SPECs it applies to.
  void descriptor(const FlowDescriptor& descriptor) {
    if (descriptor.flowspec) {
      const auto at = begin(class_num::flowspec, 2);
      intserv::write_flowspec(out_, *descriptor.flowspec);
      end(at);
    }
    for (const FilterSpec& filter_spec : descriptor.filters) {
      filter(class_num::filter_spec, filter_spec);
    }
  }

 private:
  // SENDER_TEMPLATE and FILTER_SPEC share the IPv4 layout: address, 16 zero bits, port.
  void filter(std::uint8_t number, const FilterSpec& filter) {
    const auto at = begin(number, 1);
    out_.u32(filter.address);
    out_.u16(0);
    out_.u16(filter.port);
    end(at);
  }

  std::size_t begin(std::uint8_t number, std::uint8_t c_type) {
    const std::size_t at = out_.size();
    out_.u16(0);
    out_.u8(number);
    out_.u8(c_type);
    return at;
  }

  void end(std::size_t at) {
    const std::size_t length = out_.size() - at;
    check_length(length);
    out_.patch_u16(at, static_cast<std::uint16_t>(length));
  }

  static void check_length(std::size_t length) {
    if (length > max_length - 3) throw std::length_error("RSVP object longer than 65532 bytes");
  }

  static void check_words(std::size_t size, const char* what) {
    if (size % 4 != 0) {
      throw std::invalid_argument(std::string(what) + " is not a multiple of 4 bytes long");
    }
  }

  Writer& out_;
};

// The objects of each message in the order of its grammar (RFC 2205 sections 3.1.3-3.1.9).
struct BodyWriter {
  ObjectWriter& objects;

  void operator()(const Path& m) const {
    objects.session(m.session);
    objects.hop(m.hop);
    objects.time_values(m.time_values);
    objects.policy(m.policy);
    objects.sender(m.sender);
    objects.opaque(m.opaque);
  }
  void operator()(const Resv& m) const {
    objects.session(m.session);
    objects.hop(m.hop);
    objects.time_values(m.time_values);
    objects.confirm(m.confirm);
    objects.scope(m.scope);
    objects.policy(m.policy);
    objects.opaque(m.opaque);
    descriptors(m.style, m.descriptors);
  }
  void operator()(const PathErr& m) const {
    objects.session(m.session);
    objects.error_spec(m.error);
    objects.policy(m.policy);
    objects.sender(m.sender);
    objects.opaque(m.opaque);
  }
  void operator()(const ResvErr& m) const {
    objects.session(m.session);
    objects.hop(m.hop);
    objects.error_spec(m.error);
    objects.scope(m.scope);
    objects.policy(m.policy);
    objects.opaque(m.opaque);
    objects.style(m.style);
    if (m.descriptor) objects.descriptor(*m.descriptor);
  }
  void operator()(const PathTear& m) const {
    objects.session(m.session);
    objects.hop(m.hop);
    objects.sender(m.sender);
    objects.opaque(m.opaque);
  }
  void operator()(const ResvTear& m) const {
    objects.session(m.session);
    objects.hop(m.hop);
    objects.scope(m.scope);
    objects.opaque(m.opaque);
    descriptors(m.style, m.descriptors);
  }
  void operator()(const ResvConf& m) const {
    objects.session(m.session);
    objects.error_spec(m.error);
    objects.resv_confirm(m.confirm);
    objects.opaque(m.opaque);
    descriptors(m.style, m.descriptors);
  }

  void descriptors(Style style, const std::vector<FlowDescriptor>& list) const {
    objects.style(style);
    for (const FlowDescriptor& descriptor : list) objects.descriptor(descriptor);
  }
};

}  // namespace

std::vector<std::byte> encode(const Message& message) {
  std::vector<std::byte> bytes;
  Writer out(bytes);
  // RFC 2205 section 3.1.1: Vers and Flags, Msg Type, RSVP Checksum; Send_TTL, Reserved, Length.
  out.u8(static_cast<std::uint8_t>((rsvp_version << 4) | (message.flags & 0x0F)));
  out.u8(static_cast<std::uint8_t>(type_of(message)));
  out.u16(0);
  out.u8(message.send_ttl);
  out.u8(0);
  out.u16(0);
  ObjectWriter objects(out);
  std::visit(BodyWriter{objects}, message.body);
  if (bytes.size() > max_length) throw std::length_error("RSVP message longer than 65535 bytes");
  out.patch_u16(6, static_cast<std::uint16_t>(bytes.size()));
  // The checksum covers the whole message with the checksum field zero, as written above. A sum
  // that comes out 0 goes as 0xFFFF, the same number in one's complement: 0 means "no checksum".
  const std::uint16_t checksum = internet_checksum(bytes);
  out.patch_u16(2, checksum == 0 ? 0xFFFF : checksum);
  return bytes;
}

}  // namespace qosbed::rsvp_wire
