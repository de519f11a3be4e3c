// Writes JSON objects into one growable buffer of characters, for the trace's JSON Lines. A trace
// line is many short pieces; each field reserves room once and is then written through a plain
// pointer, so a field costs a few stores rather than a string append per piece.
#pragma once

#include <algorithm>
#include <array>
#include <charconv>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "report/decimal.hpp"

namespace qosbed::report {

// Characters written through a pointer: ask for room, write, then say where the writing ended.
// The buffer only grows, so once it has reached the size of the longest line, reusing it for
// the next line costs no allocation.
class TextBuffer {
 public:
  // Where the next `count` characters go; the pointer is good until the next call to room().
  char* room(std::size_t count) {
    if (storage_.size() - size_ < count) grow(count);
    return storage_.data() + size_;
  }
  // Keeps what was written from room()'s pointer up to `end`.
  void commit(const char* end) { size_ = static_cast<std::size_t>(end - storage_.data()); }

  void append(char c) {
    *room(1) = c;
    ++size_;
  }
  void append(std::string_view text) {
    std::memcpy(room(text.size()), text.data(), text.size());
    size_ += text.size();
  }
  // The last character, which a closing bracket may overwrite; the buffer must not be empty.
  char& back() { return storage_[size_ - 1]; }

  std::string_view text() const { return {storage_.data(), size_}; }
  void clear() { size_ = 0; }

 private:
  void grow(std::size_t count) { storage_.resize(std::max(2 * storage_.size(), size_ + count)); }

  std::vector<char> storage_;  // all of it is room; size_ says how much is text
  std::size_t size_ = 0;
};

// Writes `"key":value` fields into a buffer, from '{' at construction to '}' at destruction.
// Each field ends with a comma and the closing brace takes the place of the last one, which spares
// every field asking whether it is the first. Keys are string literals: their lengths are known at
// compile time, so copying one is a few moves, not a call to memcpy.
class JsonArray;

class JsonObject {
 public:
  explicit JsonObject(TextBuffer& out) : JsonObject(out, "") {}
  ~JsonObject() {
    close(out_, '}');
    out_.append(after_);
  }
  JsonObject(const JsonObject&) = delete;
  JsonObject& operator=(const JsonObject&) = delete;

  template <std::size_t N, std::integral T>
  void number(const char (&key)[N], T value) {
    char* at = out_.room(key_room(key) + max_digits + 1);
    at = put_key(at, key);
    if (std::in_range<std::uint32_t>(value)) {  // nearly every number of a trace
      at = put_decimal(at, static_cast<std::uint32_t>(value));
    } else {
      at = std::to_chars(at, at + max_digits, value).ptr;
    }
    *at++ = ',';
    out_.commit(at);
  }
  // A string that may hold anything: quotes, backslashes and control characters are escaped.
  template <std::size_t N>
  void string(const char (&key)[N], std::string_view value) {
    char* at = out_.room(key_room(key) + quoted_room(value) + 1);
    at = put_quoted(put_key(at, key), value);
    *at++ = ',';
    out_.commit(at);
  }
  // A name from the SDK's tables or the trace's own vocabulary ("WSA_QOS_SENDERS", "completion"):
  // letters, digits and '_' or '|' only, so it is copied without looking for characters to escape.
  // The key may take a suffix: "error" and "_name" make "error_name".
  template <std::size_t N, std::size_t S = 1>
  void name(const char (&key)[N], std::string_view value, const char (&key_suffix)[S] = "") {
    char* at = out_.room(key_room(key) + S + value.size() + 3);
    at = put_key(at, key, key_suffix);
    *at++ = '"';
    std::memcpy(at, value.data(), value.size());
    at += value.size();
    *at++ = '"';
    *at++ = ',';
    out_.commit(at);
  }
  // A JSON literal written as is: "null", "true", "false".
  template <std::size_t N>
  void literal(const char (&key)[N], std::string_view value) {
    char* at = out_.room(key_room(key) + value.size() + 1);
    at = put_key(at, key);
    std::memcpy(at, value.data(), value.size());
    at += value.size();
    *at++ = ',';
    out_.commit(at);
  }
  // Bytes as one string of lowercase hex digits, two per byte.
  template <std::size_t N>
  void hex(const char (&key)[N], std::span<const std::byte> bytes) {
    char* at = out_.room(key_room(key) + 2 * bytes.size() + 3);
    at = put_hex(put_key(at, key), bytes);
    *at++ = ',';
    out_.commit(at);
  }
  // An array of strings, each escaped as string() escapes it.
  template <std::size_t N, typename Strings>
  void strings(const char (&key)[N], const Strings& values) {
    out_.commit(put_key(out_.room(key_room(key)), key));
    out_.append('[');
    for (std::string_view value : values) {
      char* at = out_.room(quoted_room(value) + 1);
      at = put_quoted(at, value);
      *at++ = ',';
      out_.commit(at);
    }
    close(out_, ']');
    out_.append(',');
  }
  // An array of objects, one per item: `write(object, item)` writes each one's fields.
  template <std::size_t N, typename Items, typename Write>
  void objects(const char (&key)[N], const Items& items, Write write);
  // An object as the value of a field of this one: write its fields, and it closes (with the
  // comma that ends the field) when destroyed.
  template <std::size_t N>
  JsonObject object(const char (&key)[N]) {
    out_.commit(put_key(out_.room(key_room(key)), key));
    return JsonObject(out_, ",");
  }
  // An array of objects as the value of a field of this one; it closes when destroyed.
  template <std::size_t N>
  JsonArray array(const char (&key)[N]);

