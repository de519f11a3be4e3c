#include "report/sequence_diagram.hpp"

#include <algorithm>

#include "engine/clock.hpp"
#include "gqos/constants.hpp"
#include "gqos/names.hpp"

namespace qosbed::report {
namespace {

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
  const auto* rsvp = std::get_if<engine::RsvpRecord>(&r);
  return !(rsvp && rsvp->action == "sent");
}

// An overlapped query or set that did not fail at once: its completion is still to come (R6, D4).
bool leaves_pending(const engine::CallRecord& r) {
  const bool request = r.call == "get_qos" || r.call == "set_qos";
  const bool overlapped = r.detail.starts_with("overlapped");
  return request && overlapped && (r.result == 0 || r.error == gqos::wsa::io_pending);
}

std::string call_label(const engine::CallRecord& r) {
  std::string label = r.call;
  if (!r.detail.empty()) label += " (" + r.detail + ")";
  label += ": ";
  label += r.error ? error_text(*r.error) : std::to_string(r.result);
  if (r.bytes && *r.bytes > 0) label += ", " + std::to_string(*r.bytes) + " bytes";
  if (r.required) label += ", needs " + std::to_string(*r.required);
  return label;
}

std::string completion_label(const engine::CompletionRecord& r) {
  std::string label = "completion";
  if (!r.call.empty()) label += " " + r.call;
  label += " (" + std::string(engine::name_of(r.source)) + ")";
  label += ": " + error_text(r.error) + ", " + std::to_string(r.bytes) + " bytes";
  if (r.required) label += ", needs " + std::to_string(*r.required);
  if (r.read.status_info) label += ", " + status_text(r.read.status_info->status_code);
  return label;
}

std::string wait_label(const engine::WaitRecord& r) {
  std::string label = r.call + " (";
  label += r.alertable ? "alertable" : "not alertable";
  label += ", ";
  label += r.timeout_ms == gqos::wsa::infinite ? "INFINITE" : std::to_string(r.timeout_ms) + " ms";
  label += "): ";
  label += engine::wait_result_text(r.call, r.result);
  return label;
}

std::string rsvp_label(const engine::RsvpRecord& m) {
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
      const std::string& socket = engine::head_of(records[i]).socket;
      const bool rsvp = std::holds_alternative<engine::RsvpRecord>(records[i]);
      if (!rsvp && !socket.empty()) add(LifelineKind::socket, socket, "");
      if (std::holds_alternative<engine::FdQosRecord>(records[i]) &&
          !participants.host_of.contains(socket))
        needs_network = true;
    }
    add(LifelineKind::provider, provider_name, "");
    if (needs_network) add(LifelineKind::network, network_name, "");
    for (const auto& node : participants.nodes) add(LifelineKind::node, node, "");
    for (std::size_t i = 0; i < record_count; ++i) {
      const auto host = participants.host_of.find(engine::head_of(records[i]).socket);
      if (std::holds_alternative<engine::FdQosRecord>(records[i]) &&
          host != participants.host_of.end())
        add(LifelineKind::node, host->second, "");
      if (const auto* m = std::get_if<engine::RsvpRecord>(&records[i])) {
        add(LifelineKind::node, m->from, "");
        add(LifelineKind::node, m->to, "");
      }
    }
    for (std::size_t i = 0; i < diagram_.lifelines.size(); ++i) {
      diagram_.lifelines[i].x = margin_left + static_cast<int>(i) * column_width + column_width / 2;
    }
  }

  void draw(const TraceRecord& record) {
    const engine::RecordHead& head = engine::head_of(record);
    row_ = first_row + static_cast<int>(diagram_.records_drawn) * row_height;
    ++diagram_.records_drawn;
    if (diagram_.times.empty() || head.t_us != last_time_us_) {
      diagram_.times.push_back({row_, engine::format_time(head.t_us)});
      last_time_us_ = head.t_us;
    }
    std::visit(*this, record);
  }

  void operator()(const engine::CallRecord& r) {
    const std::size_t socket = index(LifelineKind::socket, r.socket);
    const bool failed = r.error && *r.error != gqos::wsa::io_pending;
    arrow(socket, sp(), row_, ArrowKind::call, failed, call_label(r));
    if (leaves_pending(r)) open(socket, row_, r.call);
  }
  void operator()(const engine::NetworkEventsRecord& r) {
    std::string label = std::string(r.call) + ": events " + std::to_string(r.network_events);
    if (r.status) label += ", " + status_text(*r.status);
    arrow(index(LifelineKind::socket, r.socket), sp(), row_, ArrowKind::call, false, label);
  }
  void operator()(const engine::FinishedRecord& r) {
    arrow(sp(), index(LifelineKind::socket, r.socket), row_, ArrowKind::finished, r.error != 0,
          "finished" + (r.call.empty() ? "" : " " + r.call) + ": " + error_text(r.error) + ", " +
              std::to_string(r.bytes) + " bytes (not yet seen)");
  }
  void operator()(const engine::CompletionRecord& r) {
    const std::size_t socket = index(LifelineKind::socket, r.socket);
    arrow(sp(), socket, row_, ArrowKind::completion, r.error != 0, completion_label(r));
    close(socket, row_, r.call);
  }
  void operator()(const engine::FdQosRecord& r) {
    const auto host = participants_.host_of.find(r.socket);
    const std::size_t from = host != participants_.host_of.end()
                                 ? index(LifelineKind::node, host->second)
                                 : index(LifelineKind::network, network_name);
    arrow(from, sp(), row_, ArrowKind::indication, false,
          "FD_QOS " + status_text(r.status) + " for " + r.socket + ": " + r.delivery);
  }
  void operator()(const engine::WaitRecord& r) {
    note(0, socket_count() > 0 ? socket_count() - 1 : sp(), row_, NoteKind::wait, wait_label(r));
  }
  void operator()(const engine::UpdateRecord& r) {
    const std::size_t socket = index(LifelineKind::socket, r.socket);
    std::string label = "update ";
    label += r.direction == gqos::Direction::sending ? "sending" : "receiving";
    label += ": " + status_text(r.status);
    note(socket, socket, row_, NoteKind::update, label);
  }
  void operator()(const engine::MonitorErrorRecord& r) {
    const std::size_t socket = index(LifelineKind::socket, r.socket);
    note(socket, socket, row_, NoteKind::error,
         "monitor stops: " + error_text(r.error) + " " + r.what);
  }
  void operator()(const engine::StalledRecord& r) {
    note(0, diagram_.lifelines.size() - 1, row_, NoteKind::stalled,
         "stalled: " + std::string(r.why));
  }
  void operator()(const engine::RsvpRecord& m) {
    const bool lost = m.action == "lost" || m.action == "dropped";
    arrow(index(LifelineKind::node, m.from), index(LifelineKind::node, m.to), row_,
          lost ? ArrowKind::rsvp_lost : ArrowKind::rsvp, !m.error.empty(), rsvp_label(m));
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

  std::size_t sp() const { return index(LifelineKind::provider, provider_name); }

  const Participants& participants_;
  SequenceDiagram diagram_;
  int row_ = 0;  // the row being drawn
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
