#include "runner/provider_trace.hpp"

#include <string>

namespace qosbed::runner {

engine::RecordHead ProviderTrace::head(provider::Socket socket) const {
  return engine::RecordHead{clock_.now_us(), names_.socket_name(socket)};
}

void ProviderTrace::on_indication(provider::Socket socket, const gqos::Indication& indication,
                                  provider_stub::IndicationOutcome outcome) {
  auto record = engine::record_at<engine::FdQosRecord>(head(socket));
  record.delivery = std::string(provider_stub::name_of(outcome));
  record.status = indication.status;
  record.sending = indication.sending;
  record.receiving = indication.receiving;
  sink_.record(engine::TraceRecord(std::move(record)));
}

void ProviderTrace::on_request_finished(provider::Socket socket,
                                        const provider::Overlapped* overlapped, std::uint32_t error,
                                        std::uint32_t bytes) {
  auto record = engine::record_at<engine::FinishedRecord>(head(socket));
  record.call = names_.request_call(overlapped);
  record.error = error;
  record.bytes = bytes;
  sink_.record(engine::TraceRecord(std::move(record)));
}

void ProviderTrace::on_stalled() {
  sink_.record(engine::record_at<engine::StalledRecord>({clock_.now_us(), {}}));
}

}  // namespace qosbed::runner
