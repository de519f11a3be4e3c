#include "program/program_run.hpp"

#include <algorithm>
#include <limits>
#include <variant>

#include "engine/clock.hpp"
#include "engine/event_queue.hpp"
#include "engine/tracing_provider.hpp"
#include "program/process.hpp"
#include "program/session.hpp"
#include "program/turns.hpp"
#include "program/wine.hpp"
#include "provider_stub/emulator.hpp"
#include "record/session_recorder.hpp"
#include "runner/emulator_options.hpp"
#include "runner/expectations.hpp"
#include "runner/network_run.hpp"
#include "runner/provider_steps.hpp"
#include "runner/provider_trace.hpp"

namespace qosbed::program {
namespace {

using engine::TimeUs;

std::string seconds(std::chrono::milliseconds ms) {
  std::string text = std::to_string(ms.count() / 1000);
  if (const auto rest = ms.count() % 1000) {
    std::string fraction = std::to_string(1000 + rest).substr(1);
    while (fraction.back() == '0') fraction.pop_back();
    text += "." + fraction;
  }
  return text + " s";
}

class ProgramRun {
 public:
  ProgramRun(const scenario::Scenario& scenario, const ProgramRunOptions& options)
      : scenario_(scenario),
        options_(options),
        emulator_(queue_, runner::emulator_options(scenario.sp)),
        traced_(emulator_, queue_, tee_),
        provider_trace_(queue_, traced_, tee_),
        checker_(log_.records()) {
    tee_.add(log_);
    if (options.trace) tee_.add(*options.trace);
    if (options.recording) {
      recorder_ = std::make_unique<record::SessionRecorder>(queue_);
      recorder_->provider_of(scenario);
      tee_.add(*recorder_);
    }
    emulator_.set_observer(&provider_trace_);
  }

  ProgramRunResult play() {
    try {
      play_program();
      if (result_.start_error) return std::move(result_);
      finish_scenario();
    } catch (const std::exception& error) {
      runner::Stop stop;
      stop.mark = scenario::Mark{scenario_.file, 0, 0};
      stop.t_us = queue_.now_us();
      stop.reason = std::string("internal error: ") + error.what();
      result_.run.stopped = stop;
    }
    result_.run.end_us = queue_.now_us();
    if (recorder_) *options_.recording = recorder_->scenario_yaml(options_.recording_name);
    return std::move(result_);
  }

 private:
  // The scenario's sockets, opened on the emulator before the program starts, untraced, as a
  // scripted run opens them.
  std::vector<ScenarioSocket> open_sockets() {
    std::vector<ScenarioSocket> sockets;
    for (const scenario::SocketSpec& spec : scenario_.sockets) {
      const provider::Socket handle = emulator_.open(spec.role, spec.protocol);
      traced_.name_socket(handle, spec.id);
      if (recorder_) recorder_->add_socket(spec.id, spec.role, spec.protocol);
      handles_[spec.id] = handle;
      sockets.push_back(ScenarioSocket{&spec, handle});
    }
    return sockets;
  }

  // A network scenario: every host's SP hears of its sockets' calls, whoever makes them, and
  // gives their indications back to the emulator, as in a scripted run (runner/network_run.hpp).
  std::vector<ScenarioSocket> start_network() {
    if (!scenario_.network) return open_sockets();
    network_ = std::make_unique<runner::NetworkRun>(
        queue_, *scenario_.network, tee_,
        [this](provider::Socket socket, const gqos::Indication& indication) {
          emulator_.indicate(socket, indication);
        });
    emulator_.set_qos_observer(network_.get());
    std::vector<ScenarioSocket> sockets = open_sockets();
    for (const ScenarioSocket& socket : sockets) network_->place(*socket.spec, socket.handle);
    network_->start();
    return sockets;
  }

  // `sp:` and `net:` steps go on the clock; expectations wait for it to pass them, `expect:
  // nothing` for it to pass its `until:`.
  void schedule_steps() {
    std::size_t app_steps = 0;
    for (std::size_t i = 0; i < scenario_.steps.size(); ++i) {
      const scenario::Step& step = scenario_.steps[i];
      app_steps += std::holds_alternative<scenario::AppAction>(step.action) ? 1 : 0;
      if (const auto* net = std::get_if<scenario::NetAction>(&step.action)) {
        queue_.schedule_at(step.at_us, [this, net] { network_->play(*net); });
      } else if (const auto* sp = std::get_if<scenario::SpAction>(&step.action)) {
        queue_.schedule_at(step.at_us, [this, &step, sp] {
          runner::play_provider_step(emulator_, handles_.at(step.socket), step, *sp,
                                     recorder_.get(), result_.run.failures);
        });
      } else if (const auto* expect = std::get_if<scenario::Expectation>(&step.action)) {
        const auto* nothing = std::get_if<scenario::ExpectNothing>(expect);
        checks_.push_back(Check{i, nothing ? nothing->until_us : step.at_us});
      }
    }
    std::stable_sort(checks_.begin(), checks_.end(),
                     [](const Check& a, const Check& b) { return a.at_us < b.at_us; });
    if (app_steps > 0) {
      result_.notes.push_back(std::to_string(app_steps) +
                              " app: steps were not played: the program is the application");
    }
  }

