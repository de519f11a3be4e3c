// Decimal digits of a 32-bit value, two at a time and without a chain of divisions: most numbers
// of a trace line are 32-bit, many of them 4294967295 (QOS_NOT_SPECIFIED), and std::to_chars,
// which divides by 100 once per pair of digits, one division waiting for the last, took a third
// of the instructions of writing a line.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>

namespace qosbed::report {

namespace decimal_detail {

// The two digits of each value below 100.
inline constexpr std::array<char, 200> digit_pairs = [] {
  std::array<char, 200> pairs{};
  for (int value = 0; value < 100; ++value) {
    pairs[2 * value] = static_cast<char>('0' + value / 10);
    pairs[2 * value + 1] = static_cast<char>('0' + value % 10);
  }
  return pairs;
}();

inline char* put_pair(char* at, std::uint64_t pair) {
  std::memcpy(at, &digit_pairs[2 * pair], 2);
  return at + 2;
}

// Writes the digits of `fraction`, a binary fraction of `shift` bits that stands for the value's
// digits after its leading ones, `pairs` pairs of them: multiplying by 100 brings the next pair
// above the binary point.
inline char* put_fraction(char* at, std::uint64_t fraction, int shift, int pairs) {
  const std::uint64_t mask = (std::uint64_t{1} << shift) - 1;
  for (int i = 0; i < pairs; ++i) {
    fraction = (fraction & mask) * 100;
    at = put_pair(at, fraction >> shift);
  }
  return at;
}

// Writes the leading one or two digits, which `scaled` holds above bit `shift`.
inline char* put_leading(char* at, std::uint64_t scaled, int shift) {
  const std::uint64_t leading = scaled >> shift;
  if (leading < 10) {
    *at = static_cast<char>('0' + leading);
    return at + 1;
  }
  return put_pair(at, leading);
}

// `value` times 2^shift / 10^(2 * pairs) rounded up, written as its leading digits and then
// `pairs` more pairs. The rounding up keeps every product above the exact one by less than one
// step of the last digit, so no digit comes out one too low; the test checks every digit count.
inline char* put_scaled(char* at, std::uint32_t value, std::uint64_t multiplier, int shift,
                        int pairs) {
  const std::uint64_t scaled = value * multiplier;
  return put_fraction(put_leading(at, scaled, shift), scaled, shift, pairs);
}

}  // namespace decimal_detail

// Writes `value` in decimal at `at`, as std::to_chars does; returns where the digits end.
inline char* put_decimal(char* at, std::uint32_t value) {
  using decimal_detail::put_scaled;
  if (value < 100) return decimal_detail::put_leading(at, value, 0);
  if (value < 10'000) return put_scaled(at, value, 42'949'673, 32, 1);        // 2^32 / 10^2
  if (value < 1'000'000) return put_scaled(at, value, 429'497, 32, 2);        // 2^32 / 10^4
  if (value < 100'000'000) return put_scaled(at, value, 281'474'978, 48, 3);  // 2^48 / 10^6
  return put_scaled(at, value, 1'441'151'881, 57, 4);                         // 2^57 / 10^8
}

}  // namespace qosbed::report
