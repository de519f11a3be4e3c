#include "report/json_trace.hpp"

#include <algorithm>
#include <charconv>
#include <concepts>
#include <cstring>

#include "gqos/constants.hpp"
#include "gqos/names.hpp"

namespace qosbed::report {
namespace {

using gqos::NameGroup;

// Appends `"key":value` pairs, with the commas between them. Keys are this file's own string
// literals, taken by reference to the array so that their lengths are known at compile time:
// copying a key is then a few moves, not a call to memcpy, and that was much of a line's cost.
class JsonObject {
 public:
  explicit JsonObject(std::string& out) : out_(out) { out_ += '{'; }
  ~JsonObject() { out_ += '}'; }

  template <std::size_t N>
  void raw(const char (&key)[N], std::string_view value) {
    start(key);
    out_ += value;
  }
  // A field is gathered on the stack, key and value, and appended at once: a trace line is many
  // short pieces, and appending each on its own (or building it as a temporary string) was most
  // of the cost of a line. A number keeps its own type: most are 32-bit, and converting those
  // as 64-bit took longer.
  template <std::size_t N, std::integral T>
  void number(const char (&key)[N], T value) {
    char text[field_room];
    std::size_t size = key_text(text, key);
    size =
        static_cast<std::size_t>(std::to_chars(text + size, text + sizeof text, value).ptr - text);
    out_.append(text, size);
  }
  template <std::size_t N, std::size_t S = 1>
  void string(const char (&key)[N], std::string_view value, const char (&suffix)[S] = "") {
    char text[field_room];
    std::size_t size = key_text(text, key, suffix);
    if (needs_no_escape(value) && size + value.size() + 2 <= sizeof text) {
      text[size++] = '"';
      size += value.copy(text + size, value.size());
      text[size++] = '"';
      out_.append(text, size);
      return;
    }
    out_.append(text, size);
    append_quoted(out_, value);
  }
  template <std::size_t N>
  void named(const char (&key)[N], std::uint32_t value, NameGroup group) {
    number(key, value);
    if (auto name = gqos::name_of(group, value)) string(key, *name, "_name");
  }
  template <std::size_t N>
  void hex(const char (&key)[N], const std::vector<std::byte>& bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    start(key);
    out_ += '"';
    const std::size_t at = out_.size();
    out_.resize(at + 2 * bytes.size());
    // Through a plain pointer: a store through out_[i] may alias the string itself, so the
    // compiler reloaded its data pointer for every digit.
    char* digit = out_.data() + at;
    for (const std::byte byte : bytes) {
      const auto value = static_cast<unsigned>(byte);
      *digit++ = digits[value >> 4];
      *digit++ = digits[value & 0xF];
    }
    out_ += '"';
  }
  template <std::size_t N>
  void flowspec(const char (&key)[N], const gqos::FlowSpec& flowspec) {
    start(key);
    append_flowspec(out_, flowspec);
  }

  static void append_quoted(std::string& out, std::string_view text) {
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    std::size_t plain = 0;  // start of the run of characters that need no escape
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      const auto byte = static_cast<unsigned char>(c);
      if (c != '"' && c != '\\' && byte >= 0x20) continue;
      out.append(text.substr(plain, i - plain));
      plain = i + 1;
      if (byte < 0x20) {
        out += "\\u00";
        out += hex[byte >> 4];
        out += hex[byte & 0xF];
      } else {
        out += '\\';
        out += c;
      }
    }
    out.append(text.substr(plain));
    out += '"';
  }

 private:
  // Room for `,"key":` and a number; the keys are this file's own, all far shorter.
  static constexpr std::size_t field_room = 160;
  static constexpr std::size_t longest_key = 100;

  static bool needs_no_escape(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) {
      return c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20;
    });
  }

  // Writes `,"key<suffix>":` (no comma before the first field) into `text`; returns its length.
  template <std::size_t N, std::size_t S = 1>
  std::size_t key_text(char* text, const char (&key)[N], const char (&suffix)[S] = "") {
    static_assert(N + S - 2 <= longest_key, "JSON key too long");
    std::size_t size = 0;
    if (!first_) text[size++] = ',';
    first_ = false;
    text[size++] = '"';
    std::memcpy(text + size, key, N - 1);
    size += N - 1;
    std::memcpy(text + size, suffix, S - 1);
    size += S - 1;
    text[size++] = '"';
    text[size++] = ':';
    return size;
  }

  template <std::size_t N>
  void start(const char (&key)[N]) {
    char text[field_room];
    out_.append(text, key_text(text, key));
  }

  static void append_flowspec(std::string& out, const gqos::FlowSpec& flowspec);

  std::string& out_;
  bool first_ = true;
};

