#include "report/xml_text.hpp"

#include <algorithm>

namespace qosbed::report {

std::string xml_escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
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
      case '\n':
      case '\t':
        out += c;
        break;
      default:
        out += static_cast<unsigned char>(c) < 0x20 ? '?' : c;
    }
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
