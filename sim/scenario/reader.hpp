// The loader's building blocks: a Context that collects diagnostics, a checked view of a YAML
// map, and readers for the value types scenarios use. Each reader reports what is wrong at the
// value's mark and returns nullopt, so callers just skip a bad value and go on to find the next
// problem. Internal to the loader.
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "gqos/names.hpp"
#include "scenario/diagnostics.hpp"
#include "scenario/language.hpp"
#include "scenario/scenario.hpp"

namespace qosbed::scenario::detail {

class Context {
 public:
  explicit Context(std::string file) : file_(std::move(file)) {}

  const std::string& file() const { return file_; }
  // The node's place, 1-based; line 1 column 1 for a node without one (an empty document).
  Mark mark(const YAML::Node& node) const;
  void error(Mark mark, std::string message);
  // Diagnostics in file order (by line, then column, then when found).
  std::vector<Diagnostic> take();
  bool failed() const { return !diagnostics_.empty(); }

 private:
  std::string file_;
  std::vector<Diagnostic> diagnostics_;
};

// A value and what messages call it: the key it was written under (or the list it is in).
struct Value {
  std::string name;
  YAML::Node node;
  // The value's place, or its key's when the value is empty: yaml-cpp marks an empty value at
  // the next token, often on another line.
  Mark mark;
};

// 'text' for a scalar, else "a map", "a list" or "empty".
std::string describe(const YAML::Node& node);

// One key: value pair.
struct Entry {
  std::string key;
  Mark key_mark;
  Value value;
};

// A map's entries, first occurrence of each key, in file order. Building it reports keys that
// are not plain scalars and duplicate keys (yaml-cpp keeps both silently).
class MapView {
 public:
  MapView(Context& context, const YAML::Node& map);

  // Reports every key not in `first`, `keys` or `last`, with a suggestion or the keys allowed in
  // that order.
  void allow_only(std::span<const std::string_view> first, std::span<const language::Key> keys,
                  std::span<const std::string_view> last = {}) const;
  void allow_only(std::span<const language::Key> keys) const { allow_only({}, keys); }
  const Entry* find(std::string_view key) const;
  // Reports a missing key at the map's mark.
  const Entry* require(std::string_view key) const;
  const std::vector<Entry>& entries() const { return entries_; }
  const Mark& mark() const { return mark_; }

 private:
  Context* context_;
  Mark mark_;
  std::vector<Entry> entries_;
};

// A value that must be a map, checked and viewed; nullopt (reported) when it is not.
std::optional<MapView> map_of(Context& context, const Value& value);
// A value that must be a list; its items as Values named after it.
std::optional<std::vector<Value>> list_of(Context& context, const Value& value,
                                          std::string_view expectation);

std::optional<std::string> text(Context& context, const Value& value, std::string_view expectation);
std::optional<std::uint32_t> u32(Context& context, const Value& value);
// A u32, or `not_specified` for QOS_NOT_SPECIFIED (FLOWSPEC and ADSPEC fields).
std::optional<std::uint32_t> u32_or_unspecified(Context& context, const Value& value);
// A byte count up to limits::max_buffer_bytes.
std::optional<std::uint32_t> buffer_bytes(Context& context, const Value& value,
                                          std::string_view expectation);
std::optional<std::int64_t> i64(Context& context, const Value& value);
std::optional<bool> boolean(Context& context, const Value& value);
// A gqos name (any spelling gqos::value_of reads) or a number.
std::optional<std::uint32_t> named(Context& context, const Value& value, gqos::NameGroup group);
// A duration: digits, an optional fraction, then us, ms or s; integer microseconds.
std::optional<std::int64_t> duration(Context& context, const Value& value);

// One of a small fixed set of words; `title` names the set in messages ("role", "mode").
std::optional<std::size_t> choice_index(Context& context, const Value& value,
                                        std::string_view title,
                                        std::span<const std::string_view> names);

// The value a file's word picks among `values`: the one at the index of the word among `words`
// (the language's, in its order). Reported when the word is none of them.
template <typename T, std::size_t N>
std::optional<T> word(Context& context, const Value& value, std::string_view title,
                      std::span<const std::string_view> words, const T (&values)[N]) {
  const auto index = choice_index(context, value, title, words);
  if (!index || *index >= N) return std::nullopt;
  return values[*index];
}

}  // namespace qosbed::scenario::detail
