// Text made safe for XML and HTML, in element content and in quoted attribute values alike, and
// the test of which bytes XML 1.0 can carry at all, which the TAP reporter shares.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace qosbed::report {

// The length in bytes of the character that starts `text` when it is well-formed UTF-8 and a
// character XML 1.0 allows (tab, newline, carriage return, U+0020 and above except the
// surrogates, U+FFFE and U+FFFF); 0 when it is not, or `text` is empty.
std::size_t xml_char_length(std::string_view text);

// Appends `byte` as the four characters \xNN (uppercase hex), the way a byte that cannot be
// shown as text is written in the reports.
void append_hex_escape(std::string& out, unsigned char byte);

// Escapes & < > " (so "]]>" and a quote inside a double-quoted attribute cannot end anything)
// and a carriage return (which parsers would fold into a newline), and writes each byte XML 1.0
// cannot carry (a control byte other than tab and newline, a byte of malformed UTF-8, as in a
// file name of another encoding) as the four characters \xNN, so the text stays readable and
// the document well-formed.
std::string xml_escaped(std::string_view text);

// At most `max_chars` characters of UTF-8 text, cut at a character boundary, "..." marking a cut.
std::string shortened(std::string_view text, std::size_t max_chars);

}  // namespace qosbed::report
