#include "report/text_trace.hpp"

#include <cstdio>
#include <span>
#include <vector>

#include "gqos/constants.hpp"
#include "gqos/format.hpp"
#include "gqos/names.hpp"

namespace qosbed::report {

namespace {

std::string hex_of(std::span<const std::byte> bytes) {
  std::string text;
  for (const std::byte byte : bytes) {
    char pair[3];
    std::snprintf(pair, sizeof pair, "%02x", std::to_integer<unsigned>(byte));
    text += pair;
  }
  return text;
}

}  // namespace

std::string to_text(const engine::PassedQos& qos) {
  using gqos::NameGroup;
  std::vector<std::string> parts;
  if (qos.sending) parts.push_back("sending: " + gqos::to_string(*qos.sending));
  if (qos.receiving) parts.push_back("receiving: " + gqos::to_string(*qos.receiving));
  if (!qos.objects.empty()) {
    std::string objects = "objects: [";
    for (std::size_t i = 0; i < qos.objects.size(); ++i) {
      const engine::PassedObject& object = qos.objects[i];
      objects += (i > 0 ? ", " : "") + gqos::name_or_number(NameGroup::object_type, object.type);
      std::string fields = "length: " + std::to_string(object.length);
      if (const auto& info = object.reserve_info) {
        fields += ", style: " + gqos::name_or_number(NameGroup::rsvp_style, info->style) +
                  ", confirm_request: " + std::to_string(info->confirm_request);
      }
      if (object.shape_discard_mode) {
        fields += ", shape_discard_mode: " +
                  gqos::name_or_number(NameGroup::sd_mode, *object.shape_discard_mode);
      }
      if (object.shaping_rate) fields += ", shaping_rate: " + std::to_string(*object.shaping_rate);
      if (object.destination) fields += ", destination: " + *object.destination;
      if (!object.body.empty()) fields += ", body: " + hex_of(object.body);
      objects += " {" + fields + "}";
    }
    parts.push_back(objects + "]");
  }
  if (!qos.decode_error.empty()) parts.push_back("decode_error: " + qos.decode_error);
  std::string text;
  for (const std::string& part : parts) text += (text.empty() ? "" : ", ") + part;
  return "{" + text + "}";
}

namespace {

using gqos::NameGroup;

// The line's fields after its time, socket and kind, each kind's in the order the JSON trace
// has them.
class TextLine {
 public:
  explicit TextLine(std::string& line) : line_(line) {}

