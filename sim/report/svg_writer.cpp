#include "report/svg_writer.hpp"

#include <algorithm>
#include <cstdlib>

#include "report/xml_text.hpp"

namespace qosbed::report {
namespace {

// About the advance of one character of an 11-pixel sans-serif font, to keep labels in bounds.
constexpr int char_width = 6;
constexpr int head_name_chars = 24;
// How far a label's baseline sits above the line it labels: clear of the line, digits have no
// descenders.
constexpr int label_rise = 5;

struct Colours {
  std::string_view line;
  std::string_view fill;
};

std::string_view arrow_colour(const Arrow& arrow) {
  if (arrow.failed) return "#b00020";
  switch (arrow.kind) {
    case ArrowKind::call:
      return "#1f4e9c";
    case ArrowKind::finished:
      return "#7a7a7a";
    case ArrowKind::completion:
      return "#137333";
    case ArrowKind::indication:
      return "#b35c00";
    case ArrowKind::rsvp:
      return "#5b2c9e";
    case ArrowKind::rsvp_lost:
      return "#b00020";
  }
  return "#000000";
}

Colours note_colours(NoteKind kind) {
  switch (kind) {
    case NoteKind::wait:
      return {"#1f4e9c", "#eef3fb"};
    case NoteKind::update:
      return {"#137333", "#e6f4ea"};
    case NoteKind::error:
    case NoteKind::stalled:
      return {"#b00020", "#fce8e6"};
  }
  return {"#000000", "#ffffff"};
}

class SvgOut {
 public:
  explicit SvgOut(std::string& out) : out_(out) {}

  // A text element; `full` (when the shown text was shortened) becomes its tooltip.
  void text(int x, int y, std::string_view anchor, std::string_view style, std::string_view shown,
            std::string_view full = {}) {
    out_ += "<text x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\" text-anchor=\"" +
            std::string(anchor) + "\" " + std::string(style) + ">";
    if (!full.empty() && full != shown) out_ += "<title>" + xml_escaped(full) + "</title>";
    out_ += xml_escaped(shown) + "</text>\n";
  }

  void line(int x1, int y1, int x2, int y2, std::string_view colour, std::string_view extra = {}) {
    out_ += "<line x1=\"" + std::to_string(x1) + "\" y1=\"" + std::to_string(y1) + "\" x2=\"" +
            std::to_string(x2) + "\" y2=\"" + std::to_string(y2) + "\" stroke=\"" +
            std::string(colour) + "\" " + std::string(extra) + "/>\n";
  }

  void rect(int x, int y, int width, int height, std::string_view fill, std::string_view extra) {
    out_ += "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\" width=\"" +
            std::to_string(width) + "\" height=\"" + std::to_string(height) + "\" fill=\"" +
            std::string(fill) + "\" " + std::string(extra) + "/>\n";
  }

  void head(int x, int y, int direction, std::string_view colour) {
    const int back = x - direction * 9;
    out_ += "<polygon points=\"" + std::to_string(x) + "," + std::to_string(y) + " " +
            std::to_string(back) + "," + std::to_string(y - 4) + " " + std::to_string(back) + "," +
            std::to_string(y + 4) + "\" fill=\"" + std::string(colour) + "\"/>\n";
  }

