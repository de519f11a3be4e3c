#include "cli/scenario_runs.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

#include "cli/arguments.hpp"
#include "cli/winsock_run.hpp"
#include "report/json_trace.hpp"
#include "report/text_trace.hpp"
#include "runner/live_run.hpp"
#include "runner/runner.hpp"

namespace qosbed::cli {

report::ExpectationCount expectations_of(const runner::RunResult& result) {
  report::ExpectationCount count;
  count.checked = result.expectations_checked;
  for (const runner::CheckedExpectation& checked : result.expectations) {
    if (!checked.failures.empty()) ++count.failed;
  }
  return count;
}

namespace {

ScenarioRun play_scenario(const std::string& file, const PlayOptions& options, std::ostream* live) {
  ScenarioRun run;
  run.outcome.file = file;
  std::ostringstream buffered;
  std::ostream& out = live ? *live : buffered;
  std::ostringstream err;
  std::ostringstream json;
  if (options.interrupt && *options.interrupt) {
    run.stopped = file + ": stopped before loading it";
    return run;
  }
  auto scenario = load(file, err);
  if (!scenario) {
    run.outcome.result = report::ScenarioOutcome::Result::invalid;
    std::istringstream diagnostics(err.str());
    for (std::string line; std::getline(diagnostics, line);) {
      run.outcome.messages.push_back(line);
    }
    run.err = err.str();
    return run;
  }
  run.outcome.name = scenario->name;
  if (options.capture && (!scenario->network || options.on_winsock)) {
    const std::string why =
        file +
        ": --pcap captures the RSVP messages of a network scenario played on the "
        "emulator; " +
        (options.on_winsock ? "--provider winsock plays no network"
                            : "this one has no 'network:' section");
    run.outcome.result = report::ScenarioOutcome::Result::invalid;
    run.outcome.messages.push_back(why);
    run.err = why + "\n";
    return run;
  }

  engine::TraceTee tee;
  std::unique_ptr<engine::TraceSink> shown;
  if (options.format == "json") {
    shown = std::make_unique<report::JsonTraceWriter>(out, options.name_scenario ? file : "");
  }
  if (options.format == "text") shown = std::make_unique<report::TextTraceWriter>(out);
  if (shown) tee.add(*shown);
  report::JsonTraceWriter kept(json);
  if (options.keep_json) tee.add(kept);

  if (options.format == "text") out << "# " << file << " (" << scenario->name << ")\n";
  runner::RunOptions run_options;
  run_options.trace = &tee;
  run_options.interrupt = options.interrupt;
  run_options.strict = options.strict;
  if (options.record) {
    run_options.recording = &run.recording;
    run_options.recording_name = scenario->name + "-recorded";
  }
  std::ostringstream capture;
  if (options.capture) run_options.capture = &capture;
  const runner::RunResult result = options.on_winsock ? run_on_winsock(*scenario, run_options)
                                                      : runner::run(*scenario, run_options);
  if (options.on_winsock) {
    const runner::LiveSkips skips = runner::live_skips(*scenario);
    err << file << ": played live on winsock; not played: " << skips.provider_steps
        << " sp:/net: steps, " << skips.expectations << " expectations\n";
  }
  for (const runner::Failure& warning : result.warnings) {
    err << runner::format_warning(warning) << "\n";
  }
  for (const runner::Failure& failure : result.failures) {
    err << runner::format(failure) << "\n";
    run.outcome.messages.push_back(runner::format(failure));
  }
  run.outcome.expectations = expectations_of(result);
  run.outcome.virtual_us = result.end_us;
  if (result.stopped) {
    run.stopped = runner::format(*result.stopped, scenario->steps.size());
    run.outcome.messages.push_back(*run.stopped);
  }
  if (!result.passed()) {
    run.outcome.result = report::ScenarioOutcome::Result::failed;
    // A run that stopped is told by the caller, which knows whether a signal stopped it.
    if (!result.stopped) {
      err << file << ": FAILED (" << report::describe(run.outcome.expectations) << ")\n";
    }
  }
  run.out = buffered.str();
  run.err = err.str();
  run.json = json.str();
  run.capture = capture.str();
  return run;
}

}  // namespace

ScenarioRun play(const std::string& file, const PlayOptions& options, std::ostream* live) {
  const auto start = std::chrono::steady_clock::now();
  ScenarioRun run = play_scenario(file, options, live);
  run.outcome.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return run;
}

std::size_t play_all(const std::vector<std::string>& files, unsigned jobs,
                     const PlayOptions& options, std::ostream& live,
                     const std::function<Next(std::size_t index, ScenarioRun& run)>& done) {
  if (jobs <= 1 || files.size() <= 1) {
    for (std::size_t i = 0; i < files.size(); ++i) {
      ScenarioRun run = play(files[i], options, &live);
      if (done(i, run) != Next::play_on) return i + 1;
    }
    return files.size();
  }
  std::vector<std::optional<ScenarioRun>> runs(files.size());
  std::mutex mutex;
  std::condition_variable finished;
  // Under `mutex`: the next file to start, and whether any more may start. Runs below `next`
  // have started and will be finished.
  std::size_t next = 0;
  bool start_no_more = false;
  std::size_t handed_over = 0;
  {
    std::vector<std::jthread> workers;
    for (unsigned j = 0; j < std::min<std::size_t>(jobs, files.size()); ++j) {
      workers.emplace_back([&] {
        for (;;) {
          std::size_t i = 0;
          {
            const std::lock_guard lock(mutex);
            if (start_no_more || next == files.size()) return;
            i = next++;
          }
          ScenarioRun run = play(files[i], options);
          const std::lock_guard lock(mutex);
          if (options.fail_fast && run.outcome.result != report::ScenarioOutcome::Result::passed) {
            start_no_more = true;
          }
          runs[i] = std::move(run);
          finished.notify_all();
        }
      });
    }
    // Hand runs over in file order on this thread, while the workers go on.
    for (std::size_t i = 0; i < files.size(); ++i) {
      std::unique_lock lock(mutex);
      const auto never_started = [&] { return start_no_more && i >= next; };
      finished.wait(lock, [&] { return runs[i].has_value() || never_started(); });
      if (!runs[i]) break;
      ScenarioRun run = std::move(*runs[i]);
      runs[i].reset();
      lock.unlock();
      handed_over = i + 1;
      const Next after = done(i, run);
      if (after == Next::play_on) continue;
      lock.lock();
      start_no_more = true;
      if (after == Next::stop) break;
    }
  }
  return handed_over;
}

}  // namespace qosbed::cli
