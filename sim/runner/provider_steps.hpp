// Plays one `sp:` step on the emulator, now: an FD_QOS indication, a failure injected into the
// socket's next call, or a failure of its oldest pending SIO_GET_QOS. The scenario runner and a
// program's run (sim/program) both schedule their `sp:` steps through it.
#pragma once

#include <vector>

#include "provider_stub/emulator.hpp"
#include "record/session_recorder.hpp"
#include "runner/runner.hpp"
#include "scenario/scenario.hpp"

namespace qosbed::runner {

// `recorder`, when set, is told of an injected failure (docs/recording.md). A `fail` with
// `pending` that finds nothing pending adds a failure at the step.
void play_provider_step(provider_stub::Emulator& emulator, provider::Socket socket,
                        const scenario::Step& step, const scenario::SpAction& action,
                        record::SessionRecorder* recorder, std::vector<Failure>& failures);

}  // namespace qosbed::runner
