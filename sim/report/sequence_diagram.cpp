#include "report/sequence_diagram.hpp"

#include <algorithm>

#include "engine/clock.hpp"
#include "gqos/constants.hpp"
#include "gqos/names.hpp"

namespace qosbed::report {
namespace {

using engine::TraceKind;
using engine::TraceRecord;
using gqos::NameGroup;

constexpr int margin_left = 96;  // the time column
constexpr int column_width = 290;
constexpr int head_top = 44;
constexpr int head_height = 40;
constexpr int head_width = 160;
constexpr int first_row = head_top + head_height + 34;
constexpr int row_height = 26;
constexpr int margin_bottom = 56;

const std::string provider_name = "RSVP SP";
const std::string network_name = "network";

std::string error_text(std::uint32_t error) {
  return gqos::name_or_number(NameGroup::error, error);
}

std::string status_text(std::uint32_t status) {
  return gqos::name_or_number(NameGroup::status, status);
}

bool drawn(const TraceRecord& r) {
  return !(r.kind == TraceKind::rsvp && r.rsvp && r.rsvp->action == "sent");
}

// An overlapped query or set that did not fail at once: its completion is still to come (R6, D4).
bool leaves_pending(const TraceRecord& r) {
  const bool request = r.call == "get_qos" || r.call == "set_qos";
  const bool overlapped = r.detail.starts_with("overlapped");
  return r.kind == TraceKind::call && request && overlapped &&
         (r.result == 0 || r.error == gqos::wsa::io_pending);
}

std::string call_label(const TraceRecord& r) {
  std::string label = r.call;
  if (!r.detail.empty()) label += " (" + r.detail + ")";
  label += ": ";
  label += r.error ? error_text(*r.error) : std::to_string(r.result.value_or(0));
  if (r.bytes && *r.bytes > 0) label += ", " + std::to_string(*r.bytes) + " bytes";
  if (r.required) label += ", needs " + std::to_string(*r.required);
  return label;
}

std::string completion_label(const TraceRecord& r) {
  std::string label = "completion";
  if (!r.call.empty()) label += " " + r.call;
  if (!r.source.empty()) label += " (" + r.source + ")";
  label += ": " + error_text(r.error.value_or(0)) + ", " + std::to_string(r.bytes.value_or(0)) +
           " bytes";
  if (r.required) label += ", needs " + std::to_string(*r.required);
  if (r.status) label += ", " + status_text(*r.status);
  return label;
}

std::string wait_label(const TraceRecord& r) {
  std::string label = r.call + " (";
  label += r.alertable.value_or(false) ? "alertable" : "not alertable";
  label += ", ";
  const std::uint32_t timeout = r.timeout_ms.value_or(gqos::wsa::infinite);
  label += timeout == gqos::wsa::infinite ? "INFINITE" : std::to_string(timeout) + " ms";
  label += "): ";
  label += engine::wait_result_text(r.call, static_cast<std::uint32_t>(r.result.value_or(0)));
  return label;
}

std::string rsvp_label(const engine::RsvpMessageRecord& m) {
  std::string label = m.message;
  if (!m.style.empty()) label += " " + m.style;
  if (!m.error.empty()) label += " " + m.error;
  if (m.action != "received") label += " " + m.action;
  return label;
}

class Layout {
 public:
  Layout(const Participants& participants, const std::vector<TraceRecord>& records,
         std::size_t record_count)
      : participants_(participants) {
    // Every lifeline is known before the first row, so they keep their order: sockets, the SP,
    // then where indications come from.
    for (const auto& socket : participants.sockets)
      add(LifelineKind::socket, socket.id, socket.role);
    bool needs_network = participants.nodes.empty();
    for (std::size_t i = 0; i < record_count; ++i) {
      const TraceRecord& r = records[i];
      if (r.kind != TraceKind::rsvp && !r.socket.empty()) add(LifelineKind::socket, r.socket, "");
      if (r.kind == TraceKind::fd_qos && !participants.host_of.contains(r.socket))
        needs_network = true;
    }
    add(LifelineKind::provider, provider_name, "");
    if (needs_network) add(LifelineKind::network, network_name, "");
    for (const auto& node : participants.nodes) add(LifelineKind::node, node, "");
    for (std::size_t i = 0; i < record_count; ++i) {
      const auto host = participants.host_of.find(records[i].socket);
      if (records[i].kind == TraceKind::fd_qos && host != participants.host_of.end())
        add(LifelineKind::node, host->second, "");
      if (const auto& m = records[i].rsvp) {
        add(LifelineKind::node, m->from, "");
        add(LifelineKind::node, m->to, "");
      }
    }
    for (std::size_t i = 0; i < diagram_.lifelines.size(); ++i) {
      diagram_.lifelines[i].x = margin_left + static_cast<int>(i) * column_width + column_width / 2;
    }
  }

