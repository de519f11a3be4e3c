#include "cli/compile.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>
#include <stdexcept>

#include "engine/event_queue.hpp"
#include "gqos/constants.hpp"
#include "provider/ipv4.hpp"
#include "rsvp/session.hpp"
#include "runner/runner.hpp"
#include "scenario/messages.hpp"
#include "scenario/suggest.hpp"
#include "scenario/writer.hpp"

namespace qosbed::cli {
namespace {

using scenario::NetworkSpec;

// One step of the compiled timeline, or a comment in its place: its time, and where it goes
// among steps of the same time.
struct Line {
  engine::TimeUs t_us = 0;
  std::size_t order = 0;
  std::optional<scenario::Step> step;
  std::string note;  // the comment before the step, or in place of one
};

// An indication the host's SP gave, and the step played last at that same time, if any.
struct Indicated {
  engine::TimeUs t_us = 0;
  std::string socket;
  gqos::Indication indication;
  std::optional<std::size_t> during_step;
};

std::size_t host_index(const NetworkSpec& network, const std::string& host) {
  std::vector<std::string_view> hosts;
  for (std::size_t i = 0; i < network.nodes.size(); ++i) {
    if (network.nodes[i].kind != scenario::NodeKind::host) continue;
    if (network.nodes[i].name == host) return i;
    hosts.push_back(network.nodes[i].name);
  }
  throw std::invalid_argument(
      scenario::msg::unknown("host", host, scenario::closest(host, hosts), hosts));
}

// The sockets on `host`: those its senders and receivers name, and those bound to its address.
std::set<std::string> sockets_of(const scenario::Scenario& scenario, std::size_t host) {
  const NetworkSpec& network = *scenario.network;
  std::set<std::string> sockets;
  for (const scenario::SocketSpec& socket : scenario.sockets) {
    if (socket.local && provider::parse_ipv4(socket.local->host) == network.nodes[host].address) {
      sockets.insert(socket.id);
    }
  }
  for (const auto& sender : network.senders) {
    if (sender.host == host && !sender.socket.empty()) sockets.insert(sender.socket);
  }
  for (const auto& receiver : network.receivers) {
    if (receiver.host == host && !receiver.socket.empty()) sockets.insert(receiver.socket);
  }
  return sockets;
}

std::string choose_host(const scenario::Scenario& scenario) {
  const NetworkSpec& network = *scenario.network;
  for (std::size_t i = 0; i < network.nodes.size(); ++i) {
    if (network.nodes[i].kind == scenario::NodeKind::host && !sockets_of(scenario, i).empty()) {
      return network.nodes[i].name;
    }
  }
  throw std::invalid_argument(
      "no socket is on a host (named by a sender or receiver, or bound to its address): nothing "
      "to compile");
}

// Plays the run (the applications drive their hosts' SPs) and keeps what the host's sockets were
// told.
std::vector<Indicated> indications_at(const scenario::Scenario& scenario,
                                      const std::set<std::string>& sockets) {
  std::vector<Indicated> out;
  runner::RunOptions options;
  options.on_sp_indication = [&](engine::TimeUs t_us, const std::string& socket,
                                 const gqos::Indication& indication,
                                 std::optional<std::size_t> after_step) {
    if (sockets.count(socket)) out.push_back({t_us, socket, indication, after_step});
  };
  runner::run(scenario, options);
  return out;
}

// Why the host's SP said it, in RSVP terms.
std::string cause_of(std::uint32_t status, const std::string& host) {
  switch (status) {
    case gqos::status::senders:
      return "a PATH reached " + host + ": a sender, its Tspec and the path's ADSPEC";
    case gqos::status::receivers:
      return "a RESV reached " + host + ": what the network reserved for its senders";
    case gqos::status::no_senders:
      return "the last sender's path state at " + host + " is gone (PathTear or timeout)";
    case gqos::status::no_receivers:
      return "the last reservation for " + host + "'s senders is gone (ResvTear or timeout)";
    case gqos::status::request_confirmed:
      return "a ResvConf reached " + host;
    default:
      return "a ResvErr reached " + host;
  }
}

// The indication as an `sp: fd_qos` step, with the RSVP event behind it as its note.
Line indication_line(const Indicated& item, std::size_t order, const std::string& host) {
  scenario::Step step;
  step.at_us = item.t_us;
  step.socket = item.socket;
  step.action = scenario::SpAction{scenario::SpFdQos{item.indication}};
  return {item.t_us, order, std::move(step), cause_of(item.indication.status, host)};
}

// A `net:` step as a comment: what the network played, in the flow style it was written in.
std::string flow(const YAML::Node& node) {
  YAML::Emitter emitter;
  emitter.SetMapFormat(YAML::Flow);
  emitter.SetSeqFormat(YAML::Flow);
  emitter << node;
  return emitter.c_str();
}

bool keeps(const scenario::Step& step, const std::set<std::string>& sockets) {
  if (std::holds_alternative<scenario::SpAction>(step.action) ||
      std::holds_alternative<scenario::NetAction>(step.action)) {
    return false;
  }
  if (const auto* expectation = std::get_if<scenario::Expectation>(&step.action)) {
    if (std::holds_alternative<scenario::ExpectMessage>(*expectation) ||
        std::holds_alternative<scenario::ExpectState>(*expectation)) {
      return false;
    }
  }
  return step.socket.empty() || sockets.count(step.socket) > 0;
}

std::string slug_of(const std::string& text) {
  std::string slug;
  for (char c : text) {
    const char lower = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    const bool word = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9');
    if (word) {
      slug += lower;
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

}  // namespace

Compiled compile_for_host(const scenario::Scenario& scenario, const std::string& source,
                          const std::string& host) {
  if (!scenario.network) {
    throw std::invalid_argument("not a network scenario: it has no 'network:' section");
  }
  const NetworkSpec& network = *scenario.network;
  Compiled compiled;
  compiled.host = host.empty() ? choose_host(scenario) : host;
  const std::size_t node = host_index(network, compiled.host);
  const std::set<std::string> sockets = sockets_of(scenario, node);
  if (sockets.empty()) {
    throw std::invalid_argument("host '" + compiled.host +
                                "' has no socket: no sender or receiver there names one");
  }
  const YAML::Node root = YAML::Load(source);
  const YAML::Node steps = root["steps"];

  std::vector<Line> lines;
  bool last_app_kept = true;  // an `expect: call` goes with the app step before it
  for (std::size_t i = 0; i < scenario.steps.size(); ++i) {
    const scenario::Step& step = scenario.steps[i];
    const YAML::Node original = steps[i];
    if (std::holds_alternative<scenario::NetAction>(step.action)) {
      YAML::Node change = YAML::Clone(original);
      change.remove("at");
      change.remove("after");
      lines.push_back({step.at_us, 2 * i + 1, std::nullopt,
                       scenario::duration_text(step.at_us) + ": " + flow(change) +
                           " (played by the network; its effect at " + compiled.host +
                           " is in the fd_qos steps)"});
      continue;
    }
    const bool app = std::holds_alternative<scenario::AppAction>(step.action);
    const auto* expectation = std::get_if<scenario::Expectation>(&step.action);
    const bool call_check =
        expectation && std::holds_alternative<scenario::ExpectCall>(*expectation);
    bool kept = keeps(step, sockets) && (!call_check || last_app_kept);
    // SIO_CHK_QOS is answered from the network, which the compiled scenario has not: the call
    // stays, what it returned is not checked.
    const auto* app_action = std::get_if<scenario::AppAction>(&step.action);
    const bool asks_network =
        app_action && std::holds_alternative<scenario::AppCheckQos>(*app_action);
    if (app) last_app_kept = kept && !asks_network;
    const std::string note =
        kept && asks_network ? "answered by the network: its result is not checked here" : "";
    if (kept) lines.push_back({step.at_us, 2 * i + 1, step, note});
  }
  for (const Indicated& item : indications_at(scenario, sockets)) {
    // After the step of its time played before it, else before the steps of its time.
    const std::size_t order = item.during_step ? 2 * *item.during_step + 2 : 0;
    lines.push_back(indication_line(item, order, compiled.host));
    ++compiled.indications;
  }
  std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
    return a.t_us != b.t_us ? a.t_us < b.t_us : a.order < b.order;
  });

  std::string name = scenario.name + "-at-" + slug_of(compiled.host);
  if (slug_of(compiled.host).empty()) name = scenario.name + "-compiled";
  const rsvp::Address address = network.nodes[node].address;
  scenario::ScenarioWriter writer;
  writer.comment("Compiled by `qosbed compile` from " + scenario.file + " for host " +
                 compiled.host + " (" + rsvp::address_text(address) + ").\n" +
                 "The network is gone: what " + compiled.host +
                 "'s RSVP SP indicated to its sockets is scripted as\n"
                 "`sp: fd_qos` steps at the times the network produced them, each with the RSVP "
                 "event\nbehind it. The application's steps and expectations on those sockets are "
                 "kept, each at\nits absolute time. Change the indications, their times or the "
                 "application to explore\nwhat-ifs; `qosbed validate` and `qosbed run` check the "
                 "result.");
  writer.name(name);
  if (!scenario.description.empty()) {
    writer.description("Compiled for host " + compiled.host + " from " + scenario.name + ". " +
                       scenario.description);
  }
  writer.provider(scenario.sp);
  std::vector<scenario::SocketSpec> kept_sockets;
  for (const scenario::SocketSpec& socket : scenario.sockets) {
    if (sockets.count(socket.id)) kept_sockets.push_back(socket);
  }
  writer.sockets(kept_sockets);
  writer.steps();
  for (const Line& line : lines) {
    if (!line.step) {
      writer.step_comment(line.note);
      continue;
    }
    scenario::StepNotes notes;
    notes.before = line.note;
    writer.step(*line.step, notes);
  }
  compiled.yaml = writer.text();
  return compiled;
}

}  // namespace qosbed::cli
