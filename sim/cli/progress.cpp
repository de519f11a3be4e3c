#include "cli/progress.hpp"

#include <unistd.h>

namespace qosbed::cli {

namespace {

// Carriage return and "erase to the end of the line": the next line may be shorter.
constexpr std::string_view erase_line = "\r\x1b[K";

}  // namespace

void Progress::configure(bool stderr_stream, ColorChoice color) {
  const Terminal terminal = stderr_stream ? terminal_of(STDERR_FILENO) : Terminal{};
  redrawn_ = terminal.cursor_control;
  color_ = colors(color, terminal);
}

void Progress::start(std::size_t scenario_count) {
  count_ = scenario_count;
  shown_ = scenario_count > 1;
}

void Progress::clear(std::ostream& err) {
  if (drawn_) err << erase_line;
  drawn_ = false;
}

void Progress::finished(const std::string& file, report::ScenarioOutcome::Result result,
                        std::ostream& err) {
  using Result = report::ScenarioOutcome::Result;
  ++done_;
  if (result != Result::passed) ++failed_;
  if (!shown_) return;
  const std::string counts = "[" + std::to_string(done_) + "/" + std::to_string(count_) + "] ";
  if (!redrawn_) {
    const std::string word = result == Result::passed   ? painted("ok", Color::green, color_)
                             : result == Result::failed ? painted("FAILED", Color::red, color_)
                                                        : painted("INVALID", Color::red, color_);
    err << counts << word << "  " << file << "\n";
    return;
  }
  const std::string failed = std::to_string(failed_) + " failed";
  const std::string fixed = counts + failed + "  ";
  // The last column is left free: a line that fills it makes some terminals wrap.
  const std::size_t width = columns_of(STDERR_FILENO) - 1;
  std::string line;
  if (width_of(fixed) + 5 <= width) {
    line = counts + painted(failed, Color::red, color_ && failed_ > 0) + "  " +
           middle_cut(file, width - width_of(fixed));
  } else {
    line = middle_cut(counts + failed, width);
  }
  drawn_ = done_ < count_;
  err << erase_line << line << (drawn_ ? "" : erase_line) << std::flush;
}

}  // namespace qosbed::cli
