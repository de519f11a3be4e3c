// The loader's readers for network scenarios: the `network:` section, the `net:` verbs and the
// `expect: message` / `expect: state` kinds. Internal to the loader.
#pragma once

#include <span>
#include <string>

#include "scenario/read_steps.hpp"

namespace qosbed::scenario::detail {

// `network:`; senders and receivers may name sockets declared under `sockets:`.
NetworkSpec read_network(Context& context, const Value& value, std::span<const SocketSpec> sockets);

// A sender or receiver that names `socket`, driven by its application (read_driven.cpp): the
// keys the application decides are refused, and what the entry writes is checked against what the
// socket's declaration fixes (its host only when `host_known`). A sender's unwritten port becomes
// the socket's bound one.
void check_driven_sender(Context& context, const MapView& map, const NetworkSpec& network,
                         NetSender& sender, const SocketSpec& socket, bool host_known);
void check_driven_receiver(Context& context, const MapView& map, const NetworkSpec& network,
                           const NetReceiver& receiver, const SocketSpec& socket, bool host_known);

// What a driven entry writes against a QOS its application passes: the socket's `qos:` (above)
// or a step's own (`connect`, `set_qos`, `join_leaf` with `qos:`); `who` names that QOS's owner
// in a message.
void check_driven_sender_qos(Context& context, const MapView& map, const QosRequest& qos,
                             std::string_view who);
void check_driven_receiver_qos(Context& context, const MapView& map, const SocketSpec& socket,
                               const QosRequest& qos, std::string_view who);
// Every step's own QOS on a driven socket against its entry, once the steps are read; only for
// a scenario read without error so far, as it reads the entries again.
void check_driven_steps(Context& context, const Value& network, const Scenario& scenario);

// The network's `decisions:` (read_network_decisions.cpp).
NetDecisions read_network_decisions(Context& context, const Value& value);

std::span<const Verb<NetAction>> net_verbs();

Expectation read_expect_message(Context& context, const MapView& step, const StepEnv& env);
Expectation read_expect_state(Context& context, const MapView& step, const StepEnv& env);

}  // namespace qosbed::scenario::detail