  void operator()(const engine::CallRecord& r) {
    title(r.call, {}, r.detail);
    add("result", std::to_string(r.result));
    if (r.error) add("error", gqos::name_or_number(NameGroup::error, *r.error));
    if (r.buffer_size) add("buffer", std::to_string(*r.buffer_size));
    if (r.bytes) add("bytes", std::to_string(*r.bytes));
    if (r.required) add("required", std::to_string(*r.required));
    read(r.read);
    if (r.qos) add("qos", to_text(*r.qos));
    if (r.selector) add("selector", gqos::name_or_number(NameGroup::chk_qos_selector, *r.selector));
    if (r.value) add("value", std::to_string(*r.value));
  }
  void operator()(const engine::CompletionRecord& r) {
    title(r.call, engine::name_of(r.source), r.decode_error);
    add("error", gqos::name_or_number(NameGroup::error, r.error));
    add("buffer", std::to_string(r.buffer_size));
    add("bytes", std::to_string(r.bytes));
    if (r.required) add("required", std::to_string(*r.required));
    read(r.read);
  }
  void operator()(const engine::FinishedRecord& r) {
    title(r.call, {}, {});
    add("error", gqos::name_or_number(NameGroup::error, r.error));
    add("bytes", std::to_string(r.bytes));
  }
  void operator()(const engine::WaitRecord& r) {
    title(r.call, {}, {});
    add("alertable", r.alertable ? "true" : "false");
    add("timeout",
        r.timeout_ms == gqos::wsa::infinite ? "INFINITE" : std::to_string(r.timeout_ms) + "ms");
    add("result", engine::wait_result_text(r.call, r.result));
    if (!r.host.empty()) add("host", r.host);
  }
  void operator()(const engine::FdQosRecord& r) {
    title({}, {}, r.delivery);
    add("status", gqos::name_or_number(NameGroup::status, r.status));
    if (r.sending) add("sending", gqos::to_string(*r.sending));
    if (r.receiving) add("receiving", gqos::to_string(*r.receiving));
  }
  void operator()(const engine::NetworkEventsRecord& r) {
    title(r.call, {}, {});
    add("result", "0");
    add("network_events", std::to_string(r.network_events));
    if (r.status) add("status", gqos::name_or_number(NameGroup::status, *r.status));
  }
  void operator()(const engine::UpdateRecord& r) {
    status(r.status, r.extended_status1, r.extended_status2);
    const bool sending = r.direction == gqos::Direction::sending;
    add("direction", sending ? "sending" : "receiving");
    add(sending ? "sending" : "receiving", gqos::to_string(r.flowspec));
  }
  void operator()(const engine::MonitorErrorRecord& r) {
    title({}, {}, r.what);
    add("error", gqos::name_or_number(NameGroup::error, r.error));
  }
  void operator()(const engine::StalledRecord& r) { title({}, {}, r.why); }
  void operator()(const engine::RsvpRecord& m) {
    line_ += " " + m.message + " " + m.action + " " + m.from + " -> " + m.to;
    add("link", m.link);
    add("session", m.session);
    add_list("senders", m.senders);
    if (!m.style.empty()) add("style", m.style);
    if (!m.error.empty()) add("error", m.error);
    if (m.flowspec) add("flowspec", gqos::to_string(*m.flowspec));
    add_list("users", m.users);
  }

 private:
  // " get_qos (routine) [overlapped routine]", each part only when it has one.
  void title(std::string_view call, std::string_view source, std::string_view detail) {
    if (!call.empty()) (line_ += " ") += call;
    if (!source.empty()) ((line_ += " (") += source) += ")";
    if (!detail.empty()) ((line_ += " [") += detail) += "]";
  }
  void add(std::string_view key, const std::string& value) {
    line_ += "  ";
    line_ += key;
    line_ += '=';
    line_ += value;
  }
  // "key=a,b", when there is any.
  void add_list(std::string_view key, const std::vector<std::string>& values) {
    if (values.empty()) return;
    std::string joined;
    for (const std::string& value : values) joined += (joined.empty() ? "" : ",") + value;
    add(key, joined);
  }
  // The extended status shows only when it says something.
  void status(std::uint32_t status, std::uint32_t extended1, std::uint32_t extended2) {
    add("status", gqos::name_or_number(NameGroup::status, status));
    if (extended1 != 0 || extended2 != 0) {
      add("extended_status", gqos::name_or_number(NameGroup::extended_status, extended1) + "/" +
                                 gqos::name_or_number(NameGroup::extended_status_value, extended2));
    }
  }
  void read(const engine::ReadQos& read) {
    if (const auto& info = read.status_info) {
      status(info->status_code, info->extended_status1, info->extended_status2);
    }
    if (read.sending) add("sending", gqos::to_string(*read.sending));
    if (read.receiving) add("receiving", gqos::to_string(*read.receiving));
  }

  std::string& line_;
};

}  // namespace

std::string to_text(const engine::TraceRecord& record) {
  const engine::RecordHead& head = engine::head_of(record);
  std::string time = engine::format_time(head.t_us);
  std::string line(time.size() < 12 ? 12 - time.size() : 0, ' ');
  line += time + "  " + (head.socket.empty() ? std::string("--") : head.socket) + "  ";
  line += engine::kind_of(record);
  std::visit(TextLine(line), record);
  return line;
}

}  // namespace qosbed::report
