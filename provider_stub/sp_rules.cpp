// The RSVP SP's rules. docs/behaviour.md is the contract; the D-numbers below refer to it.
#include "provider_stub/sp_rules.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <utility>

#include "engine/prefetch.hpp"
#include "provider/ipv4.hpp"

namespace qosbed::provider_stub {

using provider::socket_error;
namespace wsa = gqos::wsa;

namespace {

std::uint32_t service_of(const gqos::FlowSpec& flowspec) {
  return gqos::service_type::without_flags(flowspec.service_type);
}

// NOTRAFFIC, BESTEFFORT and NOCHANGE ask for nothing; every other service type asks for QoS.
bool asks_for_service(std::uint32_t service) {
  return service != gqos::service_type::no_traffic && service != gqos::service_type::best_effort &&
         service != gqos::service_type::no_change;
}

bool known_service(std::uint32_t service) {
  switch (service) {
    case gqos::service_type::no_traffic:
    case gqos::service_type::best_effort:
    case gqos::service_type::controlled_load:
    case gqos::service_type::guaranteed:
    case gqos::service_type::network_unavailable:
    case gqos::service_type::general_information:
    case gqos::service_type::no_change:
    case gqos::service_type::nonconforming:
    case gqos::service_type::network_control:
    case gqos::service_type::qualitative:
      return true;
    default:
      return false;
  }
}

// D17, D34: what the SP refuses in a FLOWSPEC, in the words of SDK:qos/ns-qos-flowspec unless
// named. A FLOWSPEC that asks for no service is not read beyond its service type (D34).
bool valid_flowspec(const gqos::FlowSpec& flowspec, gqos::Direction direction) {
  const std::uint32_t service = service_of(flowspec);
  if (!known_service(service)) return false;
  if (!asks_for_service(service)) return true;
  // "The TokenRate member cannot be set to zero."
  if (flowspec.token_rate == 0) return false;
  // "When using the FLOWSPEC structure in association with RSVP, the value of MinimumPolicedSize
  // cannot be zero."
  if (flowspec.minimum_policed_size == 0) return false;
  const bool rate_given = flowspec.token_rate != gqos::qos_not_specified;
  // "Nor can it be set as a default (that is, set to QOS_NOT_SPECIFIED) in a sending FLOWSPEC."
  if (direction == gqos::Direction::sending) return rate_given;
  // W32:servicetype-general-information: "the RSVP SP returns an error if the receiver attempts
  // to use the SERVICETYPE_GENERAL_INFORMATION service type."
  if (service == gqos::service_type::general_information) return false;
  // "For a Guaranteed Service receiver, ServiceType and TokenRate must be specified."
  return service != gqos::service_type::guaranteed || rate_given;
}

// The RSVP_RESERVE_INFO a QOS carries, if any.
std::optional<gqos::ReserveRequest> reserve_info_of(const gqos::DecodedQos& qos) {
  for (const gqos::DecodedObject& object : qos.objects) {
    if (const auto reserve = gqos::read_reserve_info(object)) return reserve;
  }
  return std::nullopt;
}

void update_service(std::uint32_t& requested, const gqos::FlowSpec& flowspec) {
  const std::uint32_t service = service_of(flowspec);
  if (service != gqos::service_type::no_change) requested = service;
}

}  // namespace

// What a script event on a socket reads, loaded while the two events before it run. With 10,000
// sockets the state is out of cache, and a load from memory costs about as much as the event's
// whole work.
class SpRules::SocketPrefetcher final : public engine::Prefetcher {
  // The state is loaded whole, from a line's start: four lines, the oldest request included.
  static_assert(alignof(SocketState) == engine::cache_line);
  static_assert(sizeof(SocketState) == 4 * engine::cache_line);

 public:
  explicit SocketPrefetcher(const SpRules& rules) : rules_(rules) {}

  void prefetch(std::uint64_t socket, engine::Lookahead lookahead) const override {
    const SocketState* state = rules_.state_of(socket);
    if (!state) return;
    if (lookahead == engine::Lookahead::after_next) {
      // What an indication and the reissue after it read: the state, oldest request included.
      engine::prefetch_lines(state, sizeof(SocketState), true);
      return;
    }
    if (state->pending.empty()) return;
    // What finishing the request writes: the head of the buffer (a QOS with its status, unless
    // a script adds large objects), and the OVERLAPPED with the application's per-request state
    // around it, which the completion routine reads next (provider/provider.hpp).
    constexpr std::size_t buffer_head = 256;
    const Request& request = state->pending.front();
    engine::prefetch_lines(request.out.data(), std::min(request.out.size(), buffer_head), true);
    const auto overlapped = reinterpret_cast<std::uintptr_t>(request.overlapped);
    engine::prefetch_range(overlapped - provider::request_state_before_overlapped,
                           overlapped + provider::request_state_after_overlapped, true);
  }

