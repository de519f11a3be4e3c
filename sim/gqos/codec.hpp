// The one encoder and the one decoder of a QOS structure followed by its ProviderSpecific object
// list, laid out in a single caller-owned buffer as the RSVP SP returns it (docs/behaviour.md, R4
// and D11): ProviderSpecific.buf points just past the QOS, and each object is advanced by its
// ObjectLength.
// The emulator encodes with it and the client decodes with it, so the two cannot disagree. The
// decoder trusts nothing it reads: every length and the buf pointer are checked before use.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "gqos/layout.hpp"

namespace qosbed::gqos {

// One ProviderSpecific object: its type and the bytes after its header. ObjectLength is written
// as 8 + body.size() unless declared_length says otherwise, which is how a scenario scripts a
// hostile list (ObjectLength 0, or longer than the object) to test an application's walker.
struct ProviderObject {
  std::uint32_t type = 0;
  std::vector<std::byte> body;
  std::optional<std::uint32_t> declared_length;

  std::uint32_t encoded_size() const { return static_cast<std::uint32_t>(8 + body.size()); }
  friend bool operator==(const ProviderObject&, const ProviderObject&) = default;
};

// A FLOWSPEC with every field QOS_NOT_SPECIFIED and the given service type.
FlowSpec unspecified_flowspec(std::uint32_t service_type);

// An RSVP_ADSPEC as the application sees it: general parameters and zero or more guaranteed
// service entries (each a CONTROL_SERVICE of 44 bytes).
struct Adspec {
  AdGeneralParams general_params{};
  std::vector<ControlService> services;
};

ProviderObject make_status_info(std::uint32_t status_code, std::uint32_t extended_status1,
                                std::uint32_t extended_status2);
// Makes `object` that RSVP_STATUS_INFO in place, reusing its body's storage.
void assign_status_info(ProviderObject& object, std::uint32_t status_code,
                        std::uint32_t extended_status1, std::uint32_t extended_status2);
ProviderObject make_end_of_list();
ProviderObject make_sd_mode(std::uint32_t shape_discard_mode);
ProviderObject make_shaping_rate(std::uint32_t bytes_per_second);
ProviderObject make_adspec(const Adspec& adspec);
// RSVP_RESERVE_INFO with no policy elements and no flow descriptors: what an application passes
// in SIO_SET_QOS or WSAConnect to choose a style and ask for confirmation.
ProviderObject make_reserve_info(std::uint32_t style, bool confirm_request);
// QOS_DESTADDR naming an IPv4 destination (address in host byte order): the 24-byte object whose
// SocketAddress points at a sockaddr_in, with that sockaddr_in after it inside the object, so the
// whole request stays one buffer. The pointer is left 0: whoever places the buffer sets it with
// point_dest_addr, since only the final address of the bytes is known there.
ProviderObject make_dest_addr(std::uint32_t address, std::uint16_t port);
// Sets the SocketAddress of every QOS_DESTADDR made by make_dest_addr in the encoded `buffer` to
// the address of its own sockaddr_in.
void point_dest_addr(std::span<std::byte> buffer);

// What one QOS buffer holds.
struct QosContent {
  FlowSpec sending{};
  FlowSpec receiving{};
  std::vector<ProviderObject> objects;
};

// Bytes needed for the QOS and its objects: 80 + the sum of the objects' encoded sizes.
std::uint32_t required_size(const QosContent& content);

// R5: a SIO_GET_QOS that fails with WSAENOBUFS leaves the size it needs in the first 4 bytes of
// its buffer. That size, when `error` is WSAENOBUFS and `buffer` holds those 4 bytes.
std::optional<std::uint32_t> required_size_in(std::uint32_t error,
                                              std::span<const std::byte> buffer);

// Writes the content at the start of `out` and returns the bytes written, or nullopt (writing
// nothing) when `out` is smaller than required_size(content). ProviderSpecific.buf is set to the
// address of out[80] when there are objects and to 0 when there are none.
std::optional<std::uint32_t> encode(const QosContent& content, std::span<std::byte> out);

enum class DecodeError {
  none,
  qos_truncated,               // fewer bytes than a QOS
  len_past_buffer,             // ProviderSpecific.len runs past the bytes given
  buf_outside_buffer,          // ProviderSpecific.buf does not point into the bytes given
  object_header_truncated,     // fewer than 8 bytes left for an object header
  object_length_zero,          // ObjectLength 0: a naive walker would never advance
  object_length_under_header,  // ObjectLength 1..7
  object_past_len,             // ObjectLength runs past ProviderSpecific.len
  status_info_truncated,       // an RSVP_STATUS_INFO shorter than its 20 bytes
};

// A short lowercase description, e.g. "object length 0 would never advance".
std::string_view describe(DecodeError error);

struct DecodedObject {
  std::uint32_t type = 0;
  std::uint32_t length = 0;         // ObjectLength, header included
  std::uint32_t offset = 0;         // from the start of the buffer
  std::span<const std::byte> body;  // length - 8 bytes, inside the buffer given
};

struct DecodedQos {
  FlowSpec sending{};
  FlowSpec receiving{};
  std::uint32_t provider_specific_len = 0;
  std::uint32_t provider_specific_offset = 0;  // buf as an offset from the buffer's start
  std::optional<StatusInfo> status_info;       // the first RSVP_STATUS_INFO, if any
  std::vector<DecodedObject> objects;          // all objects in order, END_OF_LIST last if present
};

struct DecodeResult {
  DecodeError error = DecodeError::none;
  std::uint32_t error_offset = 0;  // where in the buffer the problem was found
  DecodedQos qos;

