#include "rsvp_wire/pcapng.hpp"

#include <stdexcept>
#include <vector>

namespace qosbed::rsvp_wire {

namespace {

// Block types and option codes of the pcapng specification (draft-ietf-opsawg-pcapng).
constexpr std::uint32_t section_header = 0x0A0D0D0A;
constexpr std::uint32_t interface_description = 1;
constexpr std::uint32_t enhanced_packet = 6;
constexpr std::uint32_t byte_order_magic = 0x1A2B3C4D;
constexpr std::uint16_t opt_endofopt = 0;
constexpr std::uint16_t shb_userappl = 4;
constexpr std::uint16_t if_name = 2;
constexpr std::uint16_t if_description = 3;
constexpr std::uint16_t linktype_raw = 101;

// One block: type, total length, body, total length again; every part padded to 32 bits.
class Block {
 public:
  explicit Block(std::uint32_t type) {
    u32(type);
    u32(0);  // total length, patched by write_to
  }

  void u16(std::uint16_t value) {
    bytes_.push_back(static_cast<char>(value & 0xFF));
    bytes_.push_back(static_cast<char>(value >> 8));
  }
  void u32(std::uint32_t value) {
    u16(static_cast<std::uint16_t>(value & 0xFFFF));
    u16(static_cast<std::uint16_t>(value >> 16));
  }
  void padded(std::span<const char> data) {
    bytes_.insert(bytes_.end(), data.begin(), data.end());
    bytes_.resize((bytes_.size() + 3) / 4 * 4, '\0');
  }
  void option(std::uint16_t code, std::string_view value) {
    if (value.empty()) return;
    u16(code);
    u16(static_cast<std::uint16_t>(value.size()));
    padded(value);
  }
  void end_of_options() {
    u16(opt_endofopt);
    u16(0);
  }

  void write_to(std::ostream& out) {
    const auto total = static_cast<std::uint32_t>(bytes_.size() + 4);
    u32(total);
    for (int i = 0; i < 4; ++i) bytes_[4 + i] = static_cast<char>((total >> (8 * i)) & 0xFF);
    out.write(bytes_.data(), static_cast<std::streamsize>(bytes_.size()));
  }

 private:
  std::vector<char> bytes_;
};

}  // namespace

PcapngWriter::PcapngWriter(std::ostream& out) : out_(out) {
  Block block(section_header);
  block.u32(byte_order_magic);
  block.u16(1);           // major version
  block.u16(0);           // minor version
  block.u32(0xFFFFFFFF);  // section length: not given
  block.u32(0xFFFFFFFF);
  block.option(shb_userappl, "qosbed");
  block.end_of_options();
  block.write_to(out_);
}

std::uint32_t PcapngWriter::add_interface(std::string_view name, std::string_view description) {
  Block block(interface_description);
  block.u16(linktype_raw);
  block.u16(0);  // reserved
  block.u32(0);  // snap length: no limit
  block.option(if_name, name);
  block.option(if_description, description);
  block.end_of_options();
  block.write_to(out_);
  return interfaces_++;
}

void PcapngWriter::write_packet(std::uint32_t interface, std::int64_t time_us,
                                std::span<const std::byte> datagram) {
  if (interface >= interfaces_) throw std::invalid_argument("pcapng: no such interface");
  if (time_us < 0) throw std::invalid_argument("pcapng: negative timestamp");
  const auto time = static_cast<std::uint64_t>(time_us);
  Block block(enhanced_packet);
  block.u32(interface);
  block.u32(static_cast<std::uint32_t>(time >> 32));
  block.u32(static_cast<std::uint32_t>(time & 0xFFFFFFFF));
  block.u32(static_cast<std::uint32_t>(datagram.size()));  // captured
  block.u32(static_cast<std::uint32_t>(datagram.size()));  // on the wire
  block.padded(std::span(reinterpret_cast<const char*>(datagram.data()), datagram.size()));
  block.write_to(out_);
}

}  // namespace qosbed::rsvp_wire
