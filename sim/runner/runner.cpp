#include "runner/runner.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <memory>
#include <variant>

#include "engine/event_queue.hpp"
#include "engine/tracing_provider.hpp"
#include "provider_stub/emulator.hpp"
#include "record/session_recorder.hpp"
#include "runner/app_player.hpp"
#include "runner/early_stop.hpp"
#include "runner/emulator_options.hpp"
#include "runner/expectations.hpp"
#include "runner/network_run.hpp"
#include "runner/observed.hpp"
#include "runner/provider_steps.hpp"
#include "runner/provider_trace.hpp"

namespace qosbed::runner {
namespace {

class Player {
 public:
  Player(const scenario::Scenario& scenario, const RunOptions& options)
      : scenario_(scenario),
        emulator_(queue_, emulator_options(scenario.sp)),
        recorder_(options.recording ? std::make_unique<record::SessionRecorder>(queue_) : nullptr),
        traced_(emulator_, queue_, tee_),
        recording_(options.recording),
        recording_name_(options.recording_name),
        checker_(log_.records()),
        app_(traced_, recorder_.get(), queue_, tee_, result_.failures),
        provider_trace_(queue_, traced_, tee_),
        interrupt_(options.interrupt),
        capture_(options.capture),
        rsvp_objects_(options.rsvp_objects),
        strict_(options.strict),
        on_sp_indication_(options.on_sp_indication),
        on_network_end_(options.on_network_end) {
    tee_.add(log_);
    if (options.trace) tee_.add(*options.trace);
    emulator_.set_observer(&provider_trace_);
    if (recorder_) {
      tee_.add(*recorder_);
      recorder_->provider_of(scenario);
    }
  }

  // Plays every step, or stops early (interrupt, internal error) with result_.stopped saying
  // where; everything traced until then has reached the sinks either way.
  RunResult play() {
    if (auto reason = play_until_stopped([this] { play_steps(); })) {
      result_.stopped = stop_at(scenario_, current_, queue_.now_us(), std::move(*reason));
    } else {
      check_what_was_tested();
    }
    result_.end_us = queue_.now_us();
    if (recorder_) *recording_ = recorder_->scenario_yaml(recording_name_);
    return std::move(result_);
  }

 private:
  void play_steps() {
    start_network();
    schedule_provider_steps();
    for (std::size_t i = 0; i < scenario_.steps.size(); ++i) {
      const scenario::Step& step = scenario_.steps[i];
      if (std::holds_alternative<scenario::SpAction>(step.action) ||
          std::holds_alternative<scenario::NetAction>(step.action)) {
        continue;
      }
      current_ = i;
      advance_to(step.at_us, i);
      played_ = i;
      if (const auto* app = std::get_if<scenario::AppAction>(&step.action)) {
        app_.play(step, *app);
      } else {
        const std::size_t failures_before = result_.failures.size();
        expect(step, i, std::get<scenario::Expectation>(step.action));
        result_.expectations.push_back(
            {i, {result_.failures.begin() + failures_before, result_.failures.end()}});
      }
      nothing_since_ = log_.records().size();
    }
    // The provider's remaining steps still happen, so the trace shows them.
    current_ = scenario_.steps.size();
    if (network_) {
      advance_to(std::max(network_->end_us(), queue_.now_us()), scenario_.steps.size());
      network_->stop();
      if (on_network_end_) on_network_end_(*network_);
    }
    advance_to(std::numeric_limits<engine::TimeUs>::max(), scenario_.steps.size());
  }

  // A run that checks nothing passes whatever happens: said, or under --strict a failure, as is
  // an indication the application never observed.
  void check_what_was_tested() {
    if (result_.expectations_checked == 0) {
      const scenario::Mark file{scenario_.file, 0, 0};
      const std::string none = "no expectation: the run passes whatever the application does";
      if (strict_) {
        result_.failures.push_back(Failure{file, none + " (--strict)"});
      } else {
        result_.warnings.push_back(Failure{file, none});
      }
    }
    if (!strict_) return;
    for (Failure& failure : unobserved_indications(scenario_, indications_, log_.records())) {
      result_.failures.push_back(std::move(failure));
    }
  }

  // Opened untraced, as before the application's first step. The emulator opens every socket
  // (a no-qos-provider profile fails the calls after it).
  void open_sockets() { app_.open_sockets(scenario_.sockets, emulator_); }

  // A network scenario: every host's SP hears of its sockets' calls from the emulator and gives
  // their indications back to it. The sockets open once it listens, so none goes unheard.
  void start_network() {
    if (!scenario_.network) return open_sockets();
    network_ = std::make_unique<NetworkRun>(
        queue_, *scenario_.network, tee_,
        [this](provider::Socket socket, const gqos::Indication& indication) {
          if (on_sp_indication_) {
            const bool same_time = played_ && scenario_.steps[*played_].at_us == queue_.now_us();
            on_sp_indication_(queue_.now_us(), traced_.socket_name(socket), indication,
                              same_time ? played_ : std::nullopt);
          }
          emulator_.indicate(socket, indication);
        });
    if (capture_) network_->capture_to(*capture_);
    if (rsvp_objects_) network_->describe_objects();
    emulator_.set_qos_observer(network_.get());
    open_sockets();
    for (const scenario::SocketSpec& socket : scenario_.sockets) {
      network_->place(socket, app_.handle(socket.id));
    }
    network_->start();
    // No wait can be ended after the network stops (D16).
    emulator_.set_stall_horizon(network_stop_us(scenario_));
  }