 private:
  const SpRules& rules_;
};

SpRules::SpRules(engine::Scheduler& scheduler, ResultDelivery& delivery, std::uint32_t& last_error,
                 EmulatorOptions options)
    : scheduler_(scheduler),
      delivery_(delivery),
      last_error_(last_error),
      options_(options),
      prefetcher_(std::make_unique<const SocketPrefetcher>(*this)) {}

SpRules::~SpRules() = default;

engine::EventId SpRules::schedule_script_event(Socket socket, engine::TimeUs at_us,
                                               engine::Action&& action) {
  return scheduler_.schedule_at(at_us, std::move(action), {prefetcher_.get(), socket});
}

int SpRules::fail(std::uint32_t error) {
  last_error_ = error;
  return socket_error;
}

SpRules::SocketState* SpRules::state_of(Socket socket) {
  return const_cast<SocketState*>(std::as_const(*this).state_of(socket));
}

const SpRules::SocketState* SpRules::state_of(Socket socket) const {
  if (socket < first_socket || (socket - first_socket) % socket_step != 0) return nullptr;
  const Socket index = (socket - first_socket) / socket_step;
  return index < sockets_.size() ? sockets_[index].get() : nullptr;
}

bool SpRules::take_injected_failure(Socket socket, provider::Call call) {
  if (injected_.empty()) return false;
  const auto it = injected_.find({socket, call});
  if (it == injected_.end()) return false;
  last_error_ = it->second.front();
  it->second.pop_front();
  if (it->second.empty()) injected_.erase(it);
  return true;
}

// Script side.

void SpRules::indicate(Socket socket, gqos::Indication&& indication) {
  auto report = [this, socket, &indication](IndicationOutcome outcome) {
    if (observer_) observer_->on_indication(socket, indication, outcome);
  };
  SocketState* state = state_of(socket);
  if (!state) return report(IndicationOutcome::dropped);
  if (options_.profile != Profile::windows_2000) return report(IndicationOutcome::suppressed);
  if (indication.status == gqos::status::request_confirmed &&
      !(state->confirm_request && asks_for_service(state->receiving_service))) {
    return report(IndicationOutcome::unconfirmed);
  }
  delivery_.qos_changed(socket, indication.status);

  if (state->pending.empty()) {
    switch (options_.pending_policy) {
      case PendingPolicy::queue:
        report(IndicationOutcome::queued);
        state->queued.push_back(std::move(indication));
        return;
      case PendingPolicy::coalesce: {
        const bool replaces = !state->queued.empty();
        report(replaces ? IndicationOutcome::coalesced : IndicationOutcome::queued);
        state->queued.clear();
        state->queued.push_back(std::move(indication));
        return;
      }
      case PendingPolicy::drop:
        return report(IndicationOutcome::dropped);
    }
  }

  // The oldest pending request takes it; each one whose buffer is too small finishes with
  // WSAENOBUFS (D5) and the next one is offered the same indication. The observer hears once,
  // with the outcome: completed when some request took it, enobufs when it stays queued.
  gqos::QosContent content = content_of(*state, indication);
  const std::uint32_t required = gqos::required_size(content);
  const bool taken = std::any_of(state->pending.begin(), state->pending.end(),
                                 [required](const Request& r) { return r.out.size() >= required; });
  report(taken ? IndicationOutcome::completed : IndicationOutcome::enobufs);
  bool completed = false;
  while (!completed && !state->pending.empty()) {
    Request request = std::move(state->pending.front());
    state->pending.pop_front();
    if (const auto written = gqos::encode(content, request.out)) {
      finish(socket, std::move(request), wsa::no_error, *written);
      completed = true;
    } else {
      gqos::store_u32(request.out, 0, required);
      finish(socket, std::move(request), wsa::enobufs, 4);
    }
  }
  last_content_ = std::move(content);
  if (completed) return;
  if (options_.decisions.enobufs_keeps_indication) state->queued.push_back(std::move(indication));
}

void SpRules::fail_next_call(Socket socket, provider::Call call, std::uint32_t error) {
  if (state_of(socket)) injected_[{socket, call}].push_back(error);
}

bool SpRules::fail_pending(Socket socket, std::uint32_t error) {
  SocketState* state = state_of(socket);
  if (!state || state->pending.empty()) return false;
  Request request = std::move(state->pending.front());
  state->pending.pop_front();
  finish(socket, std::move(request), error, 0);
  return true;
}

// Sockets.

std::vector<provider::ProtocolInfo> SpRules::enum_protocols() const {
  std::vector<provider::ProtocolInfo> protocols{
      {provider::Protocol::tcp, 0, "MSAFD Tcpip [TCP/IP]"},
      {provider::Protocol::udp, 0, "MSAFD Tcpip [UDP/IP]"},
  };
  if (options_.profile != Profile::no_qos_provider) {
    protocols.push_back(
        {provider::Protocol::tcp, gqos::xp1_qos_supported, "RSVP TCP Service Provider"});
    protocols.push_back(
        {provider::Protocol::udp, gqos::xp1_qos_supported, "RSVP UDP Service Provider"});
  }
  return protocols;
}

Socket SpRules::open(provider::Role role, provider::Protocol protocol) {
  const Socket socket = next_socket_;
  next_socket_ += socket_step;
  SocketState& state = *sockets_.emplace_back(std::make_unique<SocketState>());
  state.role = role;
  state.protocol = protocol;
  qos_state_.opened(socket, role, protocol);
  return socket;
}

int SpRules::bind(Socket socket, const provider::Address& local) {
  SocketState* state = state_of(socket);
  if (!state) return fail(wsa::enotsock);
  if (take_injected_failure(socket, provider::Call::bind)) return socket_error;
  if (state->bound) return fail(wsa::einval);
  state->bound = true;
  qos_state_.bound(socket, local);
  return 0;
}

int SpRules::connect(Socket socket, const provider::Address& remote,
                     std::span<const std::byte> sending_qos) {
  SocketState* state = state_of(socket);
  if (!state) return fail(wsa::enotsock);
  if (take_injected_failure(socket, provider::Call::connect)) return socket_error;
  gqos::DecodedQos qos;
  const bool with_qos = !sending_qos.empty();
  if (with_qos) {
    if (const std::uint32_t error = parse_qos(sending_qos, qos)) return fail(error);
  }
  // Winsock: no address disconnects a UDP socket; TCP cannot connect to ADDR_ANY.
  const bool disconnect = provider::is_no_address(remote);
  if (with_qos) {
    const bool one_peer = state->protocol == provider::Protocol::tcp || !disconnect;
    if (const std::uint32_t error = reserve_info_error(qos, sending_qos, one_peer)) {
      return fail(error);
    }
  }
  if (state->connected && state->protocol == provider::Protocol::tcp) return fail(wsa::eisconn);
  if (disconnect && state->protocol == provider::Protocol::tcp) return fail(wsa::eaddrnotavail);
  if (with_qos) {
    if (const std::uint32_t error = admit_qos(qos, wsa::eopnotsupp)) return fail(error);
    apply_qos(*state, qos);
  }
  // As in Winsock, connecting binds an unbound socket implicitly.
  state->connected = !disconnect;
  state->bound = true;
  qos_state_.connected(socket, remote, with_qos ? &qos : nullptr, sending_qos);
  return 0;
}

// WSAJoinLeaf "has the same parameters and semantics as WSAConnect" [SDK:winsock2/nf-winsock2-
// wsajoinleaf], so lpSQOS is checked as connect's is (D17, D34) and the socket is then bound and
// may ask for its QoS (R3). D36: only the UDP entry is multipoint, and only a class D group is one
// to join.
int SpRules::join_leaf(Socket socket, const provider::Address& group,
                       std::span<const std::byte> sending_qos, provider::JoinFlags flags) {
  SocketState* state = state_of(socket);
  if (!state) return fail(wsa::enotsock);
  gqos::DecodedQos qos;
  const bool with_qos = !sending_qos.empty();
  if (with_qos) {
    if (const std::uint32_t error = parse_qos(sending_qos, qos)) return fail(error);
    if (const std::uint32_t error = reserve_info_error(qos, sending_qos, false)) {
      return fail(error);
    }
  }
  if (state->protocol == provider::Protocol::tcp) return fail(wsa::eopnotsupp);
  if (!provider::is_multicast(group)) return fail(wsa::eaddrnotavail);
  if (with_qos) {
    if (const std::uint32_t error = admit_qos(qos, wsa::eopnotsupp)) return fail(error);
    apply_qos(*state, qos);
  }
  state->connected = true;
  state->bound = true;
  qos_state_.joined(socket, group, with_qos ? &qos : nullptr, sending_qos, flags);
  return 0;
}

int SpRules::shutdown(Socket socket, provider::Shutdown how) {
  const SocketState* state = state_of(socket);
  if (!state) return fail(wsa::enotsock);
  if (state->protocol == provider::Protocol::tcp && !state->connected) return fail(wsa::enotconn);
  qos_state_.shut_down(socket, how);
  return 0;
}

int SpRules::close(Socket socket) {
  SocketState* state = state_of(socket);
  if (!state) return fail(wsa::enotsock);
  if (take_injected_failure(socket, provider::Call::close)) return socket_error;
  SmallFifoQueue<Request> pending = std::move(state->pending);
  sockets_[(socket - first_socket) / socket_step].reset();
  qos_state_.closed(socket);
  std::erase_if(injected_, [socket](const auto& entry) { return entry.first.first == socket; });
  for (Request& request : pending) finish(socket, std::move(request), wsa::operation_aborted, 0);
  return 0;
}

bool SpRules::pends(Socket socket, const provider::Overlapped* overlapped) const {
  const SocketState* state = state_of(socket);
  return state &&
         std::any_of(state->pending.begin(), state->pending.end(),
                     [overlapped](const Request& r) { return r.overlapped == overlapped; });
}

void SpRules::report_unread(Socket socket) {
  const SocketState* state = state_of(socket);
  if (state && !state->queued.empty()) delivery_.qos_changed(socket, state->queued.front().status);
}

std::size_t SpRules::pending_requests(Socket socket) const {
  const SocketState* state = state_of(socket);
  return state ? state->pending.size() : 0;
}

std::size_t SpRules::queued_indications(Socket socket) const {
  const SocketState* state = state_of(socket);
  return state ? state->queued.size() : 0;
}

// WSAIoctl.

int SpRules::ioctl(Socket socket, std::uint32_t code, std::span<const std::byte> in,
                   std::span<std::byte> out, std::uint32_t* bytes_returned,
                   provider::Overlapped* overlapped, provider::CompletionRoutine&& routine) {
  SocketState* state = state_of(socket);
  if (!state) return fail(wsa::enotsock);
  switch (code) {
    case gqos::ioctl::get_qos:
      return get_qos(socket, *state, out, bytes_returned, overlapped, std::move(routine));
    case gqos::ioctl::set_qos:
      return set_qos(socket, *state, in, bytes_returned, overlapped, std::move(routine));
    case gqos::ioctl::chk_qos:
      if (options_.profile == Profile::no_qos_provider || overlapped) break;
      if (const std::uint32_t error = qos_state_.check_qos(socket, in, out, bytes_returned)) {
        return fail(error);
      }
      return 0;
    default:
      break;
  }
  return fail(wsa::einval);
}

// R7: SIO_GET_QOS is FD_QOS's re-enabling function, and "any call to the reenabling routine,
// even one that fails" re-enables it; a change the call left unread already happened, so it is
// recorded at once (W32 WSAEventSelect).
int SpRules::get_qos(Socket socket, SocketState& state, std::span<std::byte> out,
                     std::uint32_t* bytes_returned, provider::Overlapped* overlapped,
                     provider::CompletionRoutine&& routine) {
  const int result = query_qos(socket, state, out, bytes_returned, overlapped, std::move(routine));
  delivery_.qos_queried(socket);
  report_unread(socket);
  return result;
}

int SpRules::query_qos(Socket socket, SocketState& state, std::span<std::byte> out,
                       std::uint32_t* bytes_returned, provider::Overlapped* overlapped,
                       provider::CompletionRoutine&& routine) {
  if (take_injected_failure(socket, provider::Call::get_qos)) return socket_error;
  const Decisions& decisions = options_.decisions;
  if (!overlapped && !bytes_returned) return fail(wsa::efault);
  if (out.size() < 4) return fail(decisions.short_buffer);

  const bool ready = state.role == provider::Role::sender     ? state.connected
                     : state.role == provider::Role::receiver ? state.bound
                                                              : state.bound || state.connected;
  if (!ready) {
    return fail(state.role == provider::Role::sender ? decisions.sender_not_connected
                                                     : decisions.receiver_not_bound);
  }

  // W32 winsock-ioctls: "WSAENOPROTOOPT ... for service providers that do not support quality of
  // service"; D18: an overlapped one fails so at once, is not initiated, and completes nothing.
  if (options_.profile == Profile::no_qos_provider) return fail(decisions.no_qos_provider_query);
  Request request{next_request_id_++, out, overlapped, std::move(routine)};
  if (options_.profile == Profile::windows_2003 && !overlapped) {
    *bytes_returned = 0;
    return 0;
  }

  if (state.queued.empty()) {
    if (!overlapped) return fail(decisions.nothing_queued);  // D8
    pend(state, std::move(request));
    return fail(wsa::io_pending);
  }
  gqos::QosContent content = content_of(state, state.queued.front());
  const auto written = gqos::encode(content, out);
  const std::uint32_t required = gqos::required_size(content);
  last_content_ = std::move(content);
  if (!written) {
    // D6: an immediate failure, so no completion is queued even for an overlapped request.
    gqos::store_u32(out, 0, required);
    if (bytes_returned) *bytes_returned = 4;
    if (!decisions.enobufs_keeps_indication) state.queued.pop_front();
    return fail(wsa::enobufs);
  }
  state.queued.pop_front();
  if (bytes_returned) *bytes_returned = *written;
  if (overlapped) finish(socket, std::move(request), wsa::no_error, *written);  // D4
  return 0;
}

int SpRules::set_qos(Socket socket, SocketState& state, std::span<const std::byte> in,
                     std::uint32_t* bytes_returned, provider::Overlapped* overlapped,
                     provider::CompletionRoutine&& routine) {
  if (take_injected_failure(socket, provider::Call::set_qos)) return socket_error;
  if (!overlapped && !bytes_returned) return fail(wsa::efault);
  gqos::DecodedQos qos;
  if (const std::uint32_t error = parse_qos(in, qos)) return fail(error);
  const bool one_peer = state.protocol == provider::Protocol::tcp || state.connected;
  if (const std::uint32_t error = reserve_info_error(qos, in, one_peer)) return fail(error);
  if (const std::uint32_t error = admit_qos(qos, wsa::enoprotoopt)) return fail(error);
  apply_qos(state, qos);
  qos_state_.qos_set(socket, qos, in);
  if (bytes_returned) *bytes_returned = 0;
  if (overlapped) {
    finish(socket, Request{next_request_id_++, {}, overlapped, std::move(routine)}, wsa::no_error,
           0);
  }
  return 0;
}

std::uint32_t SpRules::parse_qos(std::span<const std::byte> in, gqos::DecodedQos& qos) const {
  if (in.size() < sizeof(gqos::Qos)) return wsa::efault;
  gqos::DecodeResult decoded = gqos::decode(in);
  if (!decoded.ok()) return wsa::einval;
  if (!valid_flowspec(decoded.qos.sending, gqos::Direction::sending) ||
      !valid_flowspec(decoded.qos.receiving, gqos::Direction::receiving)) {
    return options_.decisions.invalid_flowspec;
  }
  qos = std::move(decoded.qos);
  return wsa::no_error;
}

// D37, in the words of W32:overriding-default-rsvp-filter-style-settings unless named.
std::uint32_t SpRules::reserve_info_error(const gqos::DecodedQos& qos,
                                          std::span<const std::byte> in, bool one_peer) {
  const auto base = reinterpret_cast<std::uint64_t>(in.data());
  for (const gqos::DecodedObject& object : qos.objects) {
    const auto reserve = gqos::read_reserve_info(object);
    if (!reserve) continue;
    // "An object with an invalid ObjectLength field was specified in the QOS provider-specific
    // buffer" (WSA_QOS_EOBJLENGTH): shorter than RSVP_RESERVE_INFO.
    if (!reserve->whole) return gqos::status::eobjlength;
    namespace style = gqos::rsvp_style;
    if (reserve->style > style::shared_explicit) return gqos::status::efilterstyle;
    // "The RSVP_SHARED_EXPLICIT_STYLE object cannot be applied to TCP receivers or to connected
    // UDP receivers."
    if (reserve->style == style::shared_explicit && one_peer) return gqos::status::efilterstyle;
    // WF: "flowdescriptors must not be specified"; SE: "NumFlowDesc ... is set to 1"; several FF
    // descriptors "cannot be done with TCP receivers" nor connected UDP ones.
    const std::uint32_t count = reserve->num_flow_desc;
    const bool too_many = (reserve->style == style::wildcard && count != 0) ||
                          (reserve->style == style::shared_explicit && count > 1) ||
                          (reserve->style == style::fixed_filter && one_peer && count > 1);
    // NumFlowDesc FLOWDESCRIPTORs must lie at FlowDescList inside the buffer given.
    const bool missing =
        count != 0 && !gqos::offset_in(in, base, reserve->flow_desc_list,
                                       std::size_t{count} * sizeof(gqos::FlowDescriptor));
    if (too_many || missing) return gqos::status::eflowcount;
  }
  return wsa::no_error;
}

std::uint32_t SpRules::admit_qos(const gqos::DecodedQos& qos,
                                 std::uint32_t unsupported_error) const {
  if (options_.profile == Profile::no_qos_provider) return unsupported_error;
  if (!options_.admission_limit) return wsa::no_error;
  for (const gqos::FlowSpec* flowspec : {&qos.sending, &qos.receiving}) {
    if (asks_for_service(service_of(*flowspec)) &&
        flowspec->token_rate != gqos::qos_not_specified &&
        flowspec->token_rate > *options_.admission_limit) {
      return wsa::eopnotsupp;
    }
  }
  return wsa::no_error;
}

void SpRules::apply_qos(SocketState& state, const gqos::DecodedQos& qos) {
  update_service(state.sending_service, qos.sending);
  update_service(state.receiving_service, qos.receiving);
  // ConfirmRequest is the receiving direction's (W32:confirming-rsvp-reservations): a QOS that
  // leaves that direction NOCHANGE without an RSVP_RESERVE_INFO leaves it as it was, as NOTRAFFIC
  // with NOCHANGE leaves "the other direction's quality of service signaling unchanged"
  // (W32:servicetype-notraffic).
  if (const auto reserve = reserve_info_of(qos)) {
    state.confirm_request = reserve->confirm_request != 0;
  } else if (service_of(qos.receiving) != gqos::service_type::no_change) {
    state.confirm_request = false;
  }
}

// R1: while a request pends its OVERLAPPED's Internal holds WSA_IO_PENDING.
void SpRules::pend(SocketState& state, Request request) {
  request.overlapped->internal = wsa::io_pending;
  request.overlapped->internal_high = 0;
  state.pending.push_back(std::move(request));
}

void SpRules::finish(Socket socket, Request&& request, std::uint32_t error, std::uint32_t bytes) {
  delivery_.complete(socket, *request.overlapped, std::move(request.routine), error, bytes);
}

gqos::QosContent SpRules::content_of(const SocketState& state, const gqos::Indication& indication) {
  const gqos::Direction valid = indication.sending ? gqos::Direction::sending
                                : indication.receiving
                                    ? gqos::Direction::receiving
                                    : gqos::direction_of_status(indication.status);
  const bool nobody = indication.status == gqos::status::no_senders ||
                      indication.status == gqos::status::no_receivers;
  auto flowspec_for = [&](gqos::Direction direction, std::uint32_t requested) {
    if (direction != valid) {
      const std::uint32_t fill = options_.decisions.unused_flowspec_fields;
      return gqos::FlowSpec{fill, fill, fill, fill, fill, gqos::service_type::no_change,
                            fill, fill};
    }
    return gqos::unspecified_flowspec(nobody ? gqos::service_type::no_traffic : requested);
  };
  gqos::QosContent content = std::move(last_content_);
  content.sending =
      indication.sending.value_or(flowspec_for(gqos::Direction::sending, state.sending_service));
  content.receiving = indication.receiving.value_or(
      flowspec_for(gqos::Direction::receiving, state.receiving_service));
  // Assigning over the objects already there keeps their bodies' storage.
  content.objects.resize(1 + indication.objects.size());
  gqos::assign_status_info(content.objects.front(), indication.status, indication.extended_status1,
                           indication.extended_status2);
  std::copy(indication.objects.begin(), indication.objects.end(), content.objects.begin() + 1);
  return content;
}

}  // namespace qosbed::provider_stub
