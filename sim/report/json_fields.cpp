#include "report/json_fields.hpp"

namespace qosbed::report {
namespace {

// A recursive-descent reader of just enough JSON for a trace line; it checks the structure, and
// keeps numbers and strings as written, since the difference shows them as written.
class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  bool object(const std::string& path, std::vector<JsonField>& fields) {
    if (!take('{')) return false;
    if (take('}')) return empty(path, "{}", fields);
    do {
      skip_space();
      const std::size_t start = at_;
      if (!string()) return false;
      // Trace keys are plain words; an escaped key keeps its escapes in the path.
      const std::string key(text_.substr(start + 1, at_ - start - 2));
      if (!take(':') || !value(path.empty() ? key : path + "." + key, fields)) return false;
    } while (take(','));
    return take('}');
  }

  bool at_end() {
    skip_space();
    return at_ == text_.size();
  }

 private:
  bool value(const std::string& path, std::vector<JsonField>& fields) {
    skip_space();
    if (at_ == text_.size()) return false;
    if (text_[at_] == '{') return object(path, fields);
    if (text_[at_] == '[') return array(path, fields);
    const std::size_t start = at_;
    if (!(text_[at_] == '"' ? string() : word())) return false;
    fields.push_back({path, text_.substr(start, at_ - start)});
    return true;
  }

  bool array(const std::string& path, std::vector<JsonField>& fields) {
    take('[');
    if (take(']')) return empty(path, "[]", fields);
    std::size_t index = 0;
    do {
      if (!value(path + "[" + std::to_string(index++) + "]", fields)) return false;
    } while (take(','));
    return take(']');
  }

  static bool empty(const std::string& path, std::string_view text,
                    std::vector<JsonField>& fields) {
    fields.push_back({path, text});
    return true;
  }

  bool string() {
    if (at_ == text_.size() || text_[at_] != '"') return false;
    for (++at_; at_ < text_.size(); ++at_) {
      if (text_[at_] == '\\') {
        ++at_;
      } else if (text_[at_] == '"') {
        ++at_;
        return true;
      }
    }
    return false;
  }

  // A number, true, false or null.
  bool word() {
    const std::size_t start = at_;
    constexpr std::string_view letters = "+-.0123456789eEtrufalsn";
    while (at_ < text_.size() && letters.find(text_[at_]) != std::string_view::npos) ++at_;
    return at_ > start;
  }

  bool take(char c) {
    skip_space();
    if (at_ < text_.size() && text_[at_] == c) {
      ++at_;
      return true;
    }
    return false;
  }

  void skip_space() {
    while (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == '\t' || text_[at_] == '\r'))
      ++at_;
  }

  std::string_view text_;
  std::size_t at_ = 0;
};

}  // namespace

std::optional<std::vector<JsonField>> json_fields(std::string_view line) {
  Reader reader(line);
  std::vector<JsonField> fields;
  if (!reader.object("", fields) || !reader.at_end()) return std::nullopt;
  return fields;
}

}  // namespace qosbed::report
