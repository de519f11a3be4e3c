// The loader's readers for network scenarios: the `network:` section, the `net:` verbs and the
// `expect: message` / `expect: state` kinds. Internal to the loader.
#pragma once

#include <span>
#include <string>

#include "scenario/read_steps.hpp"

namespace qosbed::scenario::detail {

// `network:`; senders and receivers may name sockets declared under `sockets:`.
NetworkSpec read_network(Context& context, const Value& value, std::span<const SocketSpec> sockets);

std::span<const Verb<NetAction>> net_verbs();

Expectation read_expect_message(Context& context, const MapView& step, const StepEnv& env);
Expectation read_expect_state(Context& context, const MapView& step, const StepEnv& env);

}  // namespace qosbed::scenario::detail