  void draw(const TraceRecord& r) {
    const int y = first_row + static_cast<int>(diagram_.records_drawn) * row_height;
    ++diagram_.records_drawn;
    if (diagram_.times.empty() || r.t_us != last_time_us_) {
      diagram_.times.push_back({y, engine::format_time(r.t_us)});
      last_time_us_ = r.t_us;
    }
    const std::size_t sp = index(LifelineKind::provider, provider_name);
    switch (r.kind) {
      case TraceKind::call: {
        const std::size_t socket = index(LifelineKind::socket, r.socket);
        const bool failed = r.error && *r.error != gqos::wsa::io_pending;
        arrow(socket, sp, y, ArrowKind::call, failed, call_label(r));
        if (leaves_pending(r)) open(socket, y, r.call);
        break;
      }
      case TraceKind::network_events: {
        std::string label = r.call + ": events " + std::to_string(r.network_events.value_or(0));
        if (r.status) label += ", " + status_text(*r.status);
        arrow(index(LifelineKind::socket, r.socket), sp, y, ArrowKind::call, false, label);
        break;
      }
      case TraceKind::finished:
        arrow(sp, index(LifelineKind::socket, r.socket), y, ArrowKind::finished,
              r.error.value_or(0) != 0,
              "finished" + (r.call.empty() ? "" : " " + r.call) + ": " +
                  error_text(r.error.value_or(0)) + ", " + std::to_string(r.bytes.value_or(0)) +
                  " bytes (not yet seen)");
        break;
      case TraceKind::completion: {
        const std::size_t socket = index(LifelineKind::socket, r.socket);
        arrow(sp, socket, y, ArrowKind::completion, r.error.value_or(0) != 0, completion_label(r));
        close(socket, y, r.call);
        break;
      }
      case TraceKind::fd_qos: {
        const auto host = participants_.host_of.find(r.socket);
        const std::size_t from = host != participants_.host_of.end()
                                     ? index(LifelineKind::node, host->second)
                                     : index(LifelineKind::network, network_name);
        arrow(from, sp, y, ArrowKind::indication, false,
              "FD_QOS " + (r.status ? status_text(*r.status) : std::string("indication")) +
                  " for " + r.socket + ": " + r.detail);
        break;
      }
      case TraceKind::wait:
        note(0, socket_count() > 0 ? socket_count() - 1 : sp, y, NoteKind::wait, wait_label(r));
        break;
      case TraceKind::update: {
        const std::size_t socket = index(LifelineKind::socket, r.socket);
        std::string label = "update";
        if (r.direction) label += " " + *r.direction;
        if (r.status) label += ": " + status_text(*r.status);
        note(socket, socket, y, NoteKind::update, label);
        break;
      }
      case TraceKind::monitor_error: {
        const std::size_t socket = index(LifelineKind::socket, r.socket);
        note(socket, socket, y, NoteKind::error,
             "monitor stops: " + error_text(r.error.value_or(0)) + " " + r.detail);
        break;
      }
      case TraceKind::stalled:
        note(0, diagram_.lifelines.size() - 1, y, NoteKind::stalled, "stalled: " + r.detail);
        break;
      case TraceKind::rsvp: {
        if (!r.rsvp) break;
        const engine::RsvpMessageRecord& m = *r.rsvp;
        const bool lost = m.action == "lost" || m.action == "dropped";
        arrow(index(LifelineKind::node, m.from), index(LifelineKind::node, m.to), y,
              lost ? ArrowKind::rsvp_lost : ArrowKind::rsvp, !m.error.empty(), rsvp_label(m));
        break;
      }
    }
  }

