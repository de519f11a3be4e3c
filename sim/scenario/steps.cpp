// The timeline: each step's time, its one kind (app, sp, net or expect), its verb, its socket, then
// the verb's own keys (read_app.cpp, read_sp.cpp, read_expect.cpp).
#include <algorithm>
#include <stdexcept>

#include "gqos/constants.hpp"
#include "scenario/limits.hpp"
#include "scenario/messages.hpp"
#include "scenario/read_network.hpp"
#include "scenario/read_steps.hpp"
#include "scenario/suggest.hpp"

namespace qosbed::scenario::detail {
namespace {

// In the order of language::network_events().
constexpr std::uint32_t event_bits[] = {gqos::fd_qos, gqos::fd_group_qos};

// The step's time from `at`, `after` or the step before; reports what is wrong with it.
std::int64_t resolve_time(Context& context, const MapView& step, std::int64_t previous_us) {
  const Entry* at = step.find("at");
  const Entry* after = step.find("after");
  if (at && after) context.error(std::max(at, after)->key_mark, msg::at_and_after());
  std::int64_t at_us = previous_us;
  const Entry* written = at ? at : after;
  if (!written) return at_us;
  auto us = duration(context, written->value);
  if (!us) return at_us;
  if (at) {
    if (*us < previous_us) context.error(at->value.mark, msg::time_backwards(*us, previous_us));
    at_us = *us;
  } else {
    at_us = previous_us + *us;
  }
  if (at_us > limits::max_time_us) context.error(written->value.mark, msg::time_past_end(at_us));
  return at_us;
}

// The verb a step names, among its kind's in the language.
const language::Verb* verb_of(Context& context, const Entry& kind,
                              const language::StepKind& language) {
  if (kind.value.node.IsScalar()) {
    for (const language::Verb& verb : language.verbs) {
      if (verb.name == kind.value.node.Scalar()) return &verb;
    }
  }
  std::vector<std::string_view> names;  // only for the message
  for (const language::Verb& verb : language.verbs) names.push_back(verb.name);
  choice_index(context, kind.value, language.title, names);
  return nullptr;
}

// Reads the verb a step names, checks the step's keys and socket against the language, and reads
// the verb's keys with its reader.
template <typename Action>
std::optional<Action> read_action(Context& context, const MapView& step, const Entry& kind,
                                  std::span<const Verb<Action>> readers, const StepEnv& env,
                                  std::string& socket) {
  const language::StepKind& language = language::step_kind(kind.key);
  const language::Verb* verb = verb_of(context, kind, language);
  if (!verb) return std::nullopt;
  const auto reader = std::find_if(readers.begin(), readers.end(),
                                   [verb](const Verb<Action>& r) { return r.name == verb->name; });
  if (reader == readers.end()) {
    throw std::logic_error("no reader for " + std::string(language.title) + " " +
                           std::string(verb->name));
  }
  const bool takes_socket = verb->socket != language::SocketUse::none;
  const std::string_view common[] = {language::at_key, language::after_key, kind.key, "socket"};
  constexpr std::string_view reported[] = {"socket"};
  const Entry* socket_entry = step.find("socket");
  std::span<const std::string_view> last;
  if (!takes_socket && socket_entry) {
    context.error(socket_entry->key_mark, msg::takes_no_socket(kind.key, verb->name));
    last = reported;  // reported once, not again as unknown
  }
  step.allow_only(std::span(common).first(takes_socket ? 4 : 3), verb->keys, last);
  if (verb->socket == language::SocketUse::required) socket_entry = step.require("socket");
  if (socket_entry && takes_socket) {
    socket = socket_ref(context, socket_entry->value, env.sockets).value_or("");
  }
  return reader->read(context, step, env);
}

std::optional<Step> read_step(Context& context, const Value& item,
                              std::span<const std::string> sockets, const NetworkSpec* network,
                              std::int64_t& previous_us) {
  auto step_map = map_of(context, item);
  if (!step_map) return std::nullopt;
  const MapView& step = *step_map;
  Step result;
  result.mark = step.mark();
  result.at_us = resolve_time(context, step, previous_us);
  previous_us = result.at_us;

  std::vector<const Entry*> kinds;
  for (const language::StepKind& kind : language::step_kinds()) {
    if (const Entry* entry = step.find(kind.key)) kinds.push_back(entry);
  }
  if (kinds.empty()) {
    context.error(step.mark(), msg::step_without_kind());
    return std::nullopt;
  }
  std::sort(kinds.begin(), kinds.end());  // entries are in file order
  if (kinds.size() > 1) {
    // The rest of the step cannot be checked against one verb: say only this.
    context.error(kinds[1]->key_mark, msg::step_with_two_kinds(kinds[0]->key, kinds[1]->key));
    return std::nullopt;
  }
  const Entry& kind = *kinds.front();
  const StepEnv env{sockets, result.at_us, network};
  if (kind.key == "app") {
    auto action = read_action(context, step, kind, app_verbs(), env, result.socket);
    if (!action) return std::nullopt;
    result.action = std::move(*action);
  } else if (kind.key == "sp") {
    auto action = read_action(context, step, kind, sp_verbs(), env, result.socket);
    if (!action) return std::nullopt;
    result.action = std::move(*action);
  } else if (kind.key == "net") {
    if (!network) {
      context.error(kind.key_mark, msg::needs_network("a net: step"));
      return std::nullopt;
    }
    auto action = read_action(context, step, kind, net_verbs(), env, result.socket);
    if (!action) return std::nullopt;
    result.action = std::move(*action);
  } else {
    auto action = read_action(context, step, kind, expect_kinds(), env, result.socket);
    if (!action) return std::nullopt;
    // The application has waited until `until`: steps after it without a time come then.
    if (const auto* nothing = std::get_if<ExpectNothing>(&*action)) {
      previous_us = std::max(previous_us, nothing->until_us);
    }
    result.action = std::move(*action);
  }
  return result;
}

}  // namespace

std::optional<std::string> socket_ref(Context& context, const Value& value,
                                      std::span<const std::string> sockets) {
  auto id = text(context, value, "a socket id");
  if (!id) return std::nullopt;
  if (std::find(sockets.begin(), sockets.end(), *id) != sockets.end()) return id;
  const std::vector<std::string_view> names(sockets.begin(), sockets.end());
  context.error(value.mark, msg::unknown("socket", *id, closest(*id, names), names));
  return std::nullopt;
}

std::optional<std::uint32_t> network_events(Context& context, const Value& value) {
  auto items = list_of(context, value, "a list of network events such as [fd_qos]");
  if (!items) return std::nullopt;
  std::uint32_t mask = 0;
  for (const Value& item : *items) {
    auto bit = word(context, item, "network event", language::network_events(), event_bits);
    if (!bit) return std::nullopt;
    mask |= *bit;
  }
  return mask;
}

std::vector<Step> read_steps(Context& context, const Value& steps,
                             std::span<const std::string> sockets, const NetworkSpec* network) {
  std::vector<Step> result;
  if (steps.node.IsSequence() && steps.node.size() > limits::max_steps) {
    context.error(steps.mark, msg::too_many_steps(steps.node.size(), limits::max_steps));
    return result;
  }
  auto items = list_of(context, steps, "a list of steps");
  if (!items) return result;
  result.reserve(items->size());
  std::int64_t previous_us = 0;
  for (Value& item : *items) {
    item.name = "step";
    if (auto step = read_step(context, item, sockets, network, previous_us)) {
      result.push_back(std::move(*step));
    }
  }
  return result;
}

}  // namespace qosbed::scenario::detail
