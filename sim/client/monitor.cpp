// The Monitor's query/completion loop. Everything a pending request touches lives in State,
// which each completion routine co-owns, so the provider can finish a request after the Monitor
// is gone without writing into freed memory or calling into a dead object.
#include "client/monitor.hpp"

#include <algorithm>
#include <cstddef>
#include <string>

#include "gqos/names.hpp"

namespace qosbed::client {

namespace {

constexpr std::uint32_t default_buffer = sizeof(gqos::Qos) + sizeof(gqos::StatusInfo);
// R2: the FLOWSPEC that carries news is the one whose ServiceType, flags aside, is not NOCHANGE.
bool is_valid(const gqos::FlowSpec& flowspec) {
  return gqos::service_type::without_flags(flowspec.service_type) != gqos::service_type::no_change;
}

std::string error_name(std::uint32_t error) {
  return gqos::name_or_number(gqos::NameGroup::error, error);
}

// Where every Monitor of this thread decodes its completions, so that decoding allocates nothing
// once the object list has grown, and a Monitor's own state stays a few cache lines: with
// thousands of sockets each completion would otherwise write the cold result of its own Monitor.
// deliver() copies out what it reports before any listener runs, as a listener may wait
// alertably and so run other Monitors' completions.
gqos::DecodeResult& decode_scratch() {
  thread_local gqos::DecodeResult scratch;
  return scratch;
}

}  // namespace

struct Monitor::State : std::enable_shared_from_this<State> {
  State(provider::Provider& provider, provider::Socket socket, MonitorListener& listener,
        MonitorOptions options)
      : listener(&listener),
        provider(provider),
        socket(socket),
        buffer(options.initial_buffer ? options.initial_buffer : default_buffer),
        max_buffer(options.max_buffer) {}

  // First, and then what each completion reads: a provider may load the bytes around the
  // OVERLAPPED of a request it is about to finish (provider::request_state_before_overlapped and
  // _after_; the emulator does). Monitor's constructor asserts that State lies within them.
  provider::Overlapped overlapped;
  MonitorListener* listener;  // null once the Monitor is destroyed: routines then do nothing
  provider::Provider& provider;
  provider::Socket socket;
  std::vector<std::byte> buffer;  // resized only while no request pends on it
  std::uint32_t max_buffer;
  std::uint32_t reissues = 0;
  bool started = false;
  bool stopped = false;
  View view;

  // Issues SIO_GET_QOS until it pends or finishes at once, growing the buffer for each immediate
  // WSAENOBUFS. Each growth is strictly larger and bounded by max_buffer, so this ends.
  bool arm() {
    for (;;) {
      overlapped = {};
      std::uint32_t bytes = 0;
      auto self = shared_from_this();
      const int result = provider.ioctl(
          socket, gqos::ioctl::get_qos, {}, buffer, &bytes, &overlapped,
          [self](std::uint32_t error, std::uint32_t transferred, provider::Overlapped*,
                 std::uint32_t) { self->complete(error, transferred); });
      // 0: finished at once, but the completion routine is still delivered; handle it there.
      if (result == 0) return true;
      const std::uint32_t error = provider.last_error();
      if (error == gqos::wsa::io_pending) return true;
      if (error != gqos::wsa::enobufs) {
        stop_with_error(error, "SIO_GET_QOS failed at once with " + error_name(error));
        return false;
      }
      if (!grow(bytes)) return false;
    }
  }

  // The completion routine. A local owner keeps State alive even if the listener destroys the
  // Monitor and the provider drops this routine meanwhile.
  void complete(std::uint32_t error, std::uint32_t bytes) {
    const auto self = shared_from_this();
    if (!listener || stopped) return;
    if (error == gqos::wsa::no_error) {
      deliver(bytes);
      if (listener && !stopped) arm();
    } else if (error == gqos::wsa::enobufs) {
      // R5: the provider kept the indication, so the reissue receives it.
      if (grow(bytes)) arm();
    } else if (error == gqos::wsa::operation_aborted) {
      stopped = true;
      listener->on_stopped(StopReason::aborted);
    } else {
      stop_with_error(error, "SIO_GET_QOS completed with " + error_name(error));
    }
  }

