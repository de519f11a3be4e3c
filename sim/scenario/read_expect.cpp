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
  if (const Entry* entry = step.find("adspec")) {
    returned.adspec = read_adspec_fields(context, entry->value);
  }
}

Expectation read_call(Context& context, const MapView& step, const StepEnv&) {
  ExpectCall call;
  if (const Entry* entry = step.find("result"))
    call.result = marked(i64(context, entry->value), *entry);
  call.value = named_field(context, step, "value", NameGroup::chk_qos_selector);
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

// In the order of language::directions().
constexpr gqos::Direction directions[] = {gqos::Direction::sending, gqos::Direction::receiving};

Expectation read_update(Context& context, const MapView& step, const StepEnv&) {
  ExpectUpdate update;
  if (const Entry* entry = step.find("direction")) {
    const auto index = choice_index(context, entry->value, "direction", language::directions());
    if (index) update.direction = Field<gqos::Direction>{directions[*index], entry->value.mark};
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

constexpr Verb<Expectation> kinds[] = {
    {"call", read_call},
    {"completion", read_completion},
    {"wait", read_wait},
    {"update", read_update},
    {"network_events", read_network_events},
    {"nothing", read_nothing},
    {"message", read_expect_message},
    {"state", read_expect_state},
};

}  // namespace

std::span<const Verb<Expectation>> expect_kinds() {
  return kinds;
}

}  // namespace qosbed::scenario::detail
