// The message sequence chart of one run, laid out from its trace records: lifelines side by side
// (one per application socket, the RSVP SP, then the network or each node of a network scenario)
// and one row per drawn record, top to bottom in trace order, so the chart shows exactly what ran.
// Pure geometry and text in pixels; svg_writer turns it into SVG.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "engine/trace.hpp"

namespace qosbed::report {

// Who takes part, as the scenario names them. A socket or node that only the trace names still
// gets a lifeline, after these.
struct Participants {
  struct Socket {
    std::string id;
    std::string role;  // "receiver", "sender", "both"
  };
  std::vector<Socket> sockets;
  std::vector<std::string> nodes;              // a network scenario's nodes, in file order
  std::map<std::string, std::string> host_of;  // socket id -> the node whose SP indicates to it
};

enum class LifelineKind { socket, provider, network, node };

struct Lifeline {
  LifelineKind kind = LifelineKind::socket;
  std::string name;  // "rx", "RSVP SP", "network", "r1"
  std::string role;  // a socket's role; empty otherwise
  int x = 0;         // centre
};

enum class ArrowKind {
  call,        // the application called the provider (solid)
  finished,    // the provider finished a request the application has not seen (dashed)
  completion,  // the application learnt a request's result (solid, back to the socket)
  indication,  // an FD_QOS indication reached the provider
  rsvp,        // an RSVP message arrived at its link's far end
  rsvp_lost,   // an RSVP message lost or dropped on its link (ends in a cross)
};

struct Arrow {
  std::size_t from = 0;  // lifeline indices
  std::size_t to = 0;
  int y = 0;
  ArrowKind kind = ArrowKind::call;
  bool failed = false;  // a call that failed, a completion with an error
  std::string label;
};

enum class NoteKind { wait, update, error, stalled };

// A box over lifelines first..last: a wait spans every socket (it is the application thread's),
// an update or a monitor error sits on its socket, a stall spans everything.
struct Note {
  std::size_t first = 0;
  std::size_t last = 0;
  int y = 0;
  NoteKind kind = NoteKind::wait;
  std::string label;
};

// A request pending on a socket, from the call that left it pending to its completion; `open`
// when the run ended first. Nested requests on one socket step right by `depth`.
struct Activation {
  std::size_t lifeline = 0;
  int top = 0;
  int bottom = 0;
  int depth = 0;
  bool open = false;
};

// The virtual time, at the left margin of the first row drawn at that time.
struct TimeMark {
  int y = 0;
  std::string text;  // "10.000 ms"
};

struct SequenceDiagram {
  int width = 0;
  int height = 0;
  std::string title;
  int head_top = 0;  // lifeline heads: a box from head_top, head_height tall
  int head_height = 0;
  int head_width = 0;
  int column_width = 0;  // from one lifeline to the next
  int line_bottom = 0;   // where the lifelines end
  std::vector<Lifeline> lifelines;
  std::vector<Arrow> arrows;
  std::vector<Note> notes;
  std::vector<Activation> activations;
  std::vector<TimeMark> times;
  std::size_t records_drawn = 0;
  std::size_t records_left_out = 0;  // past max_records: said in a note under the chart
};

// At 26 pixels a row, 400 records make a chart some 10 000 pixels tall: still readable in a
// browser, and a long run (a lossy network traced for minutes) never turns into a huge file.
inline constexpr std::size_t default_max_records = 400;

// RSVP messages are drawn once, when their link's far end receives (or loses, or drops) them;
// `sent` records draw nothing and do not count towards max_records.
SequenceDiagram lay_out(std::string title, const Participants& participants,
                        const std::vector<engine::TraceRecord>& records,
                        std::size_t max_records = default_max_records);

}  // namespace qosbed::report
