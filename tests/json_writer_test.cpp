#define BOOST_TEST_MODULE json_writer
#include "report/json_writer.hpp"

#include <boost/test/unit_test.hpp>
#include <charconv>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "report/decimal.hpp"

using namespace qosbed::report;

namespace {

std::string decimal(std::uint32_t value) {
  char digits[16];
  return {digits, put_decimal(digits, value)};
}

std::string expected_decimal(std::uint32_t value) {
  char digits[16];
  return {digits, std::to_chars(digits, digits + sizeof digits, value).ptr};
}

}  // namespace

// put_decimal picks its multiplier by digit count: the values at each count's ends, and a sweep.
BOOST_AUTO_TEST_CASE(decimal_digits_match_to_chars) {
  std::vector<std::uint32_t> values = {std::numeric_limits<std::uint32_t>::max()};
  for (std::uint64_t power = 1; power <= 1'000'000'000; power *= 10) {
    for (std::uint64_t near = power - 1; near <= power + 1; ++near) {
      values.push_back(static_cast<std::uint32_t>(near));
      values.push_back(static_cast<std::uint32_t>(2 * near));
      values.push_back(static_cast<std::uint32_t>(5 * near));
    }
  }
  for (std::uint32_t value = 0; value < 200'000; ++value) values.push_back(value);
  for (std::uint64_t value = 0; value <= std::numeric_limits<std::uint32_t>::max();
       value += 9'973) {
    values.push_back(static_cast<std::uint32_t>(value));
  }
  std::size_t wrong = 0;
  for (const std::uint32_t value : values) {
    if (decimal(value) != expected_decimal(value)) {
      BOOST_TEST_MESSAGE(value << " came out as " << decimal(value));
      ++wrong;
    }
  }
  BOOST_TEST(wrong == 0u);
}

BOOST_AUTO_TEST_CASE(an_object_has_its_fields_in_order_with_commas_between) {
  TextBuffer out;
  {
    JsonObject object(out);
    object.number("small", 7u);
    object.number("negative", std::int64_t{-9'223'372'036'854'775'807} - 1);
    object.number("large", std::uint64_t{18'446'744'073'709'551'615u});
    object.literal("none", "null");
    object.name("status", "WSA_QOS_SENDERS", "_name");
    object.hex("bytes", std::vector<std::byte>{std::byte{0x00}, std::byte{0xAB}, std::byte{0x7F}});
    {
      JsonObject inner = object.object("inner");
      inner.number("a", 1);
    }
    { JsonObject empty = object.object("empty"); }
    object.strings("list", std::vector<std::string>{"x", "y"});
    object.strings("no_list", std::vector<std::string>{});
  }
  BOOST_TEST(out.text() ==
             R"({"small":7,"negative":-9223372036854775808,"large":18446744073709551615,)"
             R"("none":null,"status_name":"WSA_QOS_SENDERS","bytes":"00ab7f","inner":{"a":1},)"
             R"("empty":{},"list":["x","y"],"no_list":[]})");
}

BOOST_AUTO_TEST_CASE(an_array_of_objects_has_one_object_per_item) {
  TextBuffer out;
  {
    JsonObject object(out);
    const std::vector<int> items{1, 2};
    object.objects("items", items, [](JsonObject& item, int value) {
      item.number("value", value);
      item.strings("seen", std::vector<std::string>(static_cast<std::size_t>(value), "a\"b"));
    });
    object.objects("none", std::vector<int>{}, [](JsonObject&, int) {});
    object.objects("empty", items, [](JsonObject&, int) {});
  }
  BOOST_TEST(out.text() ==
             R"({"items":[{"value":1,"seen":["a\"b"]},{"value":2,"seen":["a\"b","a\"b"]}],)"
             R"("none":[],"empty":[{},{}]})");
}

BOOST_AUTO_TEST_CASE(an_array_holds_objects_with_commas_between) {
  TextBuffer out;
  {
    JsonObject object(out);
    {
      JsonArray items = object.array("items");
      items.object().number("a", 1);
      { JsonObject second = items.object(); }
      JsonObject third = items.object();
      third.name("b", "X");
      third.number("c", 3);
    }
    { JsonArray none = object.array("none"); }
    object.number("after", 4);
  }
  BOOST_TEST(out.text() == R"({"items":[{"a":1},{},{"b":"X","c":3}],"none":[],"after":4})");
}

BOOST_AUTO_TEST_CASE(an_empty_object_is_two_braces) {
  TextBuffer out;
  { JsonObject object(out); }
  BOOST_TEST(out.text() == "{}");
}

BOOST_AUTO_TEST_CASE(strings_escape_quotes_backslashes_and_control_characters) {
  TextBuffer out;
  {
    JsonObject object(out);
    object.string("s", std::string("a\"b\\c\n\x01\x1f\x7f\xc3\xa9", 11));
  }
  BOOST_TEST(out.text() == "{\"s\":\"a\\\"b\\\\c\\u000a\\u0001\\u001f\x7f\xc3\xa9\"}");
}

BOOST_AUTO_TEST_CASE(a_buffer_grows_past_any_line_and_is_reused_after_clear) {
  TextBuffer out;
  const std::string long_text(100'000, 'x');
  {
    JsonObject object(out);
    object.string("long", long_text);
  }
  BOOST_TEST(out.text() == "{\"long\":\"" + long_text + "\"}");
  out.clear();
  { JsonObject object(out); }
  BOOST_TEST(out.text() == "{}");
}

BOOST_AUTO_TEST_CASE(hex_has_two_lowercase_digits_per_byte_at_every_length) {
  constexpr char digits[] = "0123456789abcdef";
  std::vector<std::byte> bytes;  // every byte value once, in a scrambled order
  for (unsigned i = 0; i < 256; ++i) bytes.push_back(static_cast<std::byte>((i * 37 + 11) & 0xFF));
  for (std::size_t length = 0; length <= bytes.size(); ++length) {
    std::string expected = "{\"h\":\"";
    for (std::size_t i = 0; i < length; ++i) {
      const auto value = static_cast<unsigned>(bytes[i]);
      expected += digits[value >> 4];
      expected += digits[value & 0xF];
    }
    expected += "\"}";
    TextBuffer out;
    {
      JsonObject object(out);
      object.hex("h", std::span<const std::byte>(bytes).first(length));
    }
    BOOST_TEST(out.text() == expected);
  }
}
