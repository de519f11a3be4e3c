// Fuzzes gqos::decode, the one reader of QOS + ProviderSpecific buffers that providers fill: it
// must never read outside the bytes it is given, and whatever it accepts must be consistent with
// them. The first 8 bytes choose the writer's base address (so ProviderSpecific.buf can point
// anywhere, including near the top of the address space); the rest is the buffer.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "gqos/codec.hpp"

namespace {

void check(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace qosbed::gqos;
  std::uint64_t base = 0;
  if (size >= 8) {
    std::memcpy(&base, data, 8);
    data += 8;
    size -= 8;
  }
  // An allocation of exactly `size` bytes, so AddressSanitizer sees any read past the end.
  const auto copy = std::make_unique<std::byte[]>(size);
  if (size > 0) std::memcpy(copy.get(), data, size);
  const std::span<const std::byte> bytes(copy.get(), size);

  // Decoded where written, and as if written elsewhere (base 0 mirrors offsets as addresses).
  for (const DecodeResult& result : {decode(bytes), decode(bytes, base), decode(bytes, 0)}) {
    check(!describe(result.error).empty());
    if (!result.ok()) {
      check(result.error_offset <= size);
      continue;
    }
    const DecodedQos& qos = result.qos;
    if (qos.provider_specific_len == 0) {
      check(qos.objects.empty());
      continue;
    }
    // The list lies after the QOS and inside the buffer; each object inside the list.
    const std::uint64_t start = qos.provider_specific_offset;
    check(start >= sizeof(Qos));
    check(start + qos.provider_specific_len <= size);
    std::uint64_t at = start;
    for (const DecodedObject& object : qos.objects) {
      check(object.offset == at);
      check(object.length >= 8);
      check(object.body.size() == object.length - 8);
      check(object.body.data() == bytes.data() + object.offset + 8);
      at += object.length;
      (void)read_status_info(object);
      if (const auto adspec = read_adspec(object)) {
        check(adspec->services.size() * sizeof(ControlService) <= object.body.size());
      }
    }
    check(at <= start + qos.provider_specific_len);
    if (qos.status_info) check(qos.status_info->header.object_length >= sizeof(StatusInfo));
  }
  return 0;
}
