#include "report/text_trace.hpp"

#include <cstdio>
#include <span>
#include <vector>

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

std::string to_text(const engine::TraceRecord& r) {
  using gqos::NameGroup;
  std::string time = engine::format_time(r.t_us);
  std::string line(time.size() < 12 ? 12 - time.size() : 0, ' ');
  line += time + "  " + (r.socket.empty() ? std::string("--") : r.socket) + "  ";
  line += engine::name_of(r.kind);
  if (!r.call.empty()) line += " " + r.call;
  if (!r.source.empty()) line += " (" + r.source + ")";
  if (!r.detail.empty()) line += " [" + r.detail + "]";
  auto add = [&line](std::string_view key, const std::string& value) {
    line += "  ";
    line += key;
    line += '=';
    line += value;
  };
  if (r.alertable) add("alertable", *r.alertable ? "true" : "false");
  if (r.timeout_ms) {
    add("timeout", *r.timeout_ms == 0xFFFFFFFF ? "INFINITE" : std::to_string(*r.timeout_ms) + "ms");
  }
  if (r.result) {
    add("result", r.kind == engine::TraceKind::wait
                      ? engine::wait_result_text(r.call, static_cast<std::uint32_t>(*r.result))
                      : std::to_string(*r.result));
  }
  if (r.error) add("error", gqos::name_or_number(NameGroup::error, *r.error));
  if (r.buffer_size) add("buffer", std::to_string(*r.buffer_size));
  if (r.bytes) add("bytes", std::to_string(*r.bytes));
  if (r.required) add("required", std::to_string(*r.required));
  if (r.network_events) add("network_events", std::to_string(*r.network_events));
  if (r.status) add("status", gqos::name_or_number(NameGroup::status, *r.status));
  if (r.extended_status1 && (*r.extended_status1 != 0 || *r.extended_status2 != 0)) {
    add("extended_status",
        gqos::name_or_number(NameGroup::extended_status, *r.extended_status1) + "/" +
            gqos::name_or_number(NameGroup::extended_status, r.extended_status2.value_or(0)));
  }
  if (r.direction) add("direction", *r.direction);
  if (r.sending) add("sending", gqos::to_string(*r.sending));
  if (r.receiving) add("receiving", gqos::to_string(*r.receiving));
  if (const auto& m = r.rsvp) {
    line += " " + m->message + " " + m->action + " " + m->from + " -> " + m->to;
    add("link", m->link);
    add("session", m->session);
    if (!m->senders.empty()) {
      std::string senders;
      for (const std::string& sender : m->senders) senders += (senders.empty() ? "" : ",") + sender;
      add("senders", senders);
    }
    if (!m->style.empty()) add("style", m->style);
    if (!m->error.empty()) add("error", m->error);
    if (m->flowspec) add("flowspec", gqos::to_string(*m->flowspec));
  }
  if (r.qos) add("qos", to_text(*r.qos));
  return line;
}

}  // namespace qosbed::report