  // Reads the required size of a WSAENOBUFS and resizes the buffer to it. A size that would not
  // help, or that is over the limit, stops the Monitor: reissuing would spin or exhaust memory.
  bool grow(std::uint32_t bytes) {
    const auto told = gqos::required_size_in(gqos::wsa::enobufs, buffer);
    if (bytes < 4 || !told) {
      stop_with_error(gqos::wsa::enobufs, "WSAENOBUFS without the required size (" +
                                              std::to_string(bytes) + " bytes returned)");
      return false;
    }
    const std::uint32_t required = *told;
    if (required <= buffer.size()) {
      stop_with_error(gqos::wsa::enobufs, "WSAENOBUFS asks for " + std::to_string(required) +
                                              " bytes, not more than the buffer's " +
                                              std::to_string(buffer.size()));
      return false;
    }
    if (required > max_buffer) {
      stop_with_error(gqos::wsa::enobufs, "WSAENOBUFS asks for " + std::to_string(required) +
                                              " bytes, over the limit of " +
                                              std::to_string(max_buffer));
      return false;
    }
    buffer.assign(required, std::byte{0});
    ++reissues;
    return true;
  }

  // Decodes a completed QOS and reports one update per valid direction, sending first. A list
  // that does not decode is reported without stopping: the indication is consumed either way.
  void deliver(std::uint32_t bytes) {
    if (bytes > buffer.size()) {
      listener->on_error(gqos::status::eprovspecbuf, "provider reported " + std::to_string(bytes) +
                                                         " bytes for a buffer of " +
                                                         std::to_string(buffer.size()));
      return;
    }
    gqos::DecodeResult& result = decode_scratch();
    gqos::decode(std::span<const std::byte>(buffer.data(), bytes),
                 reinterpret_cast<std::uintptr_t>(buffer.data()), result);
    if (!result.ok()) {
      listener->on_error(gqos::status::eprovspecbuf,
                         "ProviderSpecific: " + std::string(gqos::describe(result.error)) +
                             " at offset " + std::to_string(result.error_offset));
      return;
    }
    const gqos::DecodedQos& qos = result.qos;
    const gqos::StatusInfo status = qos.status_info.value_or(gqos::StatusInfo{});

    // The objects after the first RSVP_STATUS_INFO; all of them if there is none.
    auto first_extra = std::find_if(qos.objects.begin(), qos.objects.end(), [](const auto& object) {
      return object.type == gqos::object_type::status_info;
    });
    first_extra = first_extra == qos.objects.end() ? qos.objects.begin() : first_extra + 1;
    std::vector<ExtraObject> extras;
    for (auto it = first_extra; it != qos.objects.end(); ++it) {
      extras.push_back(ExtraObject{it->type, {it->body.begin(), it->body.end()}});
    }

    const struct {
      gqos::Direction direction;
      gqos::FlowSpec flowspec;  // a copy: a listener's alertable wait may reuse the scratch
      gqos::FlowSpec& merged;
    } directions[] = {{gqos::Direction::sending, qos.sending, view.sending},
                      {gqos::Direction::receiving, qos.receiving, view.receiving}};
    for (const auto& d : directions) {
      if (!is_valid(d.flowspec)) continue;
      d.merged = d.flowspec;
      view.last_status = status.status_code;
      listener->on_update(Update{d.direction, status.status_code, status.extended_status1,
                                 status.extended_status2, d.flowspec, extras});
      if (!listener) return;  // the listener destroyed the Monitor
    }
  }

  void stop_with_error(std::uint32_t error, const std::string& what) {
    stopped = true;
    listener->on_error(error, what);
    if (listener) listener->on_stopped(StopReason::error);
  }
};

Monitor::Monitor(provider::Provider& provider, provider::Socket socket, MonitorListener& listener,
                 MonitorOptions options)
    : state_(std::make_shared<State>(provider, socket, listener, options)) {
  // State, which each completion reads, lies within the bytes around its OVERLAPPED that a
  // provider may load ahead of the completion, and so does make_shared's control block just
  // before it (libstdc++'s: a vtable pointer and two counts). State is not standard-layout (it
  // derives from enable_shared_from_this), where offsetof is conditionally-supported: GCC and
  // Clang support it for a class without virtual bases, and warn.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
  constexpr std::size_t overlapped_at = offsetof(State, overlapped);
#pragma GCC diagnostic pop
  constexpr std::size_t control_block = sizeof(void*) + 2 * sizeof(int);
  static_assert(control_block + overlapped_at <= provider::request_state_before_overlapped);
  static_assert(sizeof(State) - overlapped_at <= provider::request_state_after_overlapped);
}

Monitor::~Monitor() {
  state_->listener = nullptr;
}

bool Monitor::start() {
  if (state_->started) return false;
  state_->started = true;
  // Keep State alive in case the listener destroys the Monitor from a report made here.
  const auto state = state_;
  return state->arm();
}

bool Monitor::active() const {
  return state_->started && !state_->stopped;
}

const View& Monitor::view() const {
  return state_->view;
}

std::uint32_t Monitor::reissues() const {
  return state_->reissues;
}

std::uint32_t Monitor::buffer_size() const {
  return static_cast<std::uint32_t>(state_->buffer.size());
}

}  // namespace qosbed::client
