#include "cli/command_words.hpp"

namespace qosbed::cli {

std::optional<std::vector<std::string>> command_words(std::string_view text, std::string& error) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;  // a quoted empty string is a word too
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n') {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
    } else if (c == '\\') {
      if (++i == text.size()) {
        error = "a backslash ends it";
        return std::nullopt;
      }
      word += text[i];
      in_word = true;
    } else if (c == '\'' || c == '"') {
      const std::size_t close = text.find(c, i + 1);
      if (close == std::string_view::npos) {
        error = std::string("the quote ") + c + " at character " + std::to_string(i + 1) +
                " of the command is not closed";
        return std::nullopt;
      }
      word.append(text.substr(i + 1, close - i - 1));
      i = close;
      in_word = true;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(std::move(word));
  return words;
}

}  // namespace qosbed::cli
