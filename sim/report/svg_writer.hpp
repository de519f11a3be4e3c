// Draws a laid-out sequence diagram as one standalone SVG document: no external assets, no
// scripts, generic font families only, every text escaped. It can be embedded in HTML as it is.
#pragma once

#include <string>
#include <string_view>

#include "report/sequence_diagram.hpp"

namespace qosbed::report {

// Every lifeline (head and line) is drawn in this colour and nothing else is, so a test can find
// the chart in a rendered page by counting its pixels.
inline constexpr std::string_view lifeline_colour = "#d6008f";

// The <svg> element alone, to embed in an HTML page.
std::string to_svg(const SequenceDiagram& diagram);

// A standalone SVG file: the XML declaration, then the element.
std::string svg_document(const SequenceDiagram& diagram);

}  // namespace qosbed::report