 private:
  std::string& out_;
};

void draw_lifelines(const SequenceDiagram& d, SvgOut& svg) {
  const std::string colour(lifeline_colour);
  for (const Lifeline& line : d.lifelines) {
    svg.line(line.x, d.head_top + d.head_height, line.x, d.line_bottom, colour,
             "stroke-width=\"3\" stroke-dasharray=\"10 5\"");
    svg.rect(line.x - d.head_width / 2, d.head_top, d.head_width, d.head_height, colour,
             "rx=\"5\"");
    const int name_y = d.head_top + (line.role.empty() ? 25 : 18);
    svg.text(line.x, name_y, "middle", "fill=\"#ffffff\" font-weight=\"bold\" font-size=\"13\"",
             shortened(line.name, head_name_chars), line.name);
    if (!line.role.empty()) {
      svg.text(line.x, d.head_top + 33, "middle", "fill=\"#ffffff\" font-size=\"10\"", line.role);
    }
  }
}

void draw_activations(const SequenceDiagram& d, SvgOut& svg) {
  for (const Activation& a : d.activations) {
    const int x = d.lifelines[a.lifeline].x - 5 + 6 * a.depth;
    const int top = a.top + 3;
    const int height = std::max(a.bottom - a.top - 6, 6);
    svg.rect(x, top, 10, height, "#ffe9a8",
             a.open ? "stroke=\"#8a6d00\" stroke-dasharray=\"3 2\"" : "stroke=\"#8a6d00\"");
    if (a.open) {
      svg.text(x + 14, a.bottom - 4, "start", "fill=\"#8a6d00\" font-style=\"italic\"",
               "still pending at the end");
    }
  }
}

void draw_arrows(const SequenceDiagram& d, SvgOut& svg) {
  for (const Arrow& arrow : d.arrows) {
    const std::string colour(arrow_colour(arrow));
    const int from = d.lifelines[arrow.from].x;
    const int to = d.lifelines[arrow.to].x;
    const int direction = to >= from ? 1 : -1;
    const bool lost = arrow.kind == ArrowKind::rsvp_lost;
    const int end = lost ? (from + to) / 2 : to - direction * 6;
    const std::string dash =
        arrow.kind == ArrowKind::finished ? "stroke-dasharray=\"5 4\" " : std::string();
    svg.line(from + direction * 6, arrow.y, end, arrow.y, colour, dash + "stroke-width=\"1.5\"");
    if (lost) {
      svg.line(end - 5, arrow.y - 5, end + 5, arrow.y + 5, colour, "stroke-width=\"2\"");
      svg.line(end - 5, arrow.y + 5, end + 5, arrow.y - 5, colour, "stroke-width=\"2\"");
    } else {
      svg.head(end, arrow.y, direction, colour);
    }
    const int room = std::max(std::abs(to - from) - 12, 4 * char_width) / char_width;
    svg.text((from + to) / 2, arrow.y - label_rise, "middle", "fill=\"" + colour + "\"",
             shortened(arrow.label, static_cast<std::size_t>(room)), arrow.label);
  }
}

void draw_notes(const SequenceDiagram& d, SvgOut& svg) {
  for (const Note& note : d.notes) {
    const Colours colours = note_colours(note.kind);
    // As wide as its lifelines, or as its text up to the next lifeline's head.
    const int left = d.lifelines[note.first].x - d.head_width / 2;
    const int text_width = static_cast<int>(note.label.size()) * char_width + 16;
    const int right = std::max(
        d.lifelines[note.last].x + d.head_width / 2,
        std::min(left + text_width, d.lifelines[note.last].x + d.column_width - d.head_width / 2));
    svg.rect(left, note.y - 10, right - left, 18, colours.fill,
             "stroke=\"" + std::string(colours.line) + "\" rx=\"3\"");
    const auto room = static_cast<std::size_t>((right - left - 8) / char_width);
    svg.text((left + right) / 2, note.y + 3, "middle", "fill=\"" + std::string(colours.line) + "\"",
             shortened(note.label, room), note.label);
  }
}

}  // namespace

std::string to_svg(const SequenceDiagram& d) {
  std::string out;
  const std::string width = std::to_string(d.width);
  const std::string height = std::to_string(d.height);
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + height +
         "\" viewBox=\"0 0 " + width + " " + height +
         "\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\">\n";
  out += "<title>" + xml_escaped(d.title) + "</title>\n";
  SvgOut svg(out);
  svg.rect(0, 0, d.width, d.height, "#ffffff", "");
  svg.text(12, 24, "start", "font-size=\"15\" font-weight=\"bold\" fill=\"#202124\"", d.title);
  svg.text(12, d.head_top + 25, "start", "fill=\"#5f6368\"", "time");
  // Each time sits on a guide line at its row, as an arrow's label sits on its arrow: a line
  // through the text would strike it out.
  for (const TimeMark& mark : d.times) {
    svg.text(12, mark.y - label_rise, "start", "fill=\"#5f6368\"", mark.text);
    svg.line(12, mark.y, 80, mark.y, "#dadce0", "stroke-dasharray=\"2 2\"");
  }
  draw_lifelines(d, svg);
  draw_activations(d, svg);
  draw_notes(d, svg);
  draw_arrows(d, svg);
  if (d.records_left_out > 0) {
    svg.text(12, d.line_bottom + 30, "start", "fill=\"#b00020\" font-size=\"12\"",
             "The chart stops after " + std::to_string(d.records_drawn) +
                 " drawn records: " + std::to_string(d.records_left_out) +
                 " more trace records are not drawn (the trace has them all).");
  }
  out += "</svg>\n";
  return out;
}

std::string svg_document(const SequenceDiagram& diagram) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + to_svg(diagram);
}

}  // namespace qosbed::report
