// Text made safe for XML and HTML, in element content and in quoted attribute values alike.
#pragma once

#include <string>
#include <string_view>

namespace qosbed::report {

// Escapes & < > " (so "]]>" and a quote inside a double-quoted attribute cannot end anything) and
// replaces control bytes other than tab and newline, which XML 1.0 does not allow, with '?'.
std::string xml_escaped(std::string_view text);

// At most `max_chars` characters of UTF-8 text, cut at a character boundary, "..." marking a cut.
std::string shortened(std::string_view text, std::size_t max_chars);

}  // namespace qosbed::report
