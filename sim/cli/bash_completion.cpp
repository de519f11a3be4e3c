#include "cli/bash_completion.hpp"

#include "cli/command_table.hpp"
#include "cli/option_facts.hpp"

namespace qosbed::cli {

namespace {

// How the word after an option is completed, from the name its description gives the value:
// choices written a|b|c, a folder (DIR), nothing for a number or a name, a file otherwise.
std::string value_completion(const std::string& value) {
  if (value.find('|') != std::string::npos) {
    std::string words = value;
    for (char& c : words) {
      if (c == '|') c = ' ';
    }
    return "_qosbed_words '" + words + "'";
  }
  if (value == "DIR") return "_qosbed_folders";
  if (value == "N" || value == "NAME") return ":";
  return "_qosbed_files";
}

std::string_view operand_completion(Operands operands) {
  switch (operands) {
    case Operands::none:
      return ":";
    case Operands::files:
      return "_qosbed_files";
    case Operands::folders:
      return "_qosbed_folders";
    case Operands::files_or_folders:
      break;
  }
  return "_qosbed_files";
}

std::string command_case(const Command& command) {
  std::string words;
  std::string values;
  for (const OptionFacts& option : option_facts(command.help().options)) {
    std::string names = option.long_name;
    if (!option.short_name.empty()) names = option.short_name + "|" + names;
    words += (words.empty() ? "" : " ") + option.long_name;
    if (!option.short_name.empty()) words += " " + option.short_name;
    if (!option.value.empty()) {
      values += "        " + names + ") " + value_completion(option.value) + "; return ;;\n";
    }
  }
  std::string text = "    " + std::string(command.name) + ")\n";
  if (!values.empty()) text += "      case $prev in\n" + values + "      esac\n";
  text += "      options='" + words + "'\n";
  text += "      operands=" + std::string(operand_completion(command.operands)) + " ;;\n";
  return text;
}

}  // namespace

std::string bash_completion() {
  std::string names;
  for (const Command& command : command_table()) {
    names += (names.empty() ? "" : " ") + std::string(command.name);
  }
  std::string text =
      "# bash completion for qosbed, generated from the option descriptions its commands parse\n"
      "# with (qosbed COMMAND --help says the same).\n"
      "\n"
      "_qosbed_words() {\n"
      "  mapfile -t COMPREPLY < <(compgen -W \"$1\" -- \"$cur\")\n"
      "}\n"
      "_qosbed_files() {\n"
      "  compopt -o filenames 2>/dev/null\n"
      "  mapfile -t COMPREPLY < <(compgen -f -- \"$cur\")\n"
      "}\n"
      "_qosbed_folders() {\n"
      "  compopt -o filenames 2>/dev/null\n"
      "  mapfile -t COMPREPLY < <(compgen -d -- \"$cur\")\n"
      "}\n"
      "\n"
      "_qosbed() {\n"
      "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}\n"
      "  local commands='" +
      names +
      "'\n"
      "  COMPREPLY=()\n"
      "  if ((COMP_CWORD == 1)); then\n"
      "    _qosbed_words \"$commands help --help --version\"\n"
      "    return\n"
      "  fi\n"
      "  local options operands\n"
      "  case ${COMP_WORDS[1]} in\n"
      "    help)\n"
      "      ((COMP_CWORD == 2)) && _qosbed_words \"$commands\"\n"
      "      return ;;\n";
  for (const Command& command : command_table()) text += command_case(command);
  text +=
      "    *) return ;;\n"
      "  esac\n"
      "  if [[ $cur == -* ]]; then\n"
      "    _qosbed_words \"$options\"\n"
      "  else\n"
      "    $operands\n"
      "  fi\n"
      "}\n"
      "complete -F _qosbed qosbed\n";
  return text;
}

}  // namespace qosbed::cli