  // One program of the run and its host.
  struct Program {
    const ProgramSpec* spec = nullptr;
    std::unique_ptr<Session> session;
    std::unique_ptr<Process> process;
  };

  // "the program", or with one program per host "the program on s".
  static std::string who(const Program& program) {
    return program.spec->host.empty() ? "the program" : "the program on " + program.spec->host;
  }

  // Each program takes the scenario sockets of its host; the only program takes them all.
  void open_sessions() {
    const std::vector<ScenarioSocket> sockets = start_network();
    for (const ProgramSpec& spec : options_.programs) {
      std::vector<ScenarioSocket> own;
      for (const ScenarioSocket& socket : sockets) {
        if (spec.host.empty() || network_->host_of(socket.handle) == spec.host) {
          own.push_back(socket);
        }
      }
      Program program;
      program.spec = &spec;
      program.session =
          std::make_unique<Session>(traced_, emulator_, queue_, tee_, std::move(own), spec.host);
      if (recorder_) {
        program.session->on_own_socket([this](const std::string& id, provider::Protocol protocol) {
          recorder_->add_socket(id, provider::Role::both, protocol);
        });
      }
      turns_.add(*program.session, spec.host);
      programs_.push_back(std::move(program));
    }
    turns_.on_time_passing([this](TimeUs t_us) { check_before(t_us); });
  }

  void play_program() {
    open_sessions();
    schedule_steps();
    // The network stops at its end, after the steps of that time, so that a program waiting for
    // nothing more is told so.
    if (network_) queue_.schedule_at(network_->end_us(), [this] { network_->stop(); });
    queue_.run_until(0);  // what the scenario does at 0 comes before the programs' first calls
    for (Program& program : programs_) {
      std::string error;
      program.process = Process::start(program.spec->command, options_.wine_prefix, error);
      if (!program.process) {
        result_.start_error = (programs_.size() > 1 ? who(program) + ": " : "") + error;
        return;  // the ones started are stopped as the run ends
      }
    }
    const WallClock::time_point deadline = WallClock::now() + options_.timeout;
    serve(deadline);
    if (result_.program_failure || result_.interrupted) return;
    std::vector<std::string> failures;
    for (Program& program : programs_) {
      if (auto failure = judge_ending(program)) failures.push_back(std::move(*failure));
    }
    if (!failures.empty()) {
      std::string text = failures.front();
      for (std::size_t i = 1; i < failures.size(); ++i) text += "; " + failures[i];
      result_.program_failure = std::move(text);
    }
  }

  // Why the program that ended failed, if it did; notes an early end.
  std::optional<std::string> judge_ending(Program& program) {
    const Ending ending = program.process->ending();
    const std::string when = " at t=" + engine::format_time(queue_.now_us());
    const TimeUs last_step = scenario_.steps.empty() ? 0 : scenario_.steps.back().at_us;
    if (ending.exited && last_step > queue_.now_us()) {
      result_.notes.push_back(
          who(program) + " " + describe(ending) + when +
          ", before the scenario's last step at t=" + engine::format_time(last_step));
    }
    if (!program.session->connected()) {
      return who(program) + " " + describe(ending) +
             (program.process->under_wine()
                  ? " without calling qosbed's ws2_32.dll: " +
                        why_never_connected(ending.exited, ending.code)
                  : " without calling qosbed_win32: is it linked with qosbed::win32?");
    }
    if (!ending.exited || ending.code != 0) return who(program) + " " + describe(ending) + when;
    return std::nullopt;
  }

  // Serves the programs' requests, one program at a time (turns.hpp), until all have ended or
  // the run must be stopped.
  void serve(WallClock::time_point deadline) {
    std::size_t current = 0;
    for (;;) {
      Program& program = programs_[current];
      win32::FrameHead head;
      std::vector<std::byte> body;
      std::string error;
      switch (program.process->read(head, body, deadline, options_.interrupt, error)) {
        case Process::Read::frame:
          break;
        case Process::Read::ended: {
          turns_.ended(current);
          if (!take_turn(current, deadline)) return;
          continue;
        }
        case Process::Read::timed_out:
          return stop("the program" + std::string(programs_.size() > 1 ? "s" : "") +
                      " ran out of wall-clock time (--timeout " + seconds(options_.timeout) +
                      ") at t=" + engine::format_time(queue_.now_us()) + state());
        case Process::Read::interrupted:
          result_.interrupted = true;
          for (Program& each : programs_) each.process->kill();
          return;
        case Process::Read::broken:
          return stop(who(program) + " broke the channel: " + error);
      }
      last_served_ = current;
      Outcome outcome = program.session->serve(head, body);
      if (outcome.failure) {
        return stop(programs_.size() > 1 ? program.spec->host + ": " + *outcome.failure
                                         : *outcome.failure);
      }
      if (outcome.waiting) {
        if (!take_turn(current, deadline)) return;
        continue;
      }
      write(program, outcome.frames, deadline);
    }
  }

