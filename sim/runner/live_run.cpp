#include "runner/live_run.hpp"

#include <algorithm>
#include <memory>
#include <variant>

#include "engine/tracing_provider.hpp"
#include "gqos/names.hpp"
#include "provider/winsock_provider.hpp"
#include "record/session_recorder.hpp"
#include "runner/app_player.hpp"
#include "runner/early_stop.hpp"

namespace qosbed::runner {
namespace {

std::string describe_error(std::uint32_t error) {
  if (error == provider::error_no_qos_provider)
    return std::string(provider::no_qos_provider_message);
  return gqos::name_or_number(gqos::NameGroup::error, error);
}

class LivePlayer {
 public:
  LivePlayer(const scenario::Scenario& scenario, provider::Provider& provider,
             const engine::Clock& clock, const LiveRunOptions& options)
      : scenario_(scenario),
        provider_(provider),
        clock_(clock),
        recorder_(options.recording ? std::make_unique<record::SessionRecorder>(clock) : nullptr),
        traced_(provider, clock, tee_),
        app_(traced_, recorder_.get(), clock, tee_, result_.failures),
        options_(options) {
    if (options.trace) tee_.add(*options.trace);
    if (recorder_) tee_.add(*recorder_);
  }

  RunResult play() {
    if (auto reason = play_until_stopped([this] { play_steps(); }))
      result_.stopped = stop_at(scenario_, current_, clock_.now_us(), std::move(*reason));
    result_.end_us = clock_.now_us();
    if (recorder_) *options_.recording = recorder_->scenario_yaml(options_.recording_name);
    return std::move(result_);
  }

 private:
  void play_steps() {
    if (const scenario::SocketSpec* refused = app_.open_sockets(scenario_.sockets, provider_)) {
      result_.stopped = stop_at(current_, clock_.now_us(),
                                "the provider would not open socket " + refused->id + ": " +
                                    describe_error(provider_.last_error()),
                                refused->mark);
      return;
    }
    engine::TimeUs last_us = 0;
    for (std::size_t i = 0; i < scenario_.steps.size(); ++i) {
      const scenario::Step& step = scenario_.steps[i];
      last_us = std::max(last_us, step.at_us);
      const auto* app = std::get_if<scenario::AppAction>(&step.action);
      if (!app) continue;
      current_ = i;
      wait_until(step.at_us);
      app_.play(step, *app);
    }
    current_ = scenario_.steps.size();
    wait_until(last_us);
  }

  // The application thread's idle time: it waits through the provider, alertably while a
  // Monitor has a query outstanding, in slices so an interrupt is seen within one.
  void wait_until(engine::TimeUs t_us) {
    check_interrupt(options_.interrupt);
    for (engine::TimeUs now = clock_.now_us(); now < t_us; now = clock_.now_us()) {
      const engine::TimeUs remaining_ms = (t_us - now + 999) / 1000;
      provider_.sleep_ex(
          static_cast<std::uint32_t>(std::min<engine::TimeUs>(remaining_ms, wait_slice_ms)),
          app_.monitor_running());
      check_interrupt(options_.interrupt);
    }
  }

  const scenario::Scenario& scenario_;
  provider::Provider& provider_;
  const engine::Clock& clock_;
  engine::TraceTee tee_;
  std::unique_ptr<record::SessionRecorder> recorder_;
  engine::TracingProvider traced_;
  RunResult result_;
  AppPlayer app_;
  const LiveRunOptions& options_;
  std::size_t current_ = 0;  // the step being played, for Stop
};

}  // namespace

LiveSkips live_skips(const scenario::Scenario& scenario) {
  LiveSkips skips;
  for (const scenario::Step& step : scenario.steps) {
    if (std::holds_alternative<scenario::Expectation>(step.action)) {
      ++skips.expectations;
    } else if (!std::holds_alternative<scenario::AppAction>(step.action)) {
      ++skips.provider_steps;
    }
  }
  return skips;
}

RunResult run_live(const scenario::Scenario& scenario, provider::Provider& provider,
                   const engine::Clock& clock, const LiveRunOptions& options) {
  LivePlayer player(scenario, provider, clock, options);
  return player.play();
}

}  // namespace qosbed::runner
