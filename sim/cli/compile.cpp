#include "cli/compile.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <stdexcept>

#include "engine/event_queue.hpp"
#include "gqos/constants.hpp"
#include "gqos/names.hpp"
#include "gqos/scenario_text.hpp"
#include "runner/network_run.hpp"
#include "scenario/messages.hpp"
#include "scenario/suggest.hpp"

namespace qosbed::cli {
namespace {

using scenario::NetworkSpec;

// One step of the compiled timeline: its time, where it goes among steps of the same time, and
// its text (a list item, indented under `steps:`).
struct Line {
  engine::TimeUs t_us = 0;
  std::size_t order = 0;
  std::string text;
};

// An indication the host's SP gave, and the step that was playing when it did (a `net:` step at
// the same time comes first in the file), if any.
struct Indicated {
  engine::TimeUs t_us = 0;
  std::string socket;
  gqos::Indication indication;
  std::optional<std::size_t> during_step;
};

std::size_t host_index(const NetworkSpec& network, const std::string& host) {
  std::vector<std::string_view> hosts;
  for (std::size_t i = 0; i < network.nodes.size(); ++i) {
    if (network.nodes[i].kind != rsvp::NodeKind::host) continue;
    if (network.nodes[i].name == host) return i;
    hosts.push_back(network.nodes[i].name);
  }
  throw std::invalid_argument(
      scenario::msg::unknown("host", host, scenario::closest(host, hosts), hosts));
}

std::set<std::string> sockets_of(const NetworkSpec& network, std::size_t host) {
  std::set<std::string> sockets;
  for (const auto& sender : network.senders) {
    if (sender.host == host && !sender.socket.empty()) sockets.insert(sender.socket);
  }
  for (const auto& receiver : network.receivers) {
    if (receiver.host == host && !receiver.socket.empty()) sockets.insert(receiver.socket);
  }
  return sockets;
}

std::string choose_host(const NetworkSpec& network) {
  for (std::size_t i = 0; i < network.nodes.size(); ++i) {
    if (network.nodes[i].kind == rsvp::NodeKind::host && !sockets_of(network, i).empty()) {
      return network.nodes[i].name;
    }
  }
  throw std::invalid_argument("no host's sender or receiver names a socket: nothing to compile");
}

// Plays the network alone and keeps what the host's sockets were told.
std::vector<Indicated> indications_at(const scenario::Scenario& scenario,
                                      const std::set<std::string>& sockets) {
  engine::EventQueue queue;
  engine::TraceLog messages;
  std::vector<Indicated> out;
  std::optional<std::size_t> playing;
  runner::NetworkRun network(queue, *scenario.network, messages,
                             [&](const std::string& socket, const gqos::Indication& indication) {
                               if (sockets.count(socket))
                                 out.push_back({queue.now_us(), socket, indication, playing});
                             });
  network.start();
  for (std::size_t i = 0; i < scenario.steps.size(); ++i) {
    const auto* net = std::get_if<scenario::NetAction>(&scenario.steps[i].action);
    if (!net) continue;
    queue.schedule_at(scenario.steps[i].at_us, [&, net, i] {
      playing = i;
      network.play(*net);
      playing.reset();
    });
  }
  queue.run_until(network.end_us());
  network.stop();
  return out;
}

std::string hex_of(const std::vector<std::byte>& bytes) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  for (std::byte b : bytes) {
    if (!out.empty()) out += ' ';
    out += digits[static_cast<unsigned>(b) >> 4];
    out += digits[static_cast<unsigned>(b) & 0xF];
  }
  return out;
}

// An RSVP_ADSPEC without service entries as the language's `adspec:` map, which an author reads
// and edits more easily than bytes; nullopt for anything that map would not rebuild exactly.
std::optional<std::string> adspec_text(const gqos::ProviderObject& object) {
  if (object.type != gqos::object_type::adspec || object.declared_length) return std::nullopt;
  const gqos::DecodedObject decoded{object.type, object.encoded_size(), 0, object.body};
  const auto adspec = gqos::read_adspec(decoded);
  if (!adspec || !adspec->services.empty() || gqos::make_adspec(*adspec) != object) {
    return std::nullopt;
  }
  const gqos::AdGeneralParams& general = adspec->general_params;
  return "{ hop_count: " + gqos::scenario_field(general.intserv_aware_hop_count) +
         ", path_bandwidth: " + gqos::scenario_field(general.path_bandwidth_estimate) +
         ", minimum_latency: " + gqos::scenario_field(general.minimum_latency) +
         ", path_mtu: " + gqos::scenario_field(general.path_mtu) +
         ", break_bit: " + (general.flags == gqos::ad_flag_break_bit ? "true" : "false") + " }";
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

std::string indication_text(const Indicated& item, const std::string& host) {
  const gqos::Indication& i = item.indication;
  std::string text = "  # " + cause_of(i.status, host) + "\n";
  text += "  - at: " + scenario::msg::format_time(item.t_us) + "\n";
  text += "    sp: fd_qos\n    socket: " + item.socket + "\n";
  text += "    status: " + gqos::name_or_number(gqos::NameGroup::status, i.status) + "\n";
  if (i.sending) text += "    sending: " + gqos::scenario_flowspec(*i.sending) + "\n";
  if (i.receiving) text += "    receiving: " + gqos::scenario_flowspec(*i.receiving) + "\n";
  if (i.extended_status1 != 0 || i.extended_status2 != 0) {
    text += "    extended_status: [" +
            gqos::name_or_number(gqos::NameGroup::extended_status, i.extended_status1) + ", " +
            gqos::name_or_number(gqos::NameGroup::extended_status, i.extended_status2) + "]\n";
  }
  if (!i.objects.empty()) {
    text += "    objects:\n";
    for (const gqos::ProviderObject& object : i.objects) {
      if (auto adspec = adspec_text(object)) {
        text += "      - adspec: " + *adspec + "\n";
        continue;
      }
      text +=
          "      - raw: { type: " + gqos::name_or_number(gqos::NameGroup::object_type, object.type);
      if (!object.body.empty()) text += ", hex: \"" + hex_of(object.body) + "\"";
      text += " }\n";
    }
  }
  return text;
}

// A YAML node as block text, each line indented by `indent`.
std::string block(const YAML::Node& node, const std::string& indent) {
  YAML::Emitter emitter;
  emitter << node;
  std::istringstream lines(emitter.c_str());
  std::string text;
  for (std::string line; std::getline(lines, line);) text += indent + line + "\n";
  return text;
}

std::string flow(const YAML::Node& node) {
  YAML::Emitter emitter;
  emitter.SetMapFormat(YAML::Flow);
  emitter.SetSeqFormat(YAML::Flow);
  emitter << node;
  return emitter.c_str();
}

// An original step at its absolute time, its `at`/`after` replaced.
std::string step_text(const YAML::Node& original, engine::TimeUs t_us) {
  YAML::Node step = YAML::Clone(original);
  step.remove("at");
  step.remove("after");
  std::string body = block(step, "    ");
  return "  - at: " + scenario::msg::format_time(t_us) + "\n" + body;
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
  compiled.host = host.empty() ? choose_host(network) : host;
  const std::size_t node = host_index(network, compiled.host);
  const std::set<std::string> sockets = sockets_of(network, node);
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
      lines.push_back({step.at_us, 2 * i + 1,
                       "  # " + scenario::msg::format_time(step.at_us) + ": " + flow(change) +
                           " (played by the network; its effect at " + compiled.host +
                           " is in the fd_qos steps)\n"});
      continue;
    }
    const bool app = std::holds_alternative<scenario::AppAction>(step.action);
    const auto* expectation = std::get_if<scenario::Expectation>(&step.action);
    const bool call_check =
        expectation && std::holds_alternative<scenario::ExpectCall>(*expectation);
    bool kept = keeps(step, sockets) && (!call_check || last_app_kept);
    if (app) last_app_kept = kept;
    if (kept) lines.push_back({step.at_us, 2 * i + 1, step_text(original, step.at_us)});
  }
  for (const Indicated& item : indications_at(scenario, sockets)) {
    // Before the steps of its time, unless a `net:` step of that time caused it.
    const std::size_t order = item.during_step ? 2 * *item.during_step + 2 : 0;
    lines.push_back({item.t_us, order, indication_text(item, compiled.host)});
    ++compiled.indications;
  }
  std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
    return a.t_us != b.t_us ? a.t_us < b.t_us : a.order < b.order;
  });

  std::string name = scenario.name + "-at-" + slug_of(compiled.host);
  if (slug_of(compiled.host).empty()) name = scenario.name + "-compiled";
  const rsvp::Address address = network.nodes[node].address;
  std::string& out = compiled.yaml;
  out += "# Compiled by `qosbed compile` from " + scenario.file + " for host " + compiled.host +
         " (" + rsvp::address_text(address) + ").\n";
  out +=
      "# The network is gone: what " + compiled.host +
      "'s RSVP SP indicated to its sockets is scripted as\n"
      "# `sp: fd_qos` steps at the times the network produced them, each with the RSVP event\n"
      "# behind it. The application's steps and expectations on those sockets are kept as\n"
      "# written, each at its absolute time. Change the indications, their times or the\n"
      "# application to explore what-ifs; `qosbed validate` and `qosbed run` check the result.\n";
  out += "scenario: " + name + "\n";
  if (!scenario.description.empty()) {
    // Folded, so the text is the original's whatever its line breaks were.
    std::istringstream words("Compiled for host " + compiled.host + " from " + scenario.name +
                             ". " + scenario.description);
    out += "description: >\n";
    std::string line;
    for (std::string word; words >> word;) {
      if (!line.empty() && line.size() + word.size() > 88) {
        out += "  " + line + "\n";
        line.clear();
      }
      line += (line.empty() ? "" : " ") + word;
    }
    out += "  " + line + "\n";
  }
  for (const char* key : {"profile", "pending", "admission_limit"}) {
    if (root[key]) out += std::string(key) + ": " + flow(root[key]) + "\n";
  }
  if (root["decisions"]) out += "decisions:\n" + block(root["decisions"], "  ");
  out += "sockets:\n";
  for (const auto& socket : root["sockets"]) {
    const std::string id = socket.first.as<std::string>();
    if (sockets.count(id)) out += "  " + id + ":\n" + block(socket.second, "    ");
  }
  out += "steps:\n";
  for (const Line& line : lines) out += line.text;
  return compiled;
}

}  // namespace qosbed::cli