void JsonObject::append_flowspec(std::string& out, const gqos::FlowSpec& flowspec) {
  JsonObject object(out);
  object.number("service_type", flowspec.service_type);
  constexpr std::uint32_t flags =
      gqos::service_type::no_traffic_control_flag | gqos::service_type::no_qos_signaling_flag;
  if ((flowspec.service_type & flags) == 0) {  // the common case, without building a string
    if (const auto name = gqos::name_of(NameGroup::service_type, flowspec.service_type)) {
      object.string("service_type_name", *name);
    }
  } else if (const std::string name = gqos::service_type_text(flowspec.service_type);
             name != std::to_string(flowspec.service_type)) {
    object.string("service_type_name", name);
  }
  object.number("token_rate", flowspec.token_rate);
  object.number("token_bucket_size", flowspec.token_bucket_size);
  object.number("peak_bandwidth", flowspec.peak_bandwidth);
  object.number("latency", flowspec.latency);
  object.number("delay_variation", flowspec.delay_variation);
  object.number("max_sdu_size", flowspec.max_sdu_size);
  object.number("minimum_policed_size", flowspec.minimum_policed_size);
}

// The fields of an rsvp record, in the order docs/scenario-language.md lists them.
void add_rsvp(JsonObject& object, const engine::RsvpMessageRecord& m) {
  object.string("message", m.message);
  object.string("action", m.action);
  object.string("from", m.from);
  object.string("to", m.to);
  object.string("link", m.link);
  object.string("session", m.session);
  if (!m.senders.empty()) {
    std::string list = "[";
    for (const std::string& sender : m.senders) {
      if (list.size() > 1) list += ',';
      JsonObject::append_quoted(list, sender);
    }
    object.raw("senders", list + "]");
  }
  if (!m.style.empty()) object.string("style", m.style);
  if (!m.error.empty()) object.string("rsvp_error", m.error);
  if (m.flowspec) object.flowspec("flowspec", *m.flowspec);
}

// Appends the record's JSON to `out`, without the newline.
void append_json(std::string& out, const engine::TraceRecord& r) {
  JsonObject object(out);
  object.number("t_us", r.t_us);
  if (r.socket.empty()) {
    object.raw("socket", "null");
  } else {
    object.string("socket", r.socket);
  }
  object.string("event", engine::name_of(r.kind));
  if (!r.call.empty()) object.string("call", r.call);
  if (!r.detail.empty()) object.string("detail", r.detail);
  if (!r.source.empty()) object.string("source", r.source);
  if (r.alertable) object.raw("alertable", *r.alertable ? "true" : "false");
  if (r.timeout_ms) object.number("timeout_ms", *r.timeout_ms);
  if (r.result) {
    if (r.kind == engine::TraceKind::wait) {
      const auto result = static_cast<std::uint32_t>(*r.result);
      object.number("result", result);
      if (auto name = engine::wait_result_name(r.call, result)) object.string("result_name", *name);
    } else {
      object.number("result", *r.result);
    }
  }
  if (r.error) object.named("error", *r.error, NameGroup::error);
  if (r.buffer_size) object.number("buffer_size", *r.buffer_size);
  if (r.bytes) object.number("bytes", *r.bytes);
  if (r.required) object.number("required", *r.required);
  if (r.network_events) object.number("network_events", *r.network_events);
  if (r.status) object.named("status", *r.status, NameGroup::status);
  if (r.extended_status1) {
    object.named("extended_status1", *r.extended_status1, NameGroup::extended_status);
  }
  if (r.extended_status2) {
    object.named("extended_status2", *r.extended_status2, NameGroup::extended_status);
  }
  if (r.direction) object.string("direction", *r.direction);
  if (r.sending) object.flowspec("sending", *r.sending);
  if (r.receiving) object.flowspec("receiving", *r.receiving);
  if (r.buffer) object.hex("buffer_hex", *r.buffer);
  if (r.rsvp) add_rsvp(object, *r.rsvp);
}

}  // namespace

std::string to_json(const engine::TraceRecord& record) {
  std::string out;
  append_json(out, record);
  return out;
}

// One line buffer for every record: once it has grown, a record costs no allocation.
void JsonTraceWriter::record(const engine::TraceRecord& record) {
  line_.clear();
  append_json(line_, record);
  line_ += '\n';
  out_.write(line_.data(), static_cast<std::streamsize>(line_.size()));
}

}  // namespace qosbed::report
