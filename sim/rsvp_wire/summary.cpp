#include "rsvp_wire/summary.hpp"

#include <cstdio>

#include "rsvp_wire/bytes.hpp"
#include "rsvp_wire/encode.hpp"

namespace qosbed::rsvp_wire {
namespace {

constexpr std::size_t common_header_size = 8;
constexpr std::size_t object_header_size = 4;

std::string address(std::uint32_t value) {
  return std::to_string(value >> 24) + "." + std::to_string((value >> 16) & 0xFF) + "." +
         std::to_string((value >> 8) & 0xFF) + "." + std::to_string(value & 0xFF);
}

// An RFC 2210 rate as Wireshark prints it ("%.10g").
std::string rate(float value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.10g", static_cast<double>(value));
  return text;
}

// Wireshark's names of RFC 2205 Appendix B's error codes, trailing space and all.
std::string error_name(std::uint8_t code) {
  switch (code) {
    case error_code::confirmation:
      return "Confirmation";
    case error_code::admission_control_failure:
      return "Admission Control Failure ";
    case error_code::policy_control_failure:
      return "Policy Control Failure";
    case error_code::no_path_information:
      return "No PATH information for this RESV message";
    case error_code::no_sender_information:
      return "No sender information for this RESV message";
    case error_code::conflicting_reservation_style:
      return "Conflicting reservation styles";
    case error_code::unknown_reservation_style:
      return "Unknown reservation style";
    case error_code::conflicting_dest_ports:
      return "Conflicting destination ports";
    case error_code::unknown_object_class:
      return "Unknown object class";
    case error_code::unknown_object_c_type:
      return "Unknown object C-type";
    default:
      return "Unknown (" + std::to_string(code) + ")";
  }
}

std::string style_name(std::uint32_t options) {
  const std::uint32_t style = options & 0x1F;
  const char* name = style == 0x11   ? "Wildcard Filter"
                     : style == 0x0A ? "Fixed Filter"
                     : style == 0x12 ? "Shared-Explicit"
                                     : "Unknown";
  return std::string(name) + " (" + std::to_string(style) + ")";
}

// An Integrated Services FLOWSPEC: its service, the token bucket's rate, and Guaranteed's R.
std::string flowspec(Reader body) {
  if (body.remaining() < 16) return "FLOWSPEC";
  body.u32();  // version, length
  const std::uint8_t service = body.u8();
  body.take(3);
  body.u32();  // token bucket parameter header
  const float r = body.f32();
  std::string text = "FLOWSPEC: ";
  text += service == service::guaranteed        ? "Guaranteed Rate: "
          : service == service::controlled_load ? "Controlled Load: "
                                                : "Unknown: ";
  text += "Token Bucket, " + rate(r) + " bytes/sec. ";
  if (service == service::guaranteed && body.remaining() >= 16 + 8) {
    body.take(16);  // b, p, m, M
    body.u32();     // RSpec parameter header
    text += "RSpec, " + rate(body.f32()) + " bytes/sec. ";
  }
  return text;
}

std::string summary(std::uint8_t class_number, std::uint8_t c_type, Reader body) {
  const bool ipv4 = c_type == 1;
  switch (class_number) {
    case class_num::session:
      if (ipv4 && body.remaining() >= 8) {
        const std::uint32_t destination = body.u32();
        const std::uint8_t protocol = body.u8();
        body.u8();
        return "SESSION: IPv4, Destination " + address(destination) + ", Protocol " +
               std::to_string(protocol) + ", Port " + std::to_string(body.u16()) + ". ";
      }
      return "SESSION";
    case class_num::rsvp_hop:
      if (ipv4 && body.remaining() >= 4) return "HOP: IPv4, " + address(body.u32());
      return "HOP";
    case class_num::time_values:
      if (body.remaining() >= 4) return "TIME VALUES: " + std::to_string(body.u32()) + " ms";
      return "TIME VALUES";
    case class_num::error_spec:
      if (ipv4 && body.remaining() >= 8) {
        const std::uint32_t node = body.u32();
        body.u8();
        const std::uint8_t code = body.u8();
        return "ERROR: IPv4, Error code: " + error_name(code) +
               ", Value: " + std::to_string(body.u16()) + ", Error Node: " + address(node);
      }
      return "ERROR";
    case class_num::scope:
      return "SCOPE";
    case class_num::style:
      if (body.remaining() >= 4) return "STYLE: " + style_name(body.u32());
      return "STYLE";
    case class_num::flowspec:
      return flowspec(body);
    case class_num::filter_spec:
    case class_num::sender_template: {
      const std::string name =
          class_number == class_num::filter_spec ? "FILTERSPEC" : "SENDER TEMPLATE";
      if (!ipv4 || body.remaining() < 8) return name;
      const std::uint32_t sender = body.u32();
      body.u16();
      return name + ": IPv4, Sender " + address(sender) + ", Port " + std::to_string(body.u16()) +
             ". ";
    }
    case class_num::sender_tspec:
      if (body.remaining() >= 16) {
        body.take(12);  // version and length, service header, parameter header
        return "SENDER TSPEC: IntServ, Token Bucket, " + rate(body.f32()) + " bytes/sec. ";
      }
      return "SENDER TSPEC";
    case class_num::adspec:
      return "ADSPEC";
    case class_num::policy_data:
      return "POLICY";
    case class_num::resv_confirm:
      if (ipv4 && body.remaining() >= 4) return "CONFIRM: Receiver " + address(body.u32());
      return "CONFIRM";
    default:
      return "Unknown object (" + std::to_string(class_number) + ")";
  }
}

}  // namespace

std::vector<std::string> object_summaries(std::span<const std::byte> encoded) {
  std::vector<std::string> lines;
  if (encoded.size() < common_header_size) return lines;
  Reader reader(encoded.subspan(common_header_size));
  while (reader.remaining() >= object_header_size) {
    const std::uint16_t length = reader.u16();
    const std::uint8_t class_number = reader.u8();
    const std::uint8_t c_type = reader.u8();
    if (length < object_header_size || length - object_header_size > reader.remaining()) break;
    std::string line =
        summary(class_number, c_type, Reader(reader.take(length - object_header_size)));
    // Wireshark ends some with a space, which a reader does not see.
    while (!line.empty() && line.back() == ' ') line.pop_back();
    lines.push_back(std::move(line));
  }
  return lines;
}

std::vector<std::string> object_summaries(const Message& message) {
  return object_summaries(encode(message));
}

}  // namespace qosbed::rsvp_wire
