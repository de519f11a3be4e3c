#include "cli/man_page.hpp"

#include <sstream>
#include <vector>

#include "cli/command_table.hpp"
#include "cli/option_facts.hpp"

namespace qosbed::cli {

namespace {

// Text as roff reads it literally: backslashes escaped, a dash that starts an option written \-
// (a real minus, so that searching the page for "--trace" finds it), and a line that would
// start with a control character guarded.
std::string roff(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-' && (i == 0 || std::string_view(" [(|`/-").find(text[i - 1]) !=
                                          std::string_view::npos)) {
      out += "\\-";
    } else {
      out += c;
    }
  }
  if (!out.empty() && (out.front() == '.' || out.front() == '\'')) out.insert(0, "\\&");
  return out;
}

std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> lines;
  std::istringstream in{std::string(text)};
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string trimmed(const std::string& line) {
  const std::size_t start = line.find_first_not_of(' ');
  return start == std::string::npos ? "" : line.substr(start);
}

// A usage text: its usage lines as the synopsis, then each paragraph filled by roff.
std::string usage_section(std::string_view usage) {
  const std::vector<std::string> lines = lines_of(usage);
  constexpr std::string_view prefix = "usage: ";
  std::string out = ".nf\n";
  std::size_t i = 0;
  for (; i < lines.size() && !lines[i].empty(); ++i) {
    const std::string& line = lines[i];
    // Continuation lines are indented under the first; the synopsis keeps that, less "usage: ".
    const std::string text = line.starts_with(prefix)      ? line.substr(prefix.size())
                             : line.size() > prefix.size() ? line.substr(prefix.size())
                                                           : trimmed(line);
    out += roff(text) + "\n";
  }
  out += ".fi\n";
  bool paragraph = false;
  for (; i < lines.size(); ++i) {
    const std::string text = trimmed(lines[i]);
    if (text.empty()) {
      paragraph = false;
      continue;
    }
    if (!paragraph) out += ".PP\n";
    paragraph = true;
    out += roff(text) + "\n";
  }
  return out;
}

std::string options_section(const CommandHelp& help) {
  std::string out;
  for (const OptionFacts& option : option_facts(help.options)) {
    out += ".TP\n";
    if (!option.short_name.empty()) out += "\\fB" + roff(option.short_name) + "\\fR, ";
    out += "\\fB" + roff(option.long_name) + "\\fR";
    if (!option.value.empty()) out += " \\fI" + roff(option.value) + "\\fR";
    out += "\n" + roff(option.description) + "\n";
  }
  return out;
}

}  // namespace

std::string man_page() {
  std::string summary(program_summary);
  summary.front() = static_cast<char>(std::tolower(static_cast<unsigned char>(summary.front())));
  if (summary.back() == '.') summary.pop_back();
  std::string out = ".TH QOSBED 1 \"\" \"qosbed " QOSBED_VERSION "\" \"User Commands\"\n";
  out += ".SH NAME\nqosbed \\- " + roff(summary) + "\n";
  out += ".SH SYNOPSIS\n.nf\n";
  out +=
      "\\fBqosbed\\fR [\\fB\\-\\-help\\fR] [\\fB\\-\\-version\\fR] \\fICOMMAND\\fR "
      "[\\fIARGS\\fR...]\n";
  out += "\\fBqosbed help\\fR [\\fICOMMAND\\fR]\n.fi\n";
  out += ".SH DESCRIPTION\n" + roff(program_summary) + "\n";
  out += ".PP\nThe commands, each described below as its \\fB\\-\\-help\\fR describes it:\n";
  for (const Command& command : command_table()) {
    out += ".TP\n\\fB" + std::string(command.name) + "\\fR\n" + roff(command.summary) + "\n";
  }
  out +=
      ".TP\n\\fBhelp\\fR [\\fICOMMAND\\fR]\nprints the text of \\fBqosbed\\fR \\fICOMMAND\\fR "
      "\\fB\\-\\-help\\fR, or the list of commands\n";
  out += ".SH COMMANDS\n";
  for (const Command& command : command_table()) {
    const CommandHelp help = command.help();
    out += ".SS \"qosbed " + std::string(command.name) + "\"\n";
    out += usage_section(help.usage);
    out += options_section(help);
  }
  out += ".SH \"EXIT STATUS\"\n";
  for (const std::string& line : lines_of(exit_codes_text)) out += roff(line) + "\n";
  return out;
}

}  // namespace qosbed::cli
