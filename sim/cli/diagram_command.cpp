#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "cli/picture_run.hpp"
#include "report/svg_writer.hpp"

namespace qosbed::cli {

CommandHelp diagram_help() {
  constexpr std::string_view usage =
      "usage: qosbed diagram FILE -o OUT.svg [--max-records N]\n"
      "\n"
      "Plays one scenario and draws its run as a message sequence chart in one standalone SVG\n"
      "file: a lifeline per application socket, the RSVP SP, and the network (or each node of\n"
      "a network scenario); arrows for calls, completions, requests the provider finished,\n"
      "FD_QOS indications and RSVP messages, boxes for waits and monitor updates, each\n"
      "labelled with its call or status name; the virtual time runs down the left margin, and\n"
      "a pending request shows as a bar on its socket's lifeline until it completes. The chart\n"
      "is drawn from the run's trace records, so it shows exactly what ran; it stops after N\n"
      "records (default 400) with a note saying how many more there are. Exit codes as for\n"
      "qosbed run: 0 all expectations held, 1 one failed (the file is still written), 2 bad\n"
      "input, 3 the run stopped on an internal error.";
  return {usage, picture_options()};
}

int diagram_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  PictureRun run;
  if (auto done = play_for_picture(args, "diagram", diagram_help(), run, out, err)) return *done;
  const report::SequenceDiagram diagram = report::lay_out(
      run.scenario.name, participants_of(run.scenario), run.trace.records(), run.max_records);
  if (!write_output(run.output, report::svg_document(diagram), err)) return exit_bad_input;
  return outcome_code(run, err);
}

}  // namespace qosbed::cli
