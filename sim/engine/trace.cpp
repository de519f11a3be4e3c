#include "engine/trace.hpp"

namespace qosbed::engine {

std::string_view name_of(TraceKind kind) {
  switch (kind) {
    case TraceKind::call:
      return "call";
    case TraceKind::completion:
      return "completion";
    case TraceKind::finished:
      return "finished";
    case TraceKind::wait:
      return "wait";
    case TraceKind::fd_qos:
      return "fd_qos";
    case TraceKind::network_events:
      return "network_events";
    case TraceKind::update:
      return "update";
    case TraceKind::monitor_error:
      return "monitor_error";
    case TraceKind::stalled:
      return "stalled";
  }
  return "?";
}

}  // namespace qosbed::engine
