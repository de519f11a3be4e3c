#include "scenario/reader.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "gqos/constants.hpp"
#include "scenario/limits.hpp"
#include "scenario/messages.hpp"
#include "scenario/suggest.hpp"

namespace qosbed::scenario::detail {
namespace {

constexpr std::string_view u32_expectation = "a number from 0 to 4294967295";

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Decimal, or hex after 0x; nothing else (no sign, no spaces), and it must fit 64 bits.
std::optional<std::uint64_t> parse_u64(std::string_view text) {
  int base = 10;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    text.remove_prefix(2);
    base = 16;
  }
  if (text.empty()) return std::nullopt;
  std::uint64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value, base);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<std::uint32_t> parse_u32(std::string_view text) {
  auto value = parse_u64(text);
  if (!value || *value > 0xFFFFFFFFu) return std::nullopt;
  return static_cast<std::uint32_t>(*value);
}

// Styles are also named without their _STYLE suffix, as RSVP texts do ("fixed_filter").
std::optional<std::uint32_t> value_of_name(gqos::NameGroup group, std::string_view text) {
  if (auto value = gqos::value_of(group, text)) return value;
  if (group == gqos::NameGroup::rsvp_style) {
    return gqos::value_of(group, std::string(text) + "_STYLE");
  }
  return std::nullopt;
}

std::optional<std::string_view> suggest_name(gqos::NameGroup group, std::string_view text) {
  if (group == gqos::NameGroup::rsvp_style) {
    return closest_name(group, std::string(text) + "_STYLE");
  }
  return closest_name(group, text);
}

}  // namespace

Mark Context::mark(const YAML::Node& node) const {
  const YAML::Mark place = node.Mark();
  if (place.is_null() || place.line < 0 || place.column < 0) return Mark{file_, 1, 1};
  return Mark{file_, place.line + 1, place.column + 1};
}

void Context::error(Mark mark, std::string message) {
  Diagnostic diagnostic{std::move(mark), std::move(message)};
  // A value read twice (a driven entry's FLOWSPEC, read and then compared) is told once.
  if (std::find(diagnostics_.begin(), diagnostics_.end(), diagnostic) != diagnostics_.end()) return;
  diagnostics_.push_back(std::move(diagnostic));
}

std::vector<Diagnostic> Context::take() {
  std::stable_sort(diagnostics_.begin(), diagnostics_.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     if (a.mark.line != b.mark.line) return a.mark.line < b.mark.line;
                     return a.mark.column < b.mark.column;
                   });
  return std::move(diagnostics_);
}

std::string describe(const YAML::Node& node) {
  if (node.IsMap()) return "a map";
  if (node.IsSequence()) return "a list";
  if (!node.IsScalar()) return "empty";
  // Long or binary scalars are cut so a message stays one readable line.
  constexpr std::size_t shown = 40;
  std::string text;
  for (char c : node.Scalar().substr(0, shown)) {
    text.push_back(std::isprint(static_cast<unsigned char>(c)) ? c : '?');
  }
  if (node.Scalar().size() > shown) text += "...";
  return "'" + text + "'";
}

MapView::MapView(Context& context, const YAML::Node& map)
    : context_(&context), mark_(context.mark(map)) {
  entries_.reserve(map.size());  // one allocation per map, not one per doubling
  for (const auto& pair : map) {
    const YAML::Node& key = pair.first;
    const Mark key_mark = context.mark(key);
    if (!key.IsScalar()) {
      context.error(key_mark, msg::key_not_scalar(describe(key)));
      continue;
    }
    if (const Entry* first = find(key.Scalar())) {
      context.error(key_mark, msg::duplicate_key(key.Scalar(), first->key_mark.line));
      continue;
    }
    const YAML::Node& value = pair.second;
    const Mark value_mark = value.IsNull() ? key_mark : context.mark(value);
    entries_.push_back(Entry{key.Scalar(), key_mark, Value{key.Scalar(), value, value_mark}});
  }
}

void MapView::allow_only(std::span<const std::string_view> first,
                         std::span<const language::Key> keys,
                         std::span<const std::string_view> last) const {
  for (const Entry& entry : entries_) {
    const auto in = [&entry](std::span<const std::string_view> names) {
      return std::find(names.begin(), names.end(), entry.key) != names.end();
    };
    if (in(first) || language::has_key(keys, entry.key) || in(last)) continue;
    std::vector<std::string_view> allowed(first.begin(), first.end());
    for (const language::Key& key : keys) allowed.push_back(key.name);
    allowed.insert(allowed.end(), last.begin(), last.end());
    context_->error(entry.key_mark,
                    msg::unknown_key(entry.key, closest(entry.key, allowed), allowed));
  }
}

