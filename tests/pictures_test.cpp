// `qosbed diagram` and `qosbed report`: the chart laid out from a run written here and from a
// bundled network scenario, the cap on records, the commands' files and exit codes, the HTML
// page's trace rows and expectation results, and hostile text escaped.
#define BOOST_TEST_MODULE pictures
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <regex>
#include <sstream>

#include "cli/picture_run.hpp"
#include "cli_harness.hpp"
#include "report/sequence_diagram.hpp"
#include "report/svg_writer.hpp"
#include "runner/runner.hpp"
#include "scenario/loader.hpp"

using namespace qosbed;
using qosbed::test::command;
using Result = qosbed::test::CommandResult;

namespace {

struct Folder : qosbed::test::TempFolder {
  Folder() : TempFolder("pictures") {}
};

// A receiver's query pends, completes at 5 ms, and a second one is still pending at the end.
const std::string two_sockets =
    "scenario: two-sockets\ndescription: A query completes, the next one pends.\n"
    "sockets:\n  rx: {role: receiver}\n  tx: {role: sender, remote: 10.0.0.2:5000}\n"
    "steps:\n  - {app: bind, socket: rx}\n  - {app: connect, socket: tx}\n"
    "  - {app: get_qos, socket: rx}\n"
    "  - {at: 5ms, sp: fd_qos, socket: rx, status: WSA_QOS_SENDERS}\n"
    "  - {app: wait, alertable: true, timeout: 10ms}\n"
    "  - {expect: completion, socket: rx, status: WSA_QOS_SENDERS}\n"
    "  - {app: get_qos, socket: rx}\n";

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::size_t occurrences(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

struct Played {
  scenario::Scenario scenario;
  engine::TraceLog trace;
};

void play(Played& played, const std::string& text) {
  scenario::LoadResult loaded = scenario::load_text(text, "two.yaml");
  BOOST_REQUIRE(loaded.scenario.has_value());
  played.scenario = std::move(*loaded.scenario);
  runner::RunOptions options;
  options.trace = &played.trace;
  BOOST_REQUIRE(runner::run(played.scenario, options).passed());
}

std::vector<std::string> lifeline_names(const report::SequenceDiagram& diagram) {
  std::vector<std::string> names;
  for (const auto& line : diagram.lifelines) names.push_back(line.name);
  return names;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_chart_draws_what_ran) {
  Played played;
  play(played, two_sockets);
  const auto diagram =
      report::lay_out("two-sockets", cli::participants_of(played.scenario), played.trace.records());
  BOOST_TEST(
      lifeline_names(diagram) == (std::vector<std::string>{"rx", "tx", "RSVP SP", "network"}),
      boost::test_tools::per_element());
  BOOST_TEST(diagram.lifelines[0].role == "receiver");
  BOOST_TEST(diagram.lifelines[1].role == "sender");

  struct Expected {
    std::size_t from, to;
    report::ArrowKind kind;
    std::string label;
  };
  using report::ArrowKind;
  const std::vector<Expected> expected{
      {0, 2, ArrowKind::call, "bind (0.0.0.0:0): 0"},
      {1, 2, ArrowKind::call, "connect (10.0.0.2:5000): 0"},
      {0, 2, ArrowKind::call, "get_qos (overlapped routine): WSA_IO_PENDING"},
      {3, 2, ArrowKind::indication, "FD_QOS WSA_QOS_SENDERS for rx: completed"},
      {2, 0, ArrowKind::finished, "finished get_qos: NO_ERROR, 100 bytes (not yet seen)"},
      {2, 0, ArrowKind::completion,
       "completion get_qos (routine): NO_ERROR, 100 bytes, WSA_QOS_SENDERS"},
      {0, 2, ArrowKind::call, "get_qos (overlapped routine): WSA_IO_PENDING"},
  };
  BOOST_REQUIRE(diagram.arrows.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    BOOST_TEST_INFO("arrow " << i);
    BOOST_TEST(diagram.arrows[i].from == expected[i].from);
    BOOST_TEST(diagram.arrows[i].to == expected[i].to);
    BOOST_TEST((diagram.arrows[i].kind == expected[i].kind));
    BOOST_TEST(diagram.arrows[i].label == expected[i].label);
    if (i > 0) BOOST_TEST(diagram.arrows[i].y > diagram.arrows[i - 1].y);
  }
  // The wait is the application thread's: one box over both sockets, after the completion.
  BOOST_REQUIRE(diagram.notes.size() == 1u);
  BOOST_TEST(diagram.notes[0].label == "sleep_ex (alertable, 10 ms): WSA_WAIT_IO_COMPLETION");
  BOOST_TEST(diagram.notes[0].first == 0u);
  BOOST_TEST(diagram.notes[0].last == 1u);
  BOOST_TEST(diagram.notes[0].y > diagram.arrows[5].y);
  // The first query pends from its call to its completion; the second is still pending.
  BOOST_REQUIRE(diagram.activations.size() == 2u);
  BOOST_TEST(diagram.activations[0].lifeline == 0u);
  BOOST_TEST(diagram.activations[0].top == diagram.arrows[2].y);
  BOOST_TEST(diagram.activations[0].bottom == diagram.arrows[5].y);
  BOOST_TEST(!diagram.activations[0].open);
  BOOST_TEST(diagram.activations[1].top == diagram.arrows[6].y);
  BOOST_TEST(diagram.activations[1].open);
  BOOST_REQUIRE(diagram.times.size() == 2u);
  BOOST_TEST(diagram.times[0].text == "0.000 ms");
  BOOST_TEST(diagram.times[1].text == "5.000 ms");
  BOOST_TEST(diagram.times[1].y == diagram.arrows[3].y);
  BOOST_TEST(diagram.records_drawn == played.trace.records().size());
  BOOST_TEST(diagram.records_left_out == 0u);
}

// A time label sits above its guide line: the glyphs of an 11-pixel font reach some 8 pixels
// above the baseline, so a line between the baseline and that height strikes the text out.
BOOST_AUTO_TEST_CASE(time_labels_are_not_struck_through) {
  Played played;
  play(played, two_sockets);
  const std::string svg = report::to_svg(report::lay_out(
      "two-sockets", cli::participants_of(played.scenario), played.trace.records()));
  const std::regex mark(R"re(<text x="12" y="(\d+)"[^>]*>(\d+\.\d{3} ms)</text>\n)re"
                        R"re(<line x1="12" y1="(\d+)" x2="80" y2="(\d+)")re");
  std::size_t labels = 0;
  for (std::sregex_iterator it(svg.begin(), svg.end(), mark), end; it != end; ++it, ++labels) {
    const int baseline = std::stoi((*it)[1]);
    const int line = std::stoi((*it)[3]);
    BOOST_TEST_INFO((*it)[2] << ": baseline " << baseline << ", line " << line);
    BOOST_TEST((line < baseline - 9 || line > baseline + 2));
  }
  BOOST_TEST(labels == 2u);  // 0.000 ms and 5.000 ms
}

BOOST_AUTO_TEST_CASE(a_long_run_is_cut_with_a_note) {
  Played played;
  play(played, two_sockets);
  const std::size_t total = played.trace.records().size();
  const auto diagram = report::lay_out("two-sockets", cli::participants_of(played.scenario),
                                       played.trace.records(), 3);
  BOOST_TEST(diagram.records_drawn == 3u);
  BOOST_TEST(diagram.records_left_out == total - 3);
  BOOST_TEST(diagram.arrows.size() == 3u);
  const std::string svg = report::to_svg(diagram);
  BOOST_TEST(svg.find("The chart stops after 3 drawn records: " + std::to_string(total - 3) +
                      " more trace records are not drawn") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_network_scenario_has_a_lifeline_per_node) {
  auto loaded =
      scenario::load_file(QOSBED_SOURCE_DIR "/scenarios/network/reservation-confirmed.yaml");
  BOOST_REQUIRE(loaded.scenario.has_value());
  engine::TraceLog trace;
  runner::RunOptions options;
  options.trace = &trace;
  BOOST_REQUIRE(runner::run(*loaded.scenario, options).passed());
  const auto diagram =
      report::lay_out("net", cli::participants_of(*loaded.scenario), trace.records());
  BOOST_TEST(
      lifeline_names(diagram) == (std::vector<std::string>{"rx", "tx", "RSVP SP", "s", "r1", "d"}),
      boost::test_tools::per_element());
  // PATH hop by hop s -> r1 -> d, RESV back d -> r1 -> s, then the ResvConf on its way to d.
  std::vector<std::string> rsvp;
  for (const auto& arrow : diagram.arrows) {
    if (arrow.kind != report::ArrowKind::rsvp) continue;
    rsvp.push_back(arrow.label + " " + diagram.lifelines[arrow.from].name + ">" +
                   diagram.lifelines[arrow.to].name);
  }
  BOOST_REQUIRE(rsvp.size() >= 5u);
  BOOST_TEST((std::vector<std::string>(rsvp.begin(), rsvp.begin() + 5)) ==
                 (std::vector<std::string>{"Path s>r1", "Path r1>d", "Resv WF d>r1", "Resv WF r1>s",
                                           "ResvConf s>r1"}),
             boost::test_tools::per_element());
  // The indications come from the host whose SP serves the socket.
  bool from_host = false;
  for (const auto& arrow : diagram.arrows) {
    if (arrow.kind == report::ArrowKind::indication && arrow.label.ends_with("for rx: completed"))
      from_host = diagram.lifelines[arrow.from].name == "d";
  }
  BOOST_TEST(from_host);
}

BOOST_AUTO_TEST_CASE(diagram_writes_a_standalone_svg) {
  Folder folder;
  folder.write("two.yaml", two_sockets);
  const std::string svg = folder.file("two.svg");
  const Result written = command({"diagram", folder.file("two.yaml"), "-o", svg});
  BOOST_TEST(written.code == 0);
  BOOST_TEST(written.err == "");
  const std::string text = read(svg);
  BOOST_TEST(text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "));
  BOOST_TEST(text.ends_with("</svg>\n"));
  BOOST_TEST(occurrences(text, "fill=\"" + std::string(report::lifeline_colour) + "\"") == 4u);
  BOOST_TEST(text.find("href") == std::string::npos);

  // A failed expectation: exit 1, said as `run` says it, and the chart still written.
  folder.write("fails.yaml", two_sockets + "  - {expect: call, result: 0}\n");
  const Result failed = command({"diagram", folder.file("fails.yaml"), "-o", svg});
  BOOST_TEST(failed.code == 1);
  BOOST_TEST(failed.err.find("fails.yaml:14: expected call result 0 vs actual -1") !=
             std::string::npos);
  BOOST_TEST(read(svg).ends_with("</svg>\n"));
}

BOOST_AUTO_TEST_CASE(bad_input_is_exit_2) {
  Folder folder;
  folder.write("two.yaml", two_sockets);
  const std::string file = folder.file("two.yaml");
  for (const std::string name : {"diagram", "report"}) {
    BOOST_TEST_INFO(name);
    const Result no_output = command({name, file});
    BOOST_TEST(no_output.code == 2);
    BOOST_TEST(no_output.err.starts_with("qosbed: " + name + " needs -o OUT, the file to write\n"));
    const Result two = command({name, file, file, "-o", folder.file("x")});
    BOOST_TEST(two.code == 2);
    BOOST_TEST(two.err.starts_with("qosbed: " + name + " takes one scenario file\n"));
    const Result cap = command({name, file, "-o", folder.file("x"), "--max-records", "-1"});
    BOOST_TEST(cap.code == 2);
    BOOST_TEST(cap.err == "qosbed: --max-records -1: expected 1 to 10000\n");
    const Result missing = command({name, folder.file("none.yaml"), "-o", folder.file("x")});
    BOOST_TEST(missing.code == 2);
    const Result unwritable = command({name, file, "-o", folder.file("no/such/dir/x")});
    BOOST_TEST(unwritable.code == 2);
    BOOST_TEST(unwritable.err == "qosbed: " + folder.file("no/such/dir/x") +
                                     ": cannot be written: No such file or directory\n");
    BOOST_TEST(!std::filesystem::exists(folder.file("x")));
    const Result help = command({name, "--help"});
    BOOST_TEST(help.code == 0);
    BOOST_TEST(help.out.starts_with("usage: qosbed " + name + " FILE -o OUT."));
  }
}

BOOST_AUTO_TEST_CASE(report_shows_the_trace_and_each_expectation) {
  Folder folder;
  folder.write("fails.yaml", two_sockets + "  - {expect: call, result: 0}\n");
  const std::string html = folder.file("fails.html");
  const Result written = command({"report", folder.file("fails.yaml"), "-o", html});
  BOOST_TEST(written.code == 1);
  const std::string page = read(html);
  BOOST_TEST(page.starts_with("<!DOCTYPE html>\n"));
  BOOST_TEST(page.find("<h1>two-sockets</h1>") != std::string::npos);
  BOOST_TEST(page.find("A query completes, the next one pends.") != std::string::npos);
  BOOST_TEST(page.find("failed: 1 of 2 expectations failed") != std::string::npos);
  // One row per trace record, plus the header.
  const auto trace_at = page.find("<table class=\"trace\">");
  BOOST_REQUIRE(trace_at != std::string::npos);
  BOOST_TEST(occurrences(page.substr(trace_at), "<tr>") == 9u);
  BOOST_TEST(
      page.find("<td class=\"time\">5.000 ms</td><td>rx</td><td>completion</td>"
                "<td>get_qos</td><td>NO_ERROR, WSA_QOS_SENDERS</td><td>from routine; 100 bytes; "
                "sending ") != std::string::npos);
  BOOST_TEST(page.find("<td>rx</td><td>call</td><td>get_qos</td><td>WSA_IO_PENDING</td>") !=
             std::string::npos);
  // Both expectations, as written, with their results.
  BOOST_TEST(page.find("<td>" + folder.file("fails.yaml") +
                       ":12</td><td>completion on rx at 5.000 ms</td><td class=\"passed\">passed"
                       "</td><td><pre>  - {expect: completion, socket: rx, status: "
                       "WSA_QOS_SENDERS}\n</pre></td><td></td>") != std::string::npos);
  BOOST_TEST(page.find("<td>" + folder.file("fails.yaml") +
                       ":14</td><td>call at 5.000 ms</td><td class=\"failed\">failed</td>") !=
             std::string::npos);
  BOOST_TEST(page.find(folder.file("fails.yaml") +
                       ":14: expected call result 0 vs actual -1 (call on rx at 5.000 ms, from "
                       "get_qos)<br>") != std::string::npos);
  // Self-contained: the chart inline, no script, nothing fetched.
  BOOST_TEST(occurrences(page, "<svg ") == 1u);
  BOOST_TEST(page.find("<?xml") == std::string::npos);
  for (const std::string outside : {"<script", "src=", "href", "url(", "https:"})
    BOOST_TEST(page.find(outside) == std::string::npos, outside);
  BOOST_TEST(occurrences(page, "http://") == 1u);  // the SVG namespace, never fetched
}

// The comment before a step introduces that step: it is not the step before's text.
BOOST_AUTO_TEST_CASE(report_shows_each_expectation_without_the_next_steps_comment) {
  Folder folder;
  folder.write("commented.yaml",
               "scenario: commented\nsockets:\n  rx: {role: receiver}\nsteps:\n"
               "  - app: bind\n    socket: rx\n"
               "  - expect: call\n    result: 0     # bind returns 0\n"
               "    # error: 0  (a key commented out stays with it)\n\n"
               "  # The receiver asks next.\n"
               "  - app: get_qos\n    socket: rx\n");
  const std::string html = folder.file("commented.html");
  BOOST_TEST(command({"report", folder.file("commented.yaml"), "-o", html}).code == 0);
  const std::string page = read(html);
  BOOST_TEST(page.find("<td><pre>  - expect: call\n    result: 0     # bind returns 0\n"
                       "    # error: 0  (a key commented out stays with it)\n</pre></td>") !=
             std::string::npos);
  BOOST_TEST(page.find("The receiver asks next.") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(hostile_text_is_escaped) {
  Folder folder;
  std::string hostile = two_sockets;
  hostile.replace(hostile.find("description: A query completes, the next one pends."), 51,
                  "description: '<script>alert(1)</script> & \"quoted\" ]]> <!-- x'");
  folder.write("hostile.yaml", hostile);
  const std::string html = folder.file("hostile.html");
  BOOST_TEST(command({"report", folder.file("hostile.yaml"), "-o", html}).code == 0);
  const std::string page = read(html);
  BOOST_TEST(page.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; ]]&gt; "
                       "&lt;!-- x") != std::string::npos);
  BOOST_TEST(page.find("<script") == std::string::npos);
  BOOST_TEST(page.find("<!--") == std::string::npos);
}
