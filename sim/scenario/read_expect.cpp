// `expect:` kinds: what must be observed. Every compared value keeps its mark.
#include "scenario/messages.hpp"
#include "scenario/read_network.hpp"
#include "scenario/read_qos.hpp"
#include "scenario/read_steps.hpp"

namespace qosbed::scenario::detail {
namespace {

using gqos::NameGroup;

template <typename T>
std::optional<Field<T>> marked(const std::optional<T>& value, const Entry& entry) {
  if (!value) return std::nullopt;
  return Field<T>{*value, entry.value.mark};
}

std::optional<Field<std::uint32_t>> named_field(Context& context, const MapView& step,
                                                std::string_view key, NameGroup group) {
  const Entry* entry = step.find(key);
  if (!entry) return std::nullopt;
  return marked(named(context, entry->value, group), *entry);
}

std::optional<Field<std::uint32_t>> number_field(Context& context, const MapView& step,
                                                 std::string_view key) {
  const Entry* entry = step.find(key);
  if (!entry) return std::nullopt;
  return marked(u32(context, entry->value), *entry);
}

std::optional<FlowSpecFields> flowspec_field(Context& context, const MapView& step,
                                             std::string_view key) {
  const Entry* entry = step.find(key);
  if (!entry) return std::nullopt;
  return read_flowspec(context, entry->value);
}

template <typename Expect>
void extended_status(Context& context, const MapView& step, Expect& expect) {
  const Entry* entry = step.find("extended_status");
  if (!entry) return;
  if (auto pair = read_extended_status(context, entry->value)) {
    expect.extended_status1 = pair->first;
    expect.extended_status2 = pair->second;
  }
}

void read_returned(Context& context, const MapView& step, ExpectReturned& returned) {
  returned.error = named_field(context, step, "error", NameGroup::error);
  returned.bytes = number_field(context, step, "bytes");
  returned.required = number_field(context, step, "required");
  returned.status = named_field(context, step, "status", NameGroup::status);
  extended_status(context, step, returned);
  returned.sending = flowspec_field(context, step, "sending");
  returned.receiving = flowspec_field(context, step, "receiving");
}

Expectation read_call(Context& context, const MapView& step, const StepEnv&) {
  ExpectCall call;
  if (const Entry* entry = step.find("result"))
    call.result = marked(i64(context, entry->value), *entry);
  read_returned(context, step, call);
  return call;
}

Expectation read_completion(Context& context, const MapView& step, const StepEnv&) {
  ExpectCompletion completion;
  read_returned(context, step, completion);
  return completion;
}

Expectation read_wait(Context& context, const MapView& step, const StepEnv&) {
  ExpectWait wait;
  wait.result = named_field(context, step, "result", NameGroup::wait_result);
  return wait;
}

constexpr Choice<gqos::Direction> directions[] = {
    {"sending", gqos::Direction::sending},
    {"receiving", gqos::Direction::receiving},
};

Expectation read_update(Context& context, const MapView& step, const StepEnv&) {
  ExpectUpdate update;
  if (const Entry* entry = step.find("direction")) {
    update.direction = marked(choice(context, entry->value, "direction", directions), *entry);
  }
  update.status = named_field(context, step, "status", NameGroup::status);
  extended_status(context, step, update);
  update.flowspec = flowspec_field(context, step, "flowspec");
  update.error = named_field(context, step, "error", NameGroup::error);
  return update;
}

Expectation read_network_events(Context& context, const MapView& step, const StepEnv&) {
  ExpectNetworkEvents events;
  if (const Entry* entry = step.find("events")) {
    events.events = marked(network_events(context, entry->value), *entry);
  }
  events.status = named_field(context, step, "status", NameGroup::status);
  return events;
}

Expectation read_nothing(Context& context, const MapView& step, const StepEnv& env) {
  ExpectNothing nothing;
  if (const Entry* entry = step.require("until")) {
    if (auto until = duration(context, entry->value)) {
      nothing.until_us = *until;
      if (*until < env.at_us) {
        context.error(entry->value.mark, msg::until_before_step(*until, env.at_us));
      }
    }
  }
  return nothing;
}

constexpr std::string_view call_keys[] = {"result", "error",   "bytes",     "required",
                                          "status", "sending", "receiving", "extended_status"};
constexpr std::string_view completion_keys[] = {"error",   "bytes",     "required",       "status",
                                                "sending", "receiving", "extended_status"};
constexpr std::string_view wait_keys[] = {"result"};
constexpr std::string_view update_keys[] = {"direction", "status", "extended_status", "flowspec",
                                            "error"};
constexpr std::string_view network_events_keys[] = {"events", "status"};
constexpr std::string_view nothing_keys[] = {"until"};
constexpr std::string_view message_keys[] = {"message", "action",  "from",  "to",
                                             "link",    "session", "count", "within"};
constexpr std::string_view state_keys[] = {"node",     "session",     "sender",
                                           "toward",   "path_state",  "resv_state",
                                           "blockade", "reservation", "reserved"};

constexpr Verb<Expectation> kinds[] = {
    {"call", SocketUse::optional, call_keys, read_call},
    {"completion", SocketUse::required, completion_keys, read_completion},
    {"wait", SocketUse::none, wait_keys, read_wait},
    {"update", SocketUse::required, update_keys, read_update},
    {"network_events", SocketUse::required, network_events_keys, read_network_events},
    {"nothing", SocketUse::optional, nothing_keys, read_nothing},
    {"message", SocketUse::none, message_keys, read_expect_message},
    {"state", SocketUse::none, state_keys, read_expect_state},
};

}  // namespace

std::span<const Verb<Expectation>> expect_kinds() {
  return kinds;
}

}  // namespace qosbed::scenario::detail
