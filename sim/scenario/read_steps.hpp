// The readers of the step vocabulary: for each `app:` verb, `sp:` verb and `expect:` kind the
// reader of its keys; the keys each takes and whether it names a socket are the language's
// (scenario/language.hpp). The timeline and the checks common to every step live in steps.cpp.
// Internal to the loader.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/reader.hpp"
#include "scenario/scenario.hpp"

namespace qosbed::scenario::detail {

// What a verb's reader may need beyond its own keys.
struct StepEnv {
  std::span<const std::string> sockets;  // the ids declared under `sockets:`
  std::int64_t at_us = 0;                // the step's resolved time
  const NetworkSpec* network = nullptr;  // `network:`, when the scenario has one
};

// The reader of one verb's keys, by the verb's name in the language.
template <typename Action>
struct Verb {
  std::string_view name;
  Action (*read)(Context& context, const MapView& step, const StepEnv& env);
};

std::span<const Verb<AppAction>> app_verbs();
// listen and accept in an order the model can play (docs/behaviour.md D38): on a TCP socket
// bound by an earlier step, accept after listen, from the socket's `remote:`, once.
void check_connection_steps(Context& context, const Scenario& scenario);
std::span<const Verb<SpAction>> sp_verbs();
std::span<const Verb<Expectation>> expect_kinds();

// A socket id that must be declared; reported with a suggestion when it is not.
std::optional<std::string> socket_ref(Context& context, const Value& value,
                                      std::span<const std::string> sockets);

// `events: [fd_qos]` as an FD_* bit mask.
std::optional<std::uint32_t> network_events(Context& context, const Value& value);

// Every step of `steps:`, times resolved.
std::vector<Step> read_steps(Context& context, const Value& steps,
                             std::span<const std::string> sockets, const NetworkSpec* network);

}  // namespace qosbed::scenario::detail
