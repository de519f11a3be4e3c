#include "scenario/loader.hpp"

#include <yaml-cpp/depthguard.h>

#include <algorithm>
#include <fstream>
#include <iterator>

#include "scenario/document.hpp"
#include "scenario/limits.hpp"
#include "scenario/messages.hpp"
#include "scenario/read_network.hpp"
#include "scenario/read_qos.hpp"
#include "scenario/read_steps.hpp"
#include "scenario/reader.hpp"

namespace qosbed::scenario {
namespace {

using namespace detail;

// Each in the order of the language's words for it (language::roles(), ...): the word a file
// writes picks the value at its index.
constexpr provider::Role roles[] = {provider::Role::sender, provider::Role::receiver,
                                    provider::Role::both};
constexpr provider::Protocol protocols[] = {provider::Protocol::udp, provider::Protocol::tcp};
constexpr Profile all_profiles[] = {Profile::windows_2000, Profile::windows_xp,
                                    Profile::windows_2003, Profile::no_qos_provider};
constexpr PendingPolicy all_policies[] = {PendingPolicy::queue, PendingPolicy::coalesce,
                                          PendingPolicy::drop};

bool is_lower_or_digit(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// Lowercase words of letters and digits joined by single '-'.
bool is_slug(std::string_view text) {
  if (text.empty() || text.front() == '-' || text.back() == '-') return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '-' ? text[i + 1] == '-' : !is_lower_or_digit(text[i])) return false;
  }
  return true;
}

bool is_socket_id(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!is_lower_or_digit(c) && !(c >= 'A' && c <= 'Z') && c != '_' && c != '-') return false;
  }
  return true;
}

SocketSpec read_socket(Context& context, const Entry& entry) {
  SocketSpec socket;
  socket.id = entry.key;
  socket.mark = entry.key_mark;
  if (!is_socket_id(entry.key)) context.error(entry.key_mark, msg::bad_socket_id(entry.key));
  auto map = map_of(context, entry.value);
  if (!map) return socket;
  map->allow_only(language::socket().keys);
  if (const Entry* role = map->require("role")) {
    socket.role =
        word(context, role->value, "role", language::roles(), roles).value_or(socket.role);
  }
  if (const Entry* protocol = map->find("protocol")) {
    socket.protocol = word(context, protocol->value, "protocol", language::protocols(), protocols)
                          .value_or(socket.protocol);
  }
  if (const Entry* local = map->find("local")) socket.local = read_address(context, local->value);
  if (const Entry* remote = map->find("remote")) {
    socket.remote = read_address(context, remote->value);
  }
  if (const Entry* qos = map->find("qos")) socket.qos = read_qos_request(context, qos->value);
  return socket;
}

std::vector<SocketSpec> read_sockets(Context& context, const Value& value) {
  std::vector<SocketSpec> sockets;
  auto map = map_of(context, value);
  if (!map) return sockets;
  if (map->entries().empty()) context.error(value.mark, msg::no_sockets());
  for (const Entry& entry : map->entries()) sockets.push_back(read_socket(context, entry));
  return sockets;
}

// `decisions:`: the behaviours docs/behaviour.md lets a scenario choose otherwise.
Decisions read_decisions(Context& context, const Value& value) {
  Decisions decisions;
  auto map = map_of(context, value);
  if (!map) return decisions;
  map->allow_only(language::decisions().keys);
  auto error = [&](std::string_view key, std::optional<std::uint32_t>& field) {
    if (const Entry* entry = map->find(key)) {
      field = named(context, entry->value, gqos::NameGroup::error);
    }
  };
  error("sender_not_connected", decisions.sender_not_connected);
  error("receiver_not_bound", decisions.receiver_not_bound);
  error("short_buffer", decisions.short_buffer);
  error("nothing_queued", decisions.nothing_queued);
  error("invalid_flowspec", decisions.invalid_flowspec);
  error("no_qos_provider_query", decisions.no_qos_provider_query);
  if (const Entry* entry = map->find("enobufs_keeps_indication")) {
    decisions.enobufs_keeps_indication = boolean(context, entry->value);
  }
  if (const Entry* entry = map->find("unused_flowspec_fields")) {
    decisions.unused_flowspec_fields = u32_or_unspecified(context, entry->value);
  }
  return decisions;
}