const Entry* MapView::find(std::string_view key) const {
  for (const Entry& entry : entries_) {
    if (entry.key == key) return &entry;
  }
  return nullptr;
}

const Entry* MapView::require(std::string_view key) const {
  const Entry* entry = find(key);
  if (!entry) context_->error(mark_, msg::missing_key(key));
  return entry;
}

std::optional<MapView> map_of(Context& context, const Value& value) {
  if (!value.node.IsMap()) {
    context.error(value.mark, msg::must_be(value.name, "a map", describe(value.node)));
    return std::nullopt;
  }
  return MapView(context, value.node);
}

std::optional<std::vector<Value>> list_of(Context& context, const Value& value,
                                          std::string_view expectation) {
  if (!value.node.IsSequence()) {
    context.error(value.mark, msg::must_be(value.name, expectation, describe(value.node)));
    return std::nullopt;
  }
  std::vector<Value> items;
  items.reserve(value.node.size());
  // Each item is named by its place, as yq and jq write it (from 0): what is wrong with one item
  // of a list is told of that item.
  for (const YAML::Node& item : value.node) {
    items.push_back(Value{value.name + "[" + std::to_string(items.size()) + "]", item,
                          item.IsNull() ? value.mark : context.mark(item)});
  }
  return items;
}

namespace {

// The text of a scalar `value`, or null after reporting what was expected, which `expectation()`
// builds only then: most values are good, and some expectations are long to build.
template <typename Expectation>
const std::string* scalar_text(Context& context, const Value& value, Expectation expectation) {
  if (value.node.IsScalar()) return &value.node.Scalar();
  context.error(value.mark, msg::must_be(value.name, expectation(), describe(value.node)));
  return nullptr;
}

}  // namespace

std::optional<std::string> text(Context& context, const Value& value,
                                std::string_view expectation) {
  if (const std::string* written = scalar_text(context, value, [&] { return expectation; }))
    return *written;
  return std::nullopt;
}

std::optional<std::uint32_t> u32(Context& context, const Value& value) {
  auto written = text(context, value, u32_expectation);
  if (!written) return std::nullopt;
  auto number = parse_u32(*written);
  if (!number)
    context.error(value.mark, msg::must_be(value.name, u32_expectation, describe(value.node)));
  return number;
}

std::optional<std::uint32_t> u32_or_unspecified(Context& context, const Value& value) {
  constexpr std::string_view expectation = "a number from 0 to 4294967295 or not_specified";
  auto written = text(context, value, expectation);
  if (!written) return std::nullopt;
  if (*written == "not_specified") return gqos::qos_not_specified;
  auto number = parse_u32(*written);
  if (!number) {
    context.error(value.mark, msg::must_be(value.name, expectation, describe(value.node)));
  }
  return number;
}

std::optional<std::uint32_t> buffer_bytes(Context& context, const Value& value,
                                          std::string_view expectation) {
  auto written = text(context, value, expectation);
  if (!written) return std::nullopt;
  auto number = parse_u64(*written);
  if (!number) {
    context.error(value.mark, msg::must_be(value.name, expectation, describe(value.node)));
    return std::nullopt;
  }
  if (*number > limits::max_buffer_bytes) {
    context.error(value.mark, msg::over_cap(value.name, *number, limits::max_buffer_bytes));
    return std::nullopt;
  }
  return static_cast<std::uint32_t>(*number);
}

std::optional<std::int64_t> i64(Context& context, const Value& value) {
  constexpr std::string_view expectation = "a whole number";
  auto written = text(context, value, expectation);
  if (!written) return std::nullopt;
  std::int64_t number = 0;
  const char* end = written->data() + written->size();
  auto [stop, ec] = std::from_chars(written->data(), end, number);
  if (written->empty() || ec != std::errc{} || stop != end) {
    context.error(value.mark, msg::must_be(value.name, expectation, describe(value.node)));
    return std::nullopt;
  }
  return number;
}

std::optional<bool> boolean(Context& context, const Value& value) {
  constexpr std::string_view expectation = "true or false";
  auto written = text(context, value, expectation);
  if (!written) return std::nullopt;
  if (*written == "true") return true;
  if (*written == "false") return false;
  context.error(value.mark, msg::must_be(value.name, expectation, describe(value.node)));
  return std::nullopt;
}