  SequenceDiagram finish(std::string title, std::size_t left_out) {
    diagram_.title = std::move(title);
    diagram_.records_left_out = left_out;
    diagram_.head_top = head_top;
    diagram_.head_height = head_height;
    diagram_.head_width = head_width;
    diagram_.column_width = column_width;
    const int rows_end = first_row + static_cast<int>(diagram_.records_drawn) * row_height;
    diagram_.line_bottom = rows_end + row_height / 2;
    for (const OpenRequest& request : open_) {
      Activation& activation = diagram_.activations[request.activation];
      activation.bottom = diagram_.line_bottom;
      activation.open = true;
    }
    diagram_.width = margin_left + static_cast<int>(diagram_.lifelines.size()) * column_width + 24;
    diagram_.height = diagram_.line_bottom + margin_bottom;
    return std::move(diagram_);
  }

 private:
  struct OpenRequest {
    std::size_t lifeline;
    std::string call;
    std::size_t activation;
  };

  void add(LifelineKind kind, const std::string& name, const std::string& role) {
    for (const Lifeline& line : diagram_.lifelines) {
      if (line.kind == kind && line.name == name) return;
    }
    diagram_.lifelines.push_back({kind, name, role, 0});
  }

  std::size_t index(LifelineKind kind, const std::string& name) const {
    for (std::size_t i = 0; i < diagram_.lifelines.size(); ++i) {
      if (diagram_.lifelines[i].kind == kind && diagram_.lifelines[i].name == name) return i;
    }
    return 0;  // not reached: the constructor added every name the drawn records use
  }

  std::size_t socket_count() const {
    return static_cast<std::size_t>(
        std::count_if(diagram_.lifelines.begin(), diagram_.lifelines.end(),
                      [](const Lifeline& line) { return line.kind == LifelineKind::socket; }));
  }

  void arrow(std::size_t from, std::size_t to, int y, ArrowKind kind, bool failed,
             std::string label) {
    diagram_.arrows.push_back({from, to, y, kind, failed, std::move(label)});
  }

  void note(std::size_t first, std::size_t last, int y, NoteKind kind, std::string label) {
    diagram_.notes.push_back({first, last, y, kind, std::move(label)});
  }

  void open(std::size_t lifeline, int y, const std::string& call) {
    const auto depth = std::count_if(open_.begin(), open_.end(), [&](const OpenRequest& request) {
      return request.lifeline == lifeline;
    });
    diagram_.activations.push_back({lifeline, y, y, static_cast<int>(depth), false});
    open_.push_back({lifeline, call, diagram_.activations.size() - 1});
  }

  // A socket's requests of one kind complete in the order they were issued (R1, R9).
  void close(std::size_t lifeline, int y, const std::string& call) {
    const auto request = std::find_if(open_.begin(), open_.end(), [&](const OpenRequest& open) {
      return open.lifeline == lifeline && (call.empty() || open.call == call);
    });
    if (request == open_.end()) return;
    diagram_.activations[request->activation].bottom = y;
    open_.erase(request);
  }

  const Participants& participants_;
  SequenceDiagram diagram_;
  std::vector<OpenRequest> open_;
  engine::TimeUs last_time_us_ = 0;
};

}  // namespace

SequenceDiagram lay_out(std::string title, const Participants& participants,
                        const std::vector<TraceRecord>& records, std::size_t max_records) {
  // The records drawn end where the max_records-th drawable one is.
  std::size_t end = 0;
  for (std::size_t count = 0; end < records.size(); ++end) {
    if (!drawn(records[end])) continue;
    if (count == max_records) break;
    ++count;
  }
  Layout layout(participants, records, end);
  for (std::size_t i = 0; i < end; ++i) {
    if (drawn(records[i])) layout.draw(records[i]);
  }
  return layout.finish(std::move(title), records.size() - end);
}

}  // namespace qosbed::report