std::optional<Scenario> read_scenario(Context& context, const YAML::Node& root) {
  if (!root.IsMap()) {
    context.error(context.mark(root),
                  msg::must_be("", "a map with 'scenario', 'sockets' and 'steps'", describe(root)));
    return std::nullopt;
  }
  const MapView top(context, root);
  top.allow_only(language::top().keys);
  Scenario scenario;
  scenario.file = context.file();
  if (const Entry* entry = top.require("scenario")) {
    if (auto slug = text(context, entry->value, "a slug")) {
      if (!is_slug(*slug)) context.error(entry->value.mark, msg::bad_slug(*slug));
      scenario.name = *slug;
    }
  }
  if (const Entry* entry = top.find("description")) {
    scenario.description = text(context, entry->value, "text").value_or("");
  }
  SpOptions& sp = scenario.sp;
  if (const Entry* entry = top.find("profile")) {
    sp.profile = word(context, entry->value, "profile", language::profiles(), all_profiles)
                     .value_or(sp.profile);
  }
  if (const Entry* entry = top.find("pending")) {
    sp.pending =
        word(context, entry->value, "pending policy", language::pending_policies(), all_policies)
            .value_or(sp.pending);
  }
  if (const Entry* entry = top.find("decisions")) {
    sp.decisions = read_decisions(context, entry->value);
  }
  if (const Entry* entry = top.find("admission_limit")) {
    sp.admission_limit = u32(context, entry->value);
  }
  if (const Entry* entry = top.require("sockets")) {
    scenario.sockets = read_sockets(context, entry->value);
  }
  std::vector<std::string> ids;
  for (const SocketSpec& socket : scenario.sockets) ids.push_back(socket.id);
  if (const Entry* entry = top.find("network")) {
    scenario.network = read_network(context, entry->value, scenario.sockets);
  }
  if (const Entry* entry = top.require("steps")) {
    scenario.steps =
        read_steps(context, entry->value, ids, scenario.network ? &*scenario.network : nullptr);
  }
  check_connection_steps(context, scenario);
  if (const Entry* entry = top.find("network"); entry && scenario.network) {
    check_driven_steps(context, entry->value, scenario);
  }
  // The network runs until `end`, or until the application is done with its last step.
  if (scenario.network && !scenario.network->end_us) {
    std::int64_t last_us = 0;
    for (const Step& step : scenario.steps) {
      last_us = std::max(last_us, step.at_us);
      if (const auto* expectation = std::get_if<Expectation>(&step.action)) {
        if (const auto* nothing = std::get_if<ExpectNothing>(expectation)) {
          last_us = std::max(last_us, nothing->until_us);
        }
      }
    }
    scenario.network->end_us = last_us;
  }
  return scenario;
}

Mark mark_of(const Context& context, const YAML::Mark& mark) {
  if (mark.is_null() || mark.line < 0 || mark.column < 0) return Mark{context.file(), 1, 1};
  return Mark{context.file(), mark.line + 1, mark.column + 1};
}

std::optional<Scenario> read_text(Context& context, std::string_view text) {
  if (auto control = find_control_byte(text)) {
    context.error(Mark{context.file(), control->line, control->column},
                  msg::control_byte(control->value));
    return std::nullopt;
  }
  if (auto deep = find_deep_nesting(text)) {
    context.error(Mark{context.file(), deep->line, deep->column},
                  msg::nested_past_caps(limits::max_flow_depth, limits::max_indent_columns));
    return std::nullopt;
  }
  // yaml-cpp reports syntax errors as ParserException with a mark; anything else it throws on
  // hostile input (deep nesting, memory) becomes a diagnostic too.
  try {
    const Document document = parse_document(text);
    if (document.root.IsNull()) {
      context.error(Mark{context.file(), 1, 1}, msg::empty_file());
      return std::nullopt;
    }
    if (document.second_start) {
      context.error(mark_of(context, *document.second_start), msg::second_document());
    }
    return read_scenario(context, document.root);
  } catch (const YAML::DeepRecursion& error) {
    // yaml-cpp 0.7 gives this one the message "bad file".
    context.error(mark_of(context, error.mark), msg::too_deep());
  } catch (const YAML::Exception& error) {
    context.error(mark_of(context, error.mark), msg::invalid_yaml(error.msg));
  } catch (const std::exception& error) {
    context.error(Mark{context.file(), 1, 1}, msg::invalid_yaml(error.what()));
  }
  return std::nullopt;
}

}  // namespace

LoadResult load_text(std::string_view text, const std::string& file_name) {
  Context context(file_name);
  std::optional<Scenario> scenario = read_text(context, text);
  LoadResult result;
  result.diagnostics = context.take();
  if (result.diagnostics.empty()) result.scenario = std::move(scenario);
  return result;
}

LoadResult load_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string text;
  if (in) {
    // Read one byte past the cap to tell "exactly the cap" from "larger".
    text.resize(limits::max_file_bytes + 1);
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
  }
  if (!in && !in.eof()) {
    return LoadResult{std::nullopt, {Diagnostic{Mark{path, 1, 1}, msg::cannot_read(path)}}};
  }
  if (text.size() > limits::max_file_bytes) {
    return LoadResult{std::nullopt,
                      {Diagnostic{Mark{path, 1, 1}, msg::file_too_large(limits::max_file_bytes)}}};
  }
  return load_text(text, path);
}

}  // namespace qosbed::scenario
