// Parsing the text of a scenario file into its one YAML document. yaml-cpp's LoadAll can loop
// forever (allocating a document per turn) on some binary input, so the text is checked to be
// text first and at most two documents are ever asked for. Internal to the loader.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string_view>

namespace qosbed::scenario::detail {

// The first control byte other than tab, newline and carriage return, which YAML forbids.
struct ControlByte {
  unsigned value;
  int line;    // 1-based
  int column;  // 1-based
};
std::optional<ControlByte> find_control_byte(std::string_view text);

// Where the text first nests deeper than limits::max_flow_depth brackets or indents past
// limits::max_indent_columns: a cheap scan, before yaml-cpp (which recurses) ever sees the text.
struct DeepNesting {
  int line;    // 1-based
  int column;  // 1-based
};
std::optional<DeepNesting> find_deep_nesting(std::string_view text);

struct Document {
  YAML::Node root;                         // null for an empty file
  std::optional<YAML::Mark> second_start;  // where a second document starts, if there is one
};

// Throws what yaml-cpp throws (YAML::ParserException for syntax errors).
Document parse_document(std::string_view text);

}  // namespace qosbed::scenario::detail