std::optional<std::uint32_t> named(Context& context, const Value& value, gqos::NameGroup group) {
  auto expectation = [group] {
    return "a " + std::string(gqos::group_title(group)) + " name or a number from 0 to 4294967295";
  };
  const std::string* scalar = scalar_text(context, value, expectation);
  if (!scalar) return std::nullopt;
  const std::string& written = *scalar;
  if (auto number = value_of_name(group, written)) return number;
  if (!written.empty() && (is_digit(written.front()) || written.front() == '-')) {
    context.error(value.mark, msg::must_be(value.name, expectation(), describe(value.node)));
  } else {
    context.error(value.mark, msg::unknown(gqos::group_title(group), written,
                                           suggest_name(group, written), {}));
  }
  return std::nullopt;
}

std::optional<std::int64_t> duration(Context& context, const Value& value) {
  constexpr std::string_view expectation = "a duration such as 10ms, 5us or 2s";
  constexpr std::string_view units[] = {"us", "ms", "s"};
  constexpr int unit_digits[] = {0, 3, 6};  // log10 of microseconds per unit
  auto written = text(context, value, expectation);
  if (!written) return std::nullopt;
  std::string_view rest = *written;
  const bool minus = !rest.empty() && rest.front() == '-';
  if (minus) rest.remove_prefix(1);
  auto digits = [&rest] {
    std::size_t n = 0;
    while (n < rest.size() && is_digit(rest[n])) ++n;
    std::string_view taken = rest.substr(0, n);
    rest.remove_prefix(n);
    return taken;
  };
  const std::string_view whole = digits();
  std::string_view fraction;
  if (!whole.empty() && !rest.empty() && rest.front() == '.') {
    rest.remove_prefix(1);
    fraction = digits();
    if (fraction.empty()) rest = ".";  // "1." is not a number
  }
  if (whole.empty() || rest.starts_with('.')) {
    context.error(value.mark, msg::must_be(value.name, expectation, describe(value.node)));
    return std::nullopt;
  }
  if (rest.empty()) {
    context.error(value.mark, msg::needs_unit(value.name, *written));
    return std::nullopt;
  }
  const auto unit = std::find(std::begin(units), std::end(units), rest);
  if (unit == std::end(units)) {
    context.error(value.mark, msg::unknown_unit(rest, *written, closest(rest, units), units));
    return std::nullopt;
  }
  if (minus) {
    context.error(value.mark, msg::negative(value.name, *written));
    return std::nullopt;
  }
  // value = whole + fraction, in units of 10^scale microseconds; the fraction must not reach
  // below one microsecond once its trailing zeros are dropped.
  const int scale = unit_digits[unit - std::begin(units)];
  while (!fraction.empty() && fraction.back() == '0') fraction.remove_suffix(1);
  if (static_cast<int>(fraction.size()) > scale) {
    context.error(value.mark, msg::fractional_us(value.name, *written));
    return std::nullopt;
  }
  auto whole_number = parse_u64(whole);
  std::int64_t per_unit = 1;
  for (int i = 0; i < scale; ++i) per_unit *= 10;
  if (!whole_number || *whole_number > static_cast<std::uint64_t>(limits::max_time_us)) {
    context.error(value.mark, msg::time_too_large(value.name, *written));
    return std::nullopt;
  }
  std::int64_t fraction_us = 0;
  if (!fraction.empty()) {
    fraction_us = static_cast<std::int64_t>(*parse_u64(fraction));
    for (int i = static_cast<int>(fraction.size()); i < scale; ++i) fraction_us *= 10;
  }
  // whole <= 10^15 and per_unit <= 10^6 could still overflow; compare before multiplying.
  if (static_cast<std::int64_t>(*whole_number) > (limits::max_time_us - fraction_us) / per_unit) {
    context.error(value.mark, msg::time_too_large(value.name, *written));
    return std::nullopt;
  }
  return static_cast<std::int64_t>(*whole_number) * per_unit + fraction_us;
}

std::optional<std::size_t> choice_index(Context& context, const Value& value,
                                        std::string_view title,
                                        std::span<const std::string_view> names) {
  const std::string* scalar = scalar_text(context, value, [names] {
    std::string expectation = "one of";
    for (std::string_view name : names)
      expectation += (expectation.size() > 6 ? ", " : " ") + std::string(name);
    return expectation;
  });
  if (!scalar) return std::nullopt;
  const std::string& written = *scalar;
  const auto found = std::find(names.begin(), names.end(), written);
  if (found != names.end()) return static_cast<std::size_t>(found - names.begin());
  context.error(value.mark, msg::unknown(title, written, closest(written, names), names));
  return std::nullopt;
}

}  // namespace qosbed::scenario::detail
