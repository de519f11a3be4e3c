#include "cli/scenario_runs.hpp"

#include <algorithm>
#include <atomic>
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

ScenarioRun play(const std::string& file, const PlayOptions& options, std::ostream* live) {
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
  run.outcome.expectations_checked = result.expectations_checked;
  if (result.stopped) {
    run.stopped = runner::format(*result.stopped, scenario->steps.size());
    run.outcome.messages.push_back(*run.stopped);
  }
  if (!result.passed()) {
    run.outcome.result = report::ScenarioOutcome::Result::failed;
    // A run that stopped is told by the caller, which knows whether a signal stopped it.
    if (!result.stopped) {
      err << file << ": FAILED (" << result.failures.size() << " of " << result.expectations_checked
          << " expectations)\n";
    }
  }
  run.out = buffered.str();
  run.err = err.str();
  run.json = json.str();
  return run;
}

void play_all(const std::vector<std::string>& files, unsigned jobs, const PlayOptions& options,
              std::ostream& live,
              const std::function<bool(std::size_t index, ScenarioRun& run)>& done) {
  if (jobs <= 1 || files.size() <= 1) {
    for (std::size_t i = 0; i < files.size(); ++i) {
      ScenarioRun run = play(files[i], options, &live);
      if (!done(i, run)) return;
    }
    return;
  }
  std::atomic<bool> stop{false};
  std::vector<std::optional<ScenarioRun>> runs(files.size());
  std::mutex mutex;
  std::condition_variable finished;
  std::atomic<std::size_t> next{0};
  {
    std::vector<std::jthread> workers;
    for (unsigned j = 0; j < std::min<std::size_t>(jobs, files.size()); ++j) {
      workers.emplace_back([&] {
        for (std::size_t i = next++; i < files.size() && !stop; i = next++) {
          ScenarioRun run = play(files[i], options);
          const std::lock_guard lock(mutex);
          runs[i] = std::move(run);
          finished.notify_all();
        }
      });
    }
    // Hand runs over in file order on this thread, while the workers go on.
    for (std::size_t i = 0; i < files.size(); ++i) {
      std::unique_lock lock(mutex);
      finished.wait(lock, [&] { return runs[i].has_value(); });
      ScenarioRun run = std::move(*runs[i]);
      runs[i].reset();
      lock.unlock();
      if (!done(i, run)) {
        // The workers finish the runs they are playing and take no more.
        stop = true;
        break;
      }
    }
  }
}

}  // namespace qosbed::cli
