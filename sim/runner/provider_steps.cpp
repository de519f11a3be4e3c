#include "runner/provider_steps.hpp"

#include <variant>

namespace qosbed::runner {

void play_provider_step(provider_stub::Emulator& emulator, provider::Socket socket,
                        const scenario::Step& step, const scenario::SpAction& action,
                        record::SessionRecorder* recorder, std::vector<Failure>& failures) {
  std::visit(
      [&](const auto& sp) {
        using T = std::decay_t<decltype(sp)>;
        if constexpr (std::is_same_v<T, scenario::SpFdQos>) {
          emulator.indicate(socket, sp.indication);
        } else if (sp.pending) {
          if (!emulator.fail_pending(socket, sp.error)) {
            failures.push_back(Failure{
                step.mark, "sp: fail pending found no pending SIO_GET_QOS on " + step.socket});
          }
        } else {
          emulator.fail_next_call(socket, *sp.call, sp.error);
          if (recorder) recorder->failure_injected(step.socket, *sp.call, sp.error);
        }
      },
      action);
}

}  // namespace qosbed::runner
