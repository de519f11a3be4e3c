#include "runner/provider_trace.hpp"

#include <string>

namespace qosbed::runner {

using engine::TraceKind;
using engine::TraceRecord;

TraceRecord ProviderTrace::base(provider::Socket socket, TraceKind kind) const {
  TraceRecord record;
  record.t_us = clock_.now_us();
  record.socket = names_.socket_name(socket);
  record.kind = kind;
  return record;
}

void ProviderTrace::on_indication(provider::Socket socket, const gqos::Indication& indication,
                                  provider_stub::IndicationOutcome outcome) {
  TraceRecord record = base(socket, TraceKind::fd_qos);
  record.detail = std::string(provider_stub::name_of(outcome));
  record.status = indication.status;
  if (indication.sending) record.sending = indication.sending;
  if (indication.receiving) record.receiving = indication.receiving;
  sink_.record(record);
}

void ProviderTrace::on_request_finished(provider::Socket socket,
                                        const provider::Overlapped* overlapped, std::uint32_t error,
                                        std::uint32_t bytes) {
  TraceRecord record = base(socket, TraceKind::finished);
  record.call = names_.request_call(overlapped);
  record.error = error;
  record.bytes = bytes;
  sink_.record(record);
}

void ProviderTrace::on_stalled() {
  TraceRecord record;
  record.t_us = clock_.now_us();
  record.kind = TraceKind::stalled;
  record.detail = "an infinite wait that nothing scheduled could end";
  sink_.record(record);
}

}  // namespace qosbed::runner