  void schedule_provider_steps() {
    for (std::size_t i = 0; i < scenario_.steps.size(); ++i) {
      const scenario::Step& step = scenario_.steps[i];
      if (const auto* net = std::get_if<scenario::NetAction>(&step.action)) {
        provider_step_of_[queue_.schedule_at(step.at_us, [this, i, net] {
          played_ = i;
          network_->play(*net);
        })] = i;
        continue;
      }
      const auto* sp = std::get_if<scenario::SpAction>(&step.action);
      if (!sp) continue;
      const engine::EventId id =
          emulator_.schedule_script_event(app_.handle(step.socket), step.at_us, [this, i, sp] {
            played_ = i;
            play_sp(i, *sp);
          });
      provider_step_of_[id] = i;
    }
  }

  // While a monitor runs, the application thread spends its idle time in an alertable wait, so
  // completion routines run as soon as their requests finish.
  void idle() {
    if (app_.monitor_running() && emulator_.queued_completions() > 0) emulator_.sleep_ex(0, true);
  }

  // Moves the application thread to `t_us`, just before step `index`: everything scheduled
  // earlier happens, and so do provider steps at the same time that come before it in the file.
  void advance_to(engine::TimeUs t_us, std::size_t index) {
    check_interrupt(interrupt_);
    idle();
    while (auto due = queue_.next_due()) {
      check_interrupt(interrupt_);
      if (due->at_us > t_us) break;
      if (due->at_us == t_us) {
        auto step = provider_step_of_.find(due->id);
        if (step != provider_step_of_.end() && step->second > index) break;
      }
      queue_.run_next();
      idle();
    }
    if (t_us != std::numeric_limits<engine::TimeUs>::max()) queue_.advance_to(t_us);
  }

  void play_sp(std::size_t index, const scenario::SpAction& action) {
    const scenario::Step& step = scenario_.steps[index];
    // The emulator reports an indication's fate as one fd_qos record, appended next.
    if (std::holds_alternative<scenario::SpFdQos>(action)) {
      indications_.push_back({index, log_.records().size()});
    }
    play_provider_step(emulator_, app_.handle(step.socket), step, action, recorder_.get(),
                       result_.failures);
  }

  void expect(const scenario::Step& step, std::size_t index,
              const scenario::Expectation& expectation) {
    if (const auto* nothing = std::get_if<scenario::ExpectNothing>(&expectation)) {
      advance_to(nothing->until_us, index);
    }
    ++result_.expectations_checked;
    if (const auto* message = std::get_if<scenario::ExpectMessage>(&expectation)) {
      return network_->check(step, *message, log_.records(), queue_.now_us(), result_.failures);
    }
    if (const auto* state = std::get_if<scenario::ExpectState>(&expectation)) {
      return network_->check(step, *state, result_.failures);
    }
    checker_.check(step, expectation, app_.last_call(), nothing_since_, queue_.now_us(),
                   result_.failures);
  }

  const scenario::Scenario& scenario_;
  engine::EventQueue queue_;
  provider_stub::Emulator emulator_;
  engine::TraceLog log_;
  engine::TraceTee tee_;
  std::unique_ptr<record::SessionRecorder> recorder_;
  engine::TracingProvider traced_;
  std::string* recording_;
  std::string recording_name_;
  ExpectationChecker checker_;
  RunResult result_;
  AppPlayer app_;
  ProviderTrace provider_trace_;
  std::map<engine::EventId, std::size_t> provider_step_of_;
  std::unique_ptr<NetworkRun> network_;  // set for a scenario with `network:`
  std::size_t nothing_since_ = 0;
  const volatile std::sig_atomic_t* interrupt_;
  std::ostream* capture_;  // --pcap
  bool rsvp_objects_;
  std::size_t current_ = 0;  // the step being played, for Stop
  bool strict_;
  std::function<void(engine::TimeUs, const std::string&, const gqos::Indication&,
                     std::optional<std::size_t>)>
      on_sp_indication_;
  std::function<void(const NetworkRun&)> on_network_end_;
  std::optional<std::size_t> played_;          // the step played last
  std::vector<PlayedIndication> indications_;  // the sp: fd_qos steps played, in order
};

}  // namespace

namespace {

// "FILE:LINE", or "FILE" for the whole file.
std::string where(const scenario::Mark& mark) {
  return mark.line > 0 ? mark.file + ":" + std::to_string(mark.line) : mark.file;
}

}  // namespace

std::string format(const Failure& failure) {
  return where(failure.mark) + ": " + failure.message;
}

std::string format_warning(const Failure& failure) {
  return where(failure.mark) + ": warning: " + failure.message;
}

std::string format(const Stop& stop, std::size_t step_count) {
  const std::string step =
      stop.step <= step_count
          ? "step " + std::to_string(stop.step) + " of " + std::to_string(step_count)
          : "the end, after step " + std::to_string(step_count);
  return where(stop.mark) + ": stopped at " + step + ", t=" + std::to_string(stop.t_us) +
         " us: " + stop.reason;
}

RunResult run(const scenario::Scenario& scenario, const RunOptions& options) {
  Player player(scenario, options);
  return player.play();
}

engine::TimeUs network_stop_us(const scenario::Scenario& scenario) {
  engine::TimeUs stop = scenario.network ? scenario.network->end_us.value_or(0) : 0;
  for (const scenario::Step& step : scenario.steps) {
    stop = std::max(stop, step.at_us);
    if (const auto* expectation = std::get_if<scenario::Expectation>(&step.action)) {
      if (const auto* nothing = std::get_if<scenario::ExpectNothing>(expectation)) {
        stop = std::max(stop, nothing->until_us);
      }
    }
  }
  return stop;
}

}  // namespace qosbed::runner
