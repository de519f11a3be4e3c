// `app:` verbs: what the application does.
#include <algorithm>
#include <map>

#include "gqos/constants.hpp"
#include "scenario/limits.hpp"
#include "scenario/messages.hpp"
#include "scenario/read_qos.hpp"
#include "scenario/read_steps.hpp"

namespace qosbed::scenario::detail {
namespace {

// language::modes(): overlapped, sync.
bool overlapped(Context& context, const MapView& step, bool by_default) {
  const Entry* entry = step.find("mode");
  if (!entry) return by_default;
  const auto index = choice_index(context, entry->value, "mode", language::modes());
  return index ? *index == 0 : by_default;
}

AppAction read_bind(Context&, const MapView&, const StepEnv&) {
  return AppBind{};
}

AppAction read_connect(Context& context, const MapView& step, const StepEnv&) {
  AppConnect connect;
  if (const Entry* entry = step.find("qos")) connect.qos = read_qos_request(context, entry->value);
  if (const Entry* entry = step.find("remote")) {
    // language::no_address(): none.
    connect.no_address =
        choice_index(context, entry->value, "remote", language::no_address()).has_value();
  }
  return connect;
}

AppAction read_listen(Context&, const MapView&, const StepEnv&) {
  return AppListen{};
}

AppAction read_accept(Context& context, const MapView& step, const StepEnv&) {
  AppAccept accept;
  if (const Entry* entry = step.find("qos")) accept.qos = read_qos_request(context, entry->value);
  return accept;
}

AppAction read_set_qos(Context& context, const MapView& step, const StepEnv&) {
  AppSetQos set_qos;
  if (const Entry* entry = step.find("qos")) set_qos.qos = read_qos_request(context, entry->value);
  set_qos.overlapped = overlapped(context, step, false);
  if (const Entry* entry = step.find("destination")) {
    set_qos.destination = read_address(context, entry->value);
  }
  return set_qos;
}

AppAction read_shutdown(Context& context, const MapView& step, const StepEnv&) {
  AppShutdown shutdown;
  if (const Entry* entry = step.require("how")) {
    // language::shutdown_hows(): receive, send, both, as provider::Shutdown numbers them.
    if (auto index = choice_index(context, entry->value, "how", language::shutdown_hows())) {
      shutdown.how = static_cast<provider::Shutdown>(*index);
    }
  }
  return shutdown;
}

AppAction read_join_leaf(Context& context, const MapView& step, const StepEnv&) {
  AppJoinLeaf join;
  if (const Entry* entry = step.require("group")) {
    if (auto group = read_address(context, entry->value)) join.group = *group;
  }
  if (const Entry* entry = step.require("flags")) {
    // language::join_flags(): sender_only, receiver_only, both, as provider::join_flag_names.
    if (auto index = choice_index(context, entry->value, "flags", language::join_flags())) {
      join.flags = provider::join_flag_names[*index].first;
    }
  }
  if (const Entry* entry = step.find("qos")) join.qos = read_qos_request(context, entry->value);
  return join;
}

AppAction read_check_qos(Context& context, const MapView& step, const StepEnv&) {
  AppCheckQos check;
  if (const Entry* entry = step.require("selector")) {
    check.selector = named(context, entry->value, gqos::NameGroup::chk_qos_selector).value_or(0);
  }
  return check;
}

AppAction read_get_qos(Context& context, const MapView& step, const StepEnv&) {
  AppGetQos get_qos;
  get_qos.overlapped = overlapped(context, step, true);
  if (const Entry* entry = step.find("notify")) {
    // language::notifications(): routine, event.
    get_qos.notify_event =
        choice_index(context, entry->value, "notify", language::notifications()) == 1u;
    if (!get_qos.overlapped) context.error(entry->key_mark, msg::notify_needs_overlapped());
  }
  if (const Entry* entry = step.find("buffer")) {
    if (entry->value.node.IsScalar() && entry->value.node.Scalar() == "required") {
      get_qos.buffer_kind = BufferKind::required;
    } else if (auto bytes =
                   buffer_bytes(context, entry->value, "a number of bytes or 'required'")) {
      get_qos.buffer_kind = BufferKind::bytes;
      get_qos.buffer_bytes = *bytes;
    }
  }
  return get_qos;
}

std::optional<std::int64_t> timeout(Context& context, const Value& value) {
  if (value.node.IsScalar() && value.node.Scalar() == "infinite") return std::nullopt;
  auto us = duration(context, value);
  if (!us) return std::nullopt;
  if (*us % 1000 != 0) {
    context.error(value.mark, msg::timeout_not_ms(value.node.Scalar()));
  } else if (static_cast<std::uint64_t>(*us / 1000) > limits::max_timeout_ms) {
    context.error(value.mark, msg::timeout_too_large(value.node.Scalar()));
  }
  return us;
}

AppAction read_wait(Context& context, const MapView& step, const StepEnv& env) {
  AppWait wait;
  if (const Entry* entry = step.find("alertable")) {
    wait.alertable = boolean(context, entry->value).value_or(false);
  }
  if (const Entry* entry = step.find("timeout")) wait.timeout_us = timeout(context, entry->value);
  if (const Entry* entry = step.find("events")) {
    if (auto items = list_of(context, entry->value, "a list of socket ids")) {
      for (const Value& item : *items) {
        if (auto id = socket_ref(context, item, env.sockets)) wait.events.push_back(*id);
      }
    }
  }
  return wait;
}

AppAction read_get_overlapped_result(Context& context, const MapView& step, const StepEnv&) {
  AppGetOverlappedResult get;
  if (const Entry* entry = step.find("wait"))
    get.wait = boolean(context, entry->value).value_or(false);
  return get;
}

AppAction read_event_select(Context& context, const MapView& step, const StepEnv&) {
  AppEventSelect select;
  if (const Entry* entry = step.require("events")) {
    select.network_events = network_events(context, entry->value).value_or(0);
  }
  return select;
}

AppAction read_enum_network_events(Context&, const MapView&, const StepEnv&) {
  return AppEnumNetworkEvents{};
}

AppAction read_close(Context&, const MapView&, const StepEnv&) {
  return AppClose{};
}

AppAction read_monitor(Context& context, const MapView& step, const StepEnv&) {
  AppMonitor monitor;
  if (const Entry* entry = step.require("initial_buffer")) {
    monitor.initial_buffer = buffer_bytes(context, entry->value, "a number of bytes").value_or(0);
  }
  return monitor;
}

constexpr Verb<AppAction> verbs[] = {
    {"bind", read_bind},
    {"connect", read_connect},
    {"set_qos", read_set_qos},
    {"get_qos", read_get_qos},
    {"wait", read_wait},
    {"get_overlapped_result", read_get_overlapped_result},
    {"event_select", read_event_select},
    {"enum_network_events", read_enum_network_events},
    {"close", read_close},
    {"monitor", read_monitor},
    {"shutdown", read_shutdown},
    {"check_qos", read_check_qos},
    {"join_leaf", read_join_leaf},
    {"listen", read_listen},
    {"accept", read_accept},
};

}  // namespace

std::span<const Verb<AppAction>> app_verbs() {
  return verbs;
}

void check_connection_steps(Context& context, const Scenario& scenario) {
  struct State {
    bool bound = false;
    bool listening = false;
    std::optional<Mark> accepted;
  };
  std::map<std::string, State> states;
  for (const Step& step : scenario.steps) {
    const auto* app = std::get_if<AppAction>(&step.action);
    if (!app) continue;
    const auto spec = std::find_if(scenario.sockets.begin(), scenario.sockets.end(),
                                   [&](const SocketSpec& s) { return s.id == step.socket; });
    if (spec == scenario.sockets.end()) continue;
    State& state = states[step.socket];
    if (std::holds_alternative<AppBind>(*app)) {
      state.bound = true;
    } else if (std::holds_alternative<AppListen>(*app)) {
      if (spec->protocol != provider::Protocol::tcp) {
        context.error(step.mark, msg::listen_needs_tcp(step.socket, spec->mark));
      } else if (!state.bound) {
        context.error(step.mark, msg::listen_needs_bind(step.socket));
      }
      state.listening = true;
    } else if (std::holds_alternative<AppAccept>(*app)) {
      if (!state.listening) {
        context.error(step.mark, msg::accept_needs_listen(step.socket));
      } else if (!spec->remote) {
        context.error(step.mark, msg::accept_needs_remote(step.socket, spec->mark));
      } else if (state.accepted) {
        context.error(step.mark, msg::accepted_already(step.socket, *state.accepted));
      }
      if (!state.accepted) state.accepted = step.mark;
    }
  }
}

}  // namespace qosbed::scenario::detail
