// `sp:` verbs: what the emulated RSVP service provider does.
#include <algorithm>

#include "gqos/codec.hpp"
#include "gqos/constants.hpp"
#include "scenario/messages.hpp"
#include "scenario/read_qos.hpp"
#include "scenario/read_steps.hpp"

namespace qosbed::scenario::detail {
namespace {

SpAction read_fd_qos(Context& context, const MapView& step, const StepEnv&) {
  gqos::Indication indication;
  if (const Entry* entry = step.require("status")) {
    indication.status = named(context, entry->value, gqos::NameGroup::status).value_or(0);
  }
  const Entry* sending = step.find("sending");
  const Entry* receiving = step.find("receiving");
  if (sending && receiving) {
    // Entries are in file order: point at whichever direction came second.
    context.error(std::max(sending, receiving)->key_mark, msg::two_directions());
  }
  if (sending) {
    if (auto fields = read_given_flowspec(context, sending->value)) {
      indication.sending = filled(*fields);
    }
  }
  if (receiving) {
    if (auto fields = read_given_flowspec(context, receiving->value)) {
      indication.receiving = filled(*fields);
    }
  }
  if (const Entry* entry = step.find("extended_status")) {
    if (auto pair = read_extended_status(context, entry->value)) {
      indication.extended_status1 = pair->first.value;
      indication.extended_status2 = pair->second.value;
    }
  }
  if (const Entry* entry = step.find("objects")) {
    if (auto items = list_of(context, entry->value, "a list of objects")) {
      for (const Value& item : *items) {
        if (auto object = read_object(context, item)) indication.objects.push_back(*object);
      }
    }
  }
  return SpFdQos{std::move(indication)};
}

// In the order of language::failing_calls(), which names them as provider::name_of does.
constexpr provider::Call all_calls[] = {provider::Call::bind, provider::Call::connect,
                                        provider::Call::set_qos, provider::Call::get_qos,
                                        provider::Call::close};

SpAction read_fail(Context& context, const MapView& step, const StepEnv&) {
  SpFail fail;
  const Entry* call = step.find("call");
  const Entry* pending = step.find("pending");
  // nullopt when `pending` is written but unreadable (already reported).
  const std::optional<bool> pending_value =
      pending ? boolean(context, pending->value) : std::optional<bool>(false);
  fail.pending = pending_value.value_or(false);
  if (call) {
    const auto index = choice_index(context, call->value, "call", language::failing_calls());
    if (index) fail.call = all_calls[*index];
  }
  if (call && fail.pending) {
    context.error(pending->key_mark, msg::fail_call_and_pending());
  } else if (!call && pending_value == false) {
    context.error(step.mark(), msg::fail_needs_call_or_pending());
  }
  if (const Entry* entry = step.require("error")) {
    fail.error = named(context, entry->value, gqos::NameGroup::error).value_or(0);
  }
  return fail;
}

constexpr Verb<SpAction> verbs[] = {
    {"fd_qos", read_fd_qos},
    {"fail", read_fail},
};

}  // namespace

std::span<const Verb<SpAction>> sp_verbs() {
  return verbs;
}

}  // namespace qosbed::scenario::detail
