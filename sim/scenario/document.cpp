#include "scenario/document.hpp"

#include <yaml-cpp/eventhandler.h>

#include <sstream>
#include <string>

#include "scenario/limits.hpp"

namespace qosbed::scenario::detail {
namespace {

// Notes where each document starts and ignores everything else.
class DocumentStarts final : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& mark) override { last_start = mark; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}

  YAML::Mark last_start;
};

}  // namespace

std::optional<ControlByte> find_control_byte(std::string_view text) {
  int line = 1;
  int column = 1;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte == '\n') {
      ++line;
      column = 1;
      continue;
    }
    if ((byte < 0x20 && byte != '\t' && byte != '\r') || byte == 0x7F) {
      return ControlByte{byte, line, column};
    }
    ++column;
  }
  return std::nullopt;
}

std::optional<DeepNesting> find_deep_nesting(std::string_view text) {
  int line = 1;
  int column = 1;
  int flow_depth = 0;
  char quote = 0;          // the quote of the scalar being read, if any
  bool escaped = false;    // after a backslash in a double-quoted scalar
  bool comment = false;    // in a comment, until the line ends
  bool line_start = true;  // only spaces and "- " seen on this line so far
  char previous = ' ';
  for (char c : text) {
    if (c == '\n') {
      ++line;
      column = 1;
      comment = false;
      line_start = true;
      previous = ' ';
      continue;
    }
    if (line_start) {
      // Indentation, and compact nested sequences ("- - - x"), nest block collections.
      if (c != ' ' && c != '-') {
        line_start = false;
      } else if (column > limits::max_indent_columns) {
        return DeepNesting{line, column};
      }
    }
    if (comment) {
      // The rest of the line is a comment.
    } else if (quote) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\' && quote == '"') {
        escaped = true;
      } else if (c == quote) {
        quote = 0;
      }
    } else if (c == '#' && (previous == ' ' || previous == '\t' || column == 1)) {
      comment = true;
    } else if ((c == '"' || c == '\'') &&
               std::string_view(" \t[{,:-").find(previous) != std::string_view::npos) {
      quote = c;
    } else if (c == '[' || c == '{') {
      if (++flow_depth > limits::max_flow_depth) return DeepNesting{line, column};
    } else if ((c == ']' || c == '}') && flow_depth > 0) {
      --flow_depth;
    }
    previous = c;
    ++column;
  }
  return std::nullopt;
}

// Only a line starting with a document marker ("---" or "...", then a blank or the line's end)
// can end the first document; a single "---" before any content just starts it.
bool may_hold_two_documents(std::string_view text) {
  bool content = false;
  bool started = false;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    at = end + 1;
    const bool marker = (line.starts_with("---") || line.starts_with("...")) &&
                        (line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r');
    if (marker) {
      if (line[0] == '.' || started || content) return true;
      started = true;
      continue;
    }
    const std::size_t first = line.find_first_not_of(" \t\r");
    if (first != std::string_view::npos && line[first] != '#') content = true;
  }
  return false;
}

Document parse_document(std::string_view text) {
  const std::string owned(text);
  Document document;
  document.root = YAML::Load(owned);
  // Looking for a second document parses the text again; most files cannot hold one.
  if (!may_hold_two_documents(text)) return document;
  std::istringstream in(owned);
  YAML::Parser parser(in);
  DocumentStarts starts;
  if (parser.HandleNextDocument(starts) && parser.HandleNextDocument(starts)) {
    document.second_start = starts.last_start;
  }
  return document;
}

}  // namespace qosbed::scenario::detail