 private:
  friend class JsonArray;

  JsonObject(TextBuffer& out, std::string_view after) : out_(out), after_(after) {
    out_.append('{');
  }

  static constexpr std::size_t max_digits = 20;  // -9223372036854775808 or 18446744073709551615

  // Two hex digits for each byte value: the bytes put_hex does not take four at a time, and the
  // escapes of control characters, cost one table read each.
  static constexpr std::array<char, 512> hex_pairs = [] {
    constexpr char digits[] = "0123456789abcdef";
    std::array<char, 512> pairs{};
    for (std::size_t value = 0; value < 256; ++value) {
      pairs[2 * value] = digits[value >> 4];
      pairs[2 * value + 1] = digits[value & 0xF];
    }
    return pairs;
  }();

  // Ends an object or array: its last element's comma becomes the bracket ("{}" when empty).
  static void close(TextBuffer& out, char bracket) {
    if (out.back() == ',') {
      out.back() = bracket;
    } else {
      out.append(bracket);
    }
  }

  template <std::size_t N>
  static constexpr std::size_t key_room(const char (&)[N]) {
    return N + 2;  // `"key":` is the key's N - 1 characters and three more
  }
  // The most a quoted string can take: every character escaped as \u00XX.
  static std::size_t quoted_room(std::string_view value) { return 6 * value.size() + 2; }

  // Writes `"key<suffix>":` at `at`; returns where it ends.
  template <std::size_t N, std::size_t S = 1>
  static char* put_key(char* at, const char (&key)[N], const char (&suffix)[S] = "") {
    *at++ = '"';
    std::memcpy(at, key, N - 1);
    at += N - 1;
    std::memcpy(at, suffix, S - 1);
    at += S - 1;
    *at++ = '"';
    *at++ = ':';
    return at;
  }
  static char* put_quoted(char* at, std::string_view value);
  static char* put_hex(char* at, std::span<const std::byte> bytes);

  TextBuffer& out_;
  // What follows the closing brace: "," when the object is a field's value.
  std::string_view after_;
};

// The elements of an array field: each object() is one, closed before the next is begun.
class JsonArray {
 public:
  ~JsonArray() {
    JsonObject::close(out_, ']');
    out_.append(',');
  }
  JsonArray(const JsonArray&) = delete;
  JsonArray& operator=(const JsonArray&) = delete;

  JsonObject object() { return JsonObject(out_, ","); }

 private:
  friend class JsonObject;
  explicit JsonArray(TextBuffer& out) : out_(out) { out_.append('['); }

  TextBuffer& out_;
};

template <std::size_t N>
JsonArray JsonObject::array(const char (&key)[N]) {
  out_.commit(put_key(out_.room(key_room(key)), key));
  return JsonArray(out_);
}

template <std::size_t N, typename Items, typename Write>
void JsonObject::objects(const char (&key)[N], const Items& items, Write write) {
  JsonArray elements = array(key);
  for (const auto& item : items) {
    JsonObject element = elements.object();
    write(element, item);
  }
}

}  // namespace qosbed::report
