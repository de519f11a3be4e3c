#include "report/text_trace.hpp"

#include <cstdio>

#include "gqos/format.hpp"
#include "gqos/names.hpp"

namespace qosbed::report {

std::string format_time(engine::TimeUs t_us) {
  char text[32];
  std::snprintf(text, sizeof text, "%lld.%03lld ms", static_cast<long long>(t_us / 1000),
                static_cast<long long>(t_us % 1000));
  return text;
}

std::string to_text(const engine::TraceRecord& r) {
  using gqos::NameGroup;
  std::string time = format_time(r.t_us);
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
  return line;
}

}  // namespace qosbed::report
