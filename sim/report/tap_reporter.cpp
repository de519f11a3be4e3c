#include "report/tap_reporter.hpp"

#include <string_view>

#include "report/xml_text.hpp"

namespace qosbed::report {
namespace {

// The text on one line of printable UTF-8: a line break, a control character or a byte of
// malformed UTF-8 (a file name in another encoding) is written \xNN.
std::string one_line(std::string_view text) {
  std::string out;
  while (!text.empty()) {
    const std::size_t length = xml_char_length(text);
    const char c = text.front();
    if (length == 0 || c == '\t' || c == '\n' || c == '\r') {
      append_hex_escape(out, static_cast<unsigned char>(c));
      text.remove_prefix(1);
    } else {
      out.append(text.substr(0, length));
      text.remove_prefix(length);
    }
  }
  return out;
}

// A test point's description, as TAP 13 and 14 ask: `\` written `\\` and `#` written `\#`, so
// that only a directive we write ourselves follows an unescaped `#`.
std::string description(std::string_view text) {
  std::string out;
  for (const char c : one_line(text)) {
    if (c == '\\' || c == '#') out += '\\';
    out += c;
  }
  return out;
}

// A YAML double-quoted scalar, escaped as both YAML and prove's YAMLish reader read it: a byte
// that is not printable text as \xNN, C1 control characters by their code point.
std::string yaml_quoted(std::string_view text) {
  std::string out = "\"";
  while (!text.empty()) {
    const std::size_t length = xml_char_length(text);
    const auto lead = static_cast<unsigned char>(text.front());
    if (length == 0) {
      append_hex_escape(out, lead);
    } else if (length == 2 && lead == 0xC2 && static_cast<unsigned char>(text[1]) < 0xA0) {
      append_hex_escape(out, static_cast<unsigned char>(text[1]));
    } else if (lead == '"' || lead == '\\') {
      out += {'\\', static_cast<char>(lead)};
    } else if (lead == '\n' || lead == '\t' || lead == '\r') {
      out += {'\\', lead == '\n' ? 'n' : lead == '\t' ? 't' : 'r'};
    } else {
      out.append(text.substr(0, length));
    }
    text.remove_prefix(length == 0 ? 1 : length);
  }
  return out + "\"";
}

}  // namespace

void TapReporter::start(std::size_t scenario_count) {
  out_ << "TAP version 13\n1.." << scenario_count << "\n";
}

void TapReporter::scenario(const ScenarioOutcome& outcome) {
  using Result = ScenarioOutcome::Result;
  ++number_;
  counts_.add(outcome);
  const bool ok = outcome.result == Result::passed || outcome.result == Result::skipped;
  out_ << (ok ? "ok " : "not ok ") << number_ << " - "
       << description(outcome.name.empty() ? outcome.file
                                           : outcome.file + " (" + outcome.name + ")");
  if (outcome.result == Result::skipped) {
    // The reason is ours, never a file name: it needs no escaping.
    out_ << " # SKIP " << (outcome.messages.empty() ? "not played" : outcome.messages.front());
  }
  out_ << "\n";
  if (ok) return;
  // The diagnostics of TAP 13: a YAML block indented under the test point it belongs to.
  const bool failed = outcome.result == Result::failed;
  out_ << "  ---\n"
       << "  message: " << yaml_quoted(failed ? describe(outcome.expectations) : "invalid scenario")
       << "\n"
       << "  severity: " << (failed ? "fail" : "error") << "\n"
       << "  file: " << yaml_quoted(outcome.file) << "\n";
  if (failed) {
    out_ << "  expectations:\n"
         << "    checked: " << outcome.expectations.checked << "\n"
         << "    failed: " << outcome.expectations.failed << "\n";
  }
  if (!outcome.messages.empty()) {
    // A literal block, one message a line: prove's YAMLish reader takes a quoted list item
    // with a colon before its first space ("- \"x.yaml:6: ...\"") for a mapping and fails.
    out_ << "  messages: |\n";
    for (const std::string& message : outcome.messages) out_ << "    " << one_line(message) << "\n";
  }
  out_ << "  ...\n";
}

void TapReporter::finish() {
  out_ << "# " << describe(counts_.expectations) << "\n# " << describe(counts_) << "\n";
  out_.flush();
}

}  // namespace qosbed::report
