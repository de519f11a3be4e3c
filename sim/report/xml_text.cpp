#include "report/xml_text.hpp"

#include <algorithm>
#include <cstdint>

namespace qosbed::report {

std::size_t xml_char_length(std::string_view text) {
  if (text.empty()) return 0;
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return lead >= 0x20 || lead == '\t' || lead == '\n' || lead == '\r' ? 1 : 0;
  std::size_t length = 0;
  std::uint32_t code = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    code = lead & 0x1Fu;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    code = lead & 0x0Fu;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    code = lead & 0x07u;
  } else {
    return 0;  // a continuation byte, an overlong 2-byte lead, or past U+10FFFF
  }
  if (text.size() < length) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return 0;
    code = (code << 6) | (byte(i) & 0x3Fu);
  }
  const std::uint32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
  if (code < least[length] || code > 0x10FFFF) return 0;  // overlong, or past Unicode
  if (code >= 0xD800 && code <= 0xDFFF) return 0;         // surrogates are not characters
  if (code == 0xFFFE || code == 0xFFFF) return 0;
  return length;
}

void append_hex_escape(std::string& out, unsigned char byte) {
  constexpr char hex[] = "0123456789ABCDEF";
  out += {'\\', 'x', hex[byte >> 4], hex[byte & 0xF]};
}

std::string xml_escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const std::size_t length = xml_char_length(text);
    if (length == 0) {
      append_hex_escape(out, static_cast<unsigned char>(text.front()));
      text.remove_prefix(1);
      continue;
    }
    switch (text.front()) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\r':
        out += "&#13;";
        break;
      default:
        out.append(text.substr(0, length));
    }
    text.remove_prefix(length);
  }
  return out;
}

std::string shortened(std::string_view text, std::size_t max_chars) {
  auto continuation = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; };
  std::size_t chars = 0;
  std::size_t keep = 0;  // bytes of the first max_chars - 3 characters
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (continuation(text[i])) continue;
    if (chars == max_chars - std::min<std::size_t>(max_chars, 3)) keep = i;
    if (++chars > max_chars) return std::string(text.substr(0, keep)) + "...";
  }
  return std::string(text);
}

}  // namespace qosbed::report