  // Hands the turn to the program whose thread runs next; false when the serving is over.
  bool take_turn(std::size_t& current, WallClock::time_point deadline) {
    Turns::Next next = turns_.next();
    if (next.failure) {
      stop(std::move(*next.failure));
      return false;
    }
    if (!next.turn) return false;
    current = next.turn->program;
    write(programs_[current], next.turn->frames, deadline);
    return true;
  }

  void write(Program& program, const std::vector<std::vector<std::byte>>& frames,
             WallClock::time_point deadline) {
    // What qosbed wrote of the trace goes out before the program runs on and writes its own.
    if (options_.before_program_runs) options_.before_program_runs();
    for (const std::vector<std::byte>& frame : frames) {
      if (!program.process->write(frame, deadline)) break;  // it ended: the next read says so
    }
  }

  std::string state() const {
    std::string text = ":";
    for (const std::string& line : turns_.describe()) text += "\n  " + line;
    return text;
  }

  void stop(std::string why) {
    result_.program_failure = std::move(why);
    for (Program& program : programs_) program.process->kill();
  }

  // What the scenario still does after the program, and every expectation not checked yet.
  void finish_scenario() {
    while (const std::optional<TimeUs> next = queue_.next_time_us()) {
      check_before(*next);
      queue_.run_next();
    }
    check_before(std::numeric_limits<TimeUs>::max());
  }

  void check_before(TimeUs t_us) {
    while (next_check_ < checks_.size() && checks_[next_check_].at_us < t_us) {
      check(checks_[next_check_++].step);
    }
  }

  void check(std::size_t index) {
    const scenario::Step& step = scenario_.steps[index];
    const auto& expectation = std::get<scenario::Expectation>(step.action);
    std::vector<runner::Failure>& failures = result_.run.failures;
    const std::size_t before = failures.size();
    // Checked once nothing more can happen before the step's time, though the clock may not have
    // reached it: the state as of the step's time.
    const TimeUs as_of = std::max(queue_.now_us(), step.at_us);
    ++result_.run.expectations_checked;
    if (const auto* message = std::get_if<scenario::ExpectMessage>(&expectation)) {
      network_->check(step, *message, log_.records(), as_of, failures);
    } else if (const auto* state = std::get_if<scenario::ExpectState>(&expectation)) {
      network_->check(step, *state, failures);
    } else {
      // `expect: nothing` counts what happened after its own time.
      const auto& records = log_.records();
      const auto since = std::find_if(records.begin(), records.end(), [&](const auto& r) {
        return engine::head_of(r).t_us > step.at_us;
      });
      checker_.check(step, expectation, last_call(step.socket),
                     static_cast<std::size_t>(since - records.begin()), as_of, failures);
    }
    result_.run.expectations.push_back({index, {failures.begin() + before, failures.end()}});
  }

  // The last call a program made on `socket` by now; on any socket, by the program served last.
  std::optional<runner::CallResult> last_call(const std::string& socket) const {
    if (socket.empty()) return programs_[last_served_].session->last_call(socket);
    for (const Program& program : programs_) {
      if (auto call = program.session->last_call(socket)) return call;
    }
    return std::nullopt;
  }

  struct Check {
    std::size_t step = 0;
    TimeUs at_us = 0;  // checked once the clock passes it
  };

  const scenario::Scenario& scenario_;
  const ProgramRunOptions& options_;
  engine::EventQueue queue_;
  provider_stub::Emulator emulator_;
  engine::TraceLog log_;
  engine::TraceTee tee_;
  engine::TracingProvider traced_;
  runner::ProviderTrace provider_trace_;
  runner::ExpectationChecker checker_;
  std::map<std::string, provider::Socket> handles_;
  std::vector<Check> checks_;
  std::size_t next_check_ = 0;
  std::unique_ptr<record::SessionRecorder> recorder_;
  std::unique_ptr<runner::NetworkRun> network_;  // set for a scenario with `network:`
  Turns turns_{queue_};
  std::vector<Program> programs_;
  std::size_t last_served_ = 0;
  ProgramRunResult result_;
};

}  // namespace

ProgramRunResult run_program(const scenario::Scenario& scenario, const ProgramRunOptions& options) {
  ProgramRun run(scenario, options);
  return run.play();
}

}  // namespace qosbed::program
