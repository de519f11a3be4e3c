#include "gqos/codec.hpp"

#include <bit>
#include <cstring>
#include <utility>

#include "gqos/constants.hpp"

namespace qosbed::gqos {

// Structures are copied byte for byte, so the host must lay integers out as Windows does.
static_assert(std::endian::native == std::endian::little, "qosbed needs a little-endian host");

namespace {

template <typename T>
void append(std::vector<std::byte>& out, const T& value) {
  const auto* first = reinterpret_cast<const std::byte*>(&value);
  out.insert(out.end(), first, first + sizeof(T));
}

template <typename T>
T load(std::span<const std::byte> bytes, std::size_t offset) {
  T value;
  std::memcpy(&value, bytes.data() + offset, sizeof(T));
  return value;
}

ProviderObject object_of(std::uint32_t type, std::vector<std::byte> body) {
  return ProviderObject{type, std::move(body), std::nullopt};
}

constexpr std::uint32_t header_size = sizeof(ObjectHeader);

}  // namespace

std::uint32_t load_u32(std::span<const std::byte> bytes, std::size_t offset) {
  return load<std::uint32_t>(bytes, offset);
}

void store_u32(std::span<std::byte> bytes, std::size_t offset, std::uint32_t value) {
  std::memcpy(bytes.data() + offset, &value, sizeof value);
}

FlowSpec unspecified_flowspec(std::uint32_t service_type) {
  FlowSpec flowspec{qos_not_specified, qos_not_specified, qos_not_specified, qos_not_specified,
                    qos_not_specified, service_type,      qos_not_specified, qos_not_specified};
  return flowspec;
}

ProviderObject make_status_info(std::uint32_t status_code, std::uint32_t extended_status1,
                                std::uint32_t extended_status2) {
  ProviderObject object;
  assign_status_info(object, status_code, extended_status1, extended_status2);
  return object;
}

void assign_status_info(ProviderObject& object, std::uint32_t status_code,
                        std::uint32_t extended_status1, std::uint32_t extended_status2) {
  object.type = object_type::status_info;
  object.declared_length.reset();
  object.body.resize(sizeof(StatusInfo) - header_size);
  store_u32(object.body, 0, status_code);
  store_u32(object.body, 4, extended_status1);
  store_u32(object.body, 8, extended_status2);
}

ProviderObject make_end_of_list() {
  return object_of(object_type::end_of_list, {});
}

ProviderObject make_sd_mode(std::uint32_t shape_discard_mode) {
  std::vector<std::byte> body;
  append(body, shape_discard_mode);
  return object_of(object_type::sd_mode, std::move(body));
}

ProviderObject make_shaping_rate(std::uint32_t bytes_per_second) {
  std::vector<std::byte> body;
  append(body, bytes_per_second);
  return object_of(object_type::shaping_rate, std::move(body));
}

ProviderObject make_adspec(const Adspec& adspec) {
  std::vector<std::byte> body;
  append(body, adspec.general_params);
  append(body, static_cast<std::uint32_t>(adspec.services.size()));
  for (ControlService service : adspec.services) {
    service.length = sizeof(ControlService);
    append(body, service);
  }
  return object_of(object_type::adspec, std::move(body));
}

ProviderObject make_reserve_info(std::uint32_t style, bool confirm_request) {
  RsvpReserveInfo info{};
  info.header = {object_type::reserve_info, sizeof(RsvpReserveInfo)};
  info.style = style;
  info.confirm_request = confirm_request ? 1 : 0;
  std::vector<std::byte> bytes;
  append(bytes, info);
  return object_of(object_type::reserve_info,
                   std::vector<std::byte>(bytes.begin() + header_size, bytes.end()));
}

std::uint32_t required_size(const QosContent& content) {
  std::uint32_t size = sizeof(Qos);
  for (const ProviderObject& object : content.objects) size += object.encoded_size();
  return size;
}

std::optional<std::uint32_t> required_size_in(std::uint32_t error,
                                              std::span<const std::byte> buffer) {
  if (error != wsa::enobufs || buffer.size() < sizeof(std::uint32_t)) return std::nullopt;
  return load_u32(buffer, 0);
}

std::optional<std::uint32_t> encode(const QosContent& content, std::span<std::byte> out) {
  const std::uint32_t size = required_size(content);
  if (out.size() < size) return std::nullopt;

  Qos qos{};
  qos.sending_flowspec = content.sending;
  qos.receiving_flowspec = content.receiving;
  qos.provider_specific.len = size - static_cast<std::uint32_t>(sizeof(Qos));
  qos.provider_specific.buf =
      content.objects.empty() ? 0 : reinterpret_cast<std::uintptr_t>(out.data() + sizeof(Qos));
  std::memcpy(out.data(), &qos, sizeof qos);

  std::size_t at = sizeof(Qos);
  for (const ProviderObject& object : content.objects) {
    const ObjectHeader header{object.type, object.declared_length.value_or(object.encoded_size())};
    std::memcpy(out.data() + at, &header, sizeof header);
    if (!object.body.empty()) {
      std::memcpy(out.data() + at + header_size, object.body.data(), object.body.size());
    }
    at += object.encoded_size();
  }
  return size;
}

std::string_view describe(DecodeError error) {
  switch (error) {
    case DecodeError::none:
      return "no error";
    case DecodeError::qos_truncated:
      return "buffer shorter than a QOS (80 bytes)";
    case DecodeError::len_past_buffer:
      return "ProviderSpecific.len runs past the buffer";
    case DecodeError::buf_outside_buffer:
      return "ProviderSpecific.buf points outside the buffer";
    case DecodeError::object_header_truncated:
      return "object header truncated";
    case DecodeError::object_length_zero:
      return "object length 0 would never advance";
    case DecodeError::object_length_under_header:
      return "object length under its 8-byte header";
    case DecodeError::object_past_len:
      return "object runs past ProviderSpecific.len";
    case DecodeError::status_info_truncated:
      return "RSVP_STATUS_INFO shorter than 20 bytes";
  }
  return "unknown decode error";
}

DecodeResult decode(std::span<const std::byte> bytes) {
  return decode(bytes, reinterpret_cast<std::uintptr_t>(bytes.data()));
}

DecodeResult decode(std::span<const std::byte> bytes, std::uint64_t base_address) {
  DecodeResult result;
  decode(bytes, base_address, result);
  return result;
}

void decode(std::span<const std::byte> bytes, std::uint64_t base_address, DecodeResult& result) {
  std::vector<DecodedObject> objects = std::move(result.qos.objects);
  objects.clear();
  result = DecodeResult{};
  result.qos.objects = std::move(objects);
  auto fail = [&result](DecodeError error, std::size_t offset) {
    result.error = error;
    result.error_offset = static_cast<std::uint32_t>(offset);
  };
  if (bytes.size() < sizeof(Qos)) return fail(DecodeError::qos_truncated, bytes.size());

  const auto qos = load<Qos>(bytes, 0);
  DecodedQos& decoded = result.qos;
  decoded.sending = qos.sending_flowspec;
  decoded.receiving = qos.receiving_flowspec;
  decoded.provider_specific_len = qos.provider_specific.len;
  if (qos.provider_specific.len == 0) return;

  // buf must land inside the bytes, after the QOS itself; compare without forming pointers, and
  // as offsets from base_address, since base_address + sizeof(Qos) can wrap past 2^64.
  const std::uint64_t buf = qos.provider_specific.buf;
  if (buf < base_address || buf - base_address < sizeof(Qos) || buf - base_address > bytes.size()) {
    return fail(DecodeError::buf_outside_buffer, provider_specific_buf_offset);
  }
  const std::size_t start = static_cast<std::size_t>(buf - base_address);
  decoded.provider_specific_offset = static_cast<std::uint32_t>(start);
  if (qos.provider_specific.len > bytes.size() - start) {
    return fail(DecodeError::len_past_buffer, offsetof(Qos, provider_specific));
  }

  const std::size_t end = start + qos.provider_specific.len;
  std::size_t at = start;
  while (at < end) {
    if (end - at < header_size) return fail(DecodeError::object_header_truncated, at);
    const auto header = load<ObjectHeader>(bytes, at);
    if (header.object_length == 0) return fail(DecodeError::object_length_zero, at);
    if (header.object_length < header_size) {
      return fail(DecodeError::object_length_under_header, at);
    }
    if (header.object_length > end - at) return fail(DecodeError::object_past_len, at);
    DecodedObject object{header.object_type, header.object_length, static_cast<std::uint32_t>(at),
                         bytes.subspan(at + header_size, header.object_length - header_size)};
    if (header.object_type == object_type::status_info) {
      auto info = read_status_info(object);
      if (!info) return fail(DecodeError::status_info_truncated, at);
      if (!decoded.status_info) decoded.status_info = info;
    }
    decoded.objects.push_back(object);
    at += header.object_length;
    if (header.object_type == object_type::end_of_list) break;
  }
}

std::optional<StatusInfo> read_status_info(const DecodedObject& object) {
  if (object.type != object_type::status_info || object.length < sizeof(StatusInfo)) {
    return std::nullopt;
  }
  StatusInfo info{};
  info.header = {object.type, object.length};
  info.status_code = load_u32(object.body, 0);
  info.extended_status1 = load_u32(object.body, 4);
  info.extended_status2 = load_u32(object.body, 8);
  return info;
}

std::optional<ReserveRequest> read_reserve_info(const DecodedObject& object) {
  if (object.type != object_type::reserve_info || object.body.size() < 8) return std::nullopt;
  ReserveRequest request{load_u32(object.body, 0), load_u32(object.body, 4)};
  constexpr std::size_t count_at = offsetof(RsvpReserveInfo, num_flow_desc) - header_size;
  constexpr std::size_t list_at = offsetof(RsvpReserveInfo, flow_desc_list) - header_size;
  if (object.length >= sizeof(RsvpReserveInfo)) {
    request.whole = true;
    request.num_flow_desc = load_u32(object.body, count_at);
    request.flow_desc_list =
        load_u32(object.body, list_at) | (std::uint64_t{load_u32(object.body, list_at + 4)} << 32);
  }
  return request;
}

std::optional<std::size_t> offset_in(std::span<const std::byte> buffer, std::uint64_t base_address,
                                     std::uint64_t pointer, std::size_t size) {
  if (buffer.size() < size || pointer < base_address ||
      pointer - base_address > buffer.size() - size) {
    return std::nullopt;
  }
  return static_cast<std::size_t>(pointer - base_address);
}

namespace {

constexpr std::size_t sockaddr_in_size = 16;
constexpr std::uint16_t af_inet = 2;
// The sockaddr_in make_dest_addr puts after the QOS_DESTADDR's own fields.
constexpr std::size_t dest_sockaddr_offset = sizeof(DestAddr) - sizeof(ObjectHeader);

}  // namespace

ProviderObject make_dest_addr(std::uint32_t address, std::uint16_t port) {
  ProviderObject object{object_type::dest_addr, {}, std::nullopt};
  object.body.resize(dest_sockaddr_offset + sockaddr_in_size);
  store_u32(object.body, 8, sockaddr_in_size);
  // sockaddr_in: sin_family (little endian, as Windows stores it), then port and address in
  // network byte order.
  object.body[dest_sockaddr_offset] = std::byte{af_inet & 0xFF};
  object.body[dest_sockaddr_offset + 2] = static_cast<std::byte>(port >> 8);
  object.body[dest_sockaddr_offset + 3] = static_cast<std::byte>(port & 0xFF);
  for (int i = 0; i < 4; ++i) {
    object.body[dest_sockaddr_offset + 4 + i] = static_cast<std::byte>(address >> (24 - 8 * i));
  }
  return object;
}

void point_dest_addr(std::span<std::byte> buffer) {
  const DecodeResult decoded = decode(buffer);
  for (const DecodedObject& object : decoded.qos.objects) {
    if (object.type != object_type::dest_addr ||
        object.body.size() != dest_sockaddr_offset + sockaddr_in_size) {
      continue;
    }
    const auto at = reinterpret_cast<std::uint64_t>(buffer.data()) + object.offset +
                    sizeof(ObjectHeader) + dest_sockaddr_offset;
    const std::size_t pointer = object.offset + sizeof(ObjectHeader);
    store_u32(buffer, pointer, static_cast<std::uint32_t>(at));
    store_u32(buffer, pointer + 4, static_cast<std::uint32_t>(at >> 32));
  }
}

std::optional<DestAddress> read_dest_addr(const DecodedObject& object,
                                          std::span<const std::byte> buffer,
                                          std::uint64_t base_address) {
  if (object.type != object_type::dest_addr || object.body.size() < 12) return std::nullopt;
  const std::uint64_t pointer =
      load_u32(object.body, 0) | (std::uint64_t{load_u32(object.body, 4)} << 32);
  const std::uint32_t length = load_u32(object.body, 8);
  const auto offset = offset_in(buffer, base_address, pointer, sockaddr_in_size);
  if (length < sockaddr_in_size || !offset) return std::nullopt;
  const std::size_t at = *offset;
  const auto byte = [&](std::size_t i) { return std::to_integer<std::uint32_t>(buffer[at + i]); };
  if ((byte(0) | byte(1) << 8) != af_inet) return std::nullopt;
  DestAddress dest;
  dest.port = static_cast<std::uint16_t>(byte(2) << 8 | byte(3));
  dest.address = byte(4) << 24 | byte(5) << 16 | byte(6) << 8 | byte(7);
  return dest;
}

std::optional<Adspec> first_adspec(const DecodedQos& qos) {
  for (const DecodedObject& object : qos.objects) {
    if (auto adspec = read_adspec(object)) return adspec;
  }
  return std::nullopt;
}

std::optional<Adspec> read_adspec(const DecodedObject& object) {
  constexpr std::size_t fixed = sizeof(AdGeneralParams) + sizeof(std::uint32_t);
  if (object.type != object_type::adspec || object.body.size() < fixed) return std::nullopt;
  Adspec adspec;
  adspec.general_params = load<AdGeneralParams>(object.body, 0);
  const std::uint32_t count = load_u32(object.body, sizeof(AdGeneralParams));
  if (count > (object.body.size() - fixed) / sizeof(ControlService)) return std::nullopt;
  for (std::uint32_t i = 0; i < count; ++i) {
    const auto service = load<ControlService>(object.body, fixed + i * sizeof(ControlService));
    if (service.length != sizeof(ControlService)) return std::nullopt;
    adspec.services.push_back(service);
  }
  return adspec;
}

}  // namespace qosbed::gqos