  bool ok() const { return error == DecodeError::none; }
};

// Decodes `bytes`, whose first byte lives at `base_address` in the writer's address space (for
// a buffer decoded where it was written, that is bytes.data()). Never reads outside `bytes`.
DecodeResult decode(std::span<const std::byte> bytes, std::uint64_t base_address);
DecodeResult decode(std::span<const std::byte> bytes);
// The same into `result`, reusing the storage of its object list: a reader that decodes every
// completion into one DecodeResult allocates nothing once the list has grown.
void decode(std::span<const std::byte> bytes, std::uint64_t base_address, DecodeResult& result);

// Typed readers of a decoded object's body; nullopt when the body is too short or inconsistent.
std::optional<StatusInfo> read_status_info(const DecodedObject& object);
std::optional<Adspec> read_adspec(const DecodedObject& object);
// The first RSVP_ADSPEC of a decoded ProviderSpecific list that reads as one, if any.
std::optional<Adspec> first_adspec(const DecodedQos& qos);

// What an application asks for with RSVP_RESERVE_INFO: its first two fields, which lead the body
// in every version of the structure, and, when its ObjectLength covers the whole Win64 structure
// (`whole`), how many flow descriptors it names and where (0 otherwise).
struct ReserveRequest {
  std::uint32_t style = 0;
  std::uint32_t confirm_request = 0;
  bool whole = false;
  std::uint32_t num_flow_desc = 0;
  std::uint64_t flow_desc_list = 0;  // FlowDescList, an address in the writer's space
  friend bool operator==(const ReserveRequest&, const ReserveRequest&) = default;
};
std::optional<ReserveRequest> read_reserve_info(const DecodedObject& object);

// Where `size` bytes at `pointer` lie in `buffer`, whose first byte lives at `base_address`:
// their offset, or nullopt when any of them lies outside.
std::optional<std::size_t> offset_in(std::span<const std::byte> buffer, std::uint64_t base_address,
                                     std::uint64_t pointer, std::size_t size);

// The IPv4 destination of a QOS_DESTADDR whose SocketAddress points into `buffer` (decoded with
// `base_address`, as decode() was) at an AF_INET sockaddr of SocketAddressLength bytes; nullopt
// for any other object or pointer.
struct DestAddress {
  std::uint32_t address = 0;  // host byte order
  std::uint16_t port = 0;
};
std::optional<DestAddress> read_dest_addr(const DecodedObject& object,
                                          std::span<const std::byte> buffer,
                                          std::uint64_t base_address);

// Little-endian 32-bit access to a byte buffer, bounds checked by the caller.
std::uint32_t load_u32(std::span<const std::byte> bytes, std::size_t offset);
void store_u32(std::span<std::byte> bytes, std::size_t offset, std::uint32_t value);

}  // namespace qosbed::gqos
