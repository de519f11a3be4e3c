// What the emulator does on its own, as trace records: each FD_QOS indication and what became of
// it, each request it finished (before the application learns of it), and a wait nothing could
// end. Both the scenario runner and a program's run (sim/program) trace their emulator with it.
#pragma once

#include "engine/clock.hpp"
#include "engine/trace.hpp"
#include "engine/tracing_provider.hpp"
#include "provider_stub/observer.hpp"

namespace qosbed::runner {

class ProviderTrace final : public provider_stub::EmulatorObserver {
 public:
  // `names` names the sockets as the application's trace does.
  ProviderTrace(const engine::Clock& clock, const engine::TracingProvider& names,
                engine::TraceSink& sink)
      : clock_(clock), names_(names), sink_(sink) {}

  void on_indication(provider::Socket socket, const gqos::Indication& indication,
                     provider_stub::IndicationOutcome outcome) override;
  void on_request_finished(provider::Socket socket, const provider::Overlapped* overlapped,
                           std::uint32_t error, std::uint32_t bytes) override;
  void on_stalled() override;

 private:
  engine::RecordHead head(provider::Socket socket) const;

  const engine::Clock& clock_;
  const engine::TracingProvider& names_;
  engine::TraceSink& sink_;
};

}  // namespace qosbed::runner
