// Fuzzes the emulated RSVP SP and the Monitor together through random sequences of application
// calls (through the tracing decorator, whose records are rendered as JSON) and script actions,
// checking after every one the promises a GQoS application relies on:
// - nothing is written outside the caller's buffer (guard bytes either side of every buffer);
// - a request completes at most once, and its OVERLAPPED keeps the result it finished with;
// - no completion routine and no Monitor report runs outside an alertable wait (or start());
// - WSAENOBUFS always leaves the required size, larger than the buffer, in its first 4 bytes
//   (unless the script itself injected a WSAENOBUFS, which is how scenarios play a lying provider);
// - a Monitor reports nothing after it stopped, and stops at most once.
#include <cstdint>
#include <cstdlib>
#include <deque>
#include <memory>
#include <optional>
#include <vector>

#include "client/monitor.hpp"
#include "engine/event_queue.hpp"
#include "engine/tracing_provider.hpp"
#include "fuzz/input.hpp"
#include "gqos/codec.hpp"
#include "gqos/constants.hpp"
#include "provider_stub/emulator.hpp"
#include "report/json_trace.hpp"

namespace {

using namespace qosbed;
namespace wsa = gqos::wsa;
using provider::Socket;

void check(bool condition) {
  if (!condition) std::abort();
}

constexpr std::size_t guard_size = 16;
constexpr std::byte guard_byte{0xA5};

// A caller-owned buffer with guard bytes either side, which nothing may touch.
class GuardedBuffer {
 public:
  explicit GuardedBuffer(std::size_t size)
      : storage_(size + 2 * guard_size, guard_byte), size_(size) {}
  std::span<std::byte> span() { return {storage_.data() + guard_size, size_}; }
  std::size_t size() const { return size_; }
  void check_guards() const {
    for (std::size_t i = 0; i < guard_size; ++i) {
      check(storage_[i] == guard_byte);
      check(storage_[guard_size + size_ + i] == guard_byte);
    }
  }

 private:
  std::vector<std::byte> storage_;
  std::size_t size_;
};

// Not a value any provider writes into Internal: marks an OVERLAPPED the provider never touched.
constexpr std::uint32_t untouched = 0xFFFFFFF0;

// One overlapped request the application issued; kept until the end, as the provider may write.
struct Request {
  explicit Request(std::size_t size) : buffer(size) { overlapped.internal = untouched; }
  GuardedBuffer buffer;
  provider::Overlapped overlapped;
  Socket socket = provider::invalid_socket;
  bool routine = false;
  int completions = 0;
  bool unread = false;  // event-notified and not yet read with get_overlapped_result
  // The result the OVERLAPPED held when the request was first seen finished.
  std::optional<std::pair<std::uint32_t, std::uint32_t>> finished;
};

// Renders every record as JSON, so the writer meets every record the decorator can produce.
class JsonCheckSink final : public engine::TraceSink {
 public:
  void record(const engine::TraceRecord& record) override {
    const std::string line = report::to_json(record);
    check(!line.empty() && line.front() == '{' && line.back() == '}');
    check(line.find('\n') == std::string::npos);
  }
};

class Harness;

class Listener final : public client::MonitorListener {
 public:
  Listener(Harness& harness, std::size_t slot, bool destroy_on_update)
      : harness_(harness), slot_(slot), destroy_on_update_(destroy_on_update) {}
  void on_update(const client::Update& update) override;
  void on_error(std::uint32_t error, std::string_view what) override;
  void on_stopped(client::StopReason reason) override;

 private:
  void reported();
  Harness& harness_;
  std::size_t slot_;
  bool destroy_on_update_;
  bool stopped_ = false;
};

class Harness {
 public:
  explicit Harness(fuzz::Input& in)
      : in_(in), emulator_(queue_, options_from(in)), traced_(emulator_, queue_, sink_) {}

  ~Harness() {
    // Monitors first, while the emulator that holds their routines is still alive.
    monitors_.clear();
  }

  void run() {
    for (int steps = 0; !in_.empty() && steps < 400; ++steps) {
      step();
      check_all();
    }
    // A last alertable wait delivers what is still queued, under the same checks.
    alertable(true, [&] { traced_.sleep_ex(0, true); });
    check_all();
  }

  // Checks that the required size follows a WSAENOBUFS in the buffer it failed on.
  void check_required(std::span<const std::byte> buffer, std::uint32_t bytes) const {
    if (scripted_enobufs_) return;
    check(bytes == 4);
    check(buffer.size() >= 4);
    check(gqos::load_u32(buffer, 0) > buffer.size());
  }

  // Monitor reports are legal inside an alertable wait or the start() that armed the Monitor.
  bool may_report() const { return in_alertable_ || in_start_; }
  void destroy_monitor(std::size_t slot) { monitors_.at(slot).reset(); }
  bool scripted_failures() const { return scripted_failures_; }

 private:
  static provider_stub::EmulatorOptions options_from(fuzz::Input& in) {
    constexpr provider_stub::Profile profiles[] = {
        provider_stub::Profile::windows_2000, provider_stub::Profile::windows_2000,
        provider_stub::Profile::windows_xp, provider_stub::Profile::windows_2003,
        provider_stub::Profile::no_qos_provider};
    constexpr provider_stub::PendingPolicy policies[] = {provider_stub::PendingPolicy::queue,
                                                         provider_stub::PendingPolicy::coalesce,
                                                         provider_stub::PendingPolicy::drop};
    provider_stub::EmulatorOptions options;
    options.profile = in.pick(profiles);
    options.pending_policy = in.pick(policies);
    if (in.flag()) options.admission_limit = in.u32();
    return options;
  }

  template <typename F>
  void alertable(bool is_alertable, F call) {
    const bool before = in_alertable_;
    in_alertable_ = is_alertable;
    call();
    in_alertable_ = before;
  }

  Socket socket() {
    if (sockets_.empty() || in_.below(16) == 0) return 0xDEAD;  // never a valid handle
    return sockets_[in_.below(sockets_.size())];
  }

  provider::Event event() {
    if (events_.empty() || in_.below(16) == 0) return 0xBAD;
    return events_[in_.below(events_.size())];
  }

  std::uint32_t timeout_ms() {
    switch (in_.below(8)) {
      case 0:
        return wsa::infinite;
      case 1:
        return in_.u16();
      default:
        return in_.below(4);
    }
  }

  gqos::FlowSpec flowspec() {
    constexpr std::uint32_t services[] = {
        gqos::service_type::no_traffic,      gqos::service_type::best_effort,
        gqos::service_type::controlled_load, gqos::service_type::guaranteed,
        gqos::service_type::no_change,       gqos::service_type::qualitative};
    gqos::FlowSpec flowspec = gqos::unspecified_flowspec(in_.pick(services));
    if (in_.flag()) flowspec.service_type = in_.u32();
    if (in_.flag()) flowspec.token_rate = in_.u32();
    return flowspec;
  }

  std::vector<gqos::ProviderObject> objects() {
    std::vector<gqos::ProviderObject> out(in_.below(4));
    for (gqos::ProviderObject& object : out) {
      constexpr std::uint32_t types[] = {
          gqos::object_type::end_of_list,  gqos::object_type::sd_mode,
          gqos::object_type::shaping_rate, gqos::object_type::adspec,
          gqos::object_type::status_info,  gqos::object_type::reserve_info};
      object.type = in_.flag() ? in_.u32() : in_.pick(types);
      object.body = in_.bytes(48);
      if (in_.below(4) == 0) object.declared_length = in_.u32() % 128;  // a hostile list
    }
    return out;
  }

  gqos::Indication indication() {
    constexpr std::uint32_t statuses[] = {
        gqos::status::receivers,         gqos::status::senders,
        gqos::status::no_senders,        gqos::status::no_receivers,
        gqos::status::request_confirmed, gqos::status::admission_failure,
        gqos::status::policy_failure,    gqos::status::generic_error};
    gqos::Indication indication;
    indication.status = in_.flag() ? in_.pick(statuses) : in_.u32();
    switch (in_.below(3)) {
      case 1:
        indication.sending = flowspec();
        break;
      case 2:
        indication.receiving = flowspec();
        break;
      default:
        break;
    }
    indication.extended_status1 = in_.u32();
    indication.extended_status2 = in_.u32();
    indication.objects = objects();
    return indication;
  }

  // A QOS as an application passes it to SIO_SET_QOS or WSAConnect: encoded, or raw bytes.
  std::vector<std::byte> qos_bytes() {
    if (in_.below(4) == 0) return in_.bytes(120);
    gqos::QosContent content;
    content.sending = flowspec();
    content.receiving = flowspec();
    if (in_.flag()) {
      const std::uint32_t style = in_.u8();
      content.objects.push_back(gqos::make_reserve_info(style, in_.flag()));
    }
    std::vector<std::byte> out(gqos::required_size(content));
    check(gqos::encode(content, out).has_value());
    return out;
  }

  std::uint32_t scripted_error() {
    scripted_failures_ = true;
    if (!in_.flag()) return in_.u16();
    scripted_enobufs_ = true;
    return wsa::enobufs;
  }

  std::uint32_t buffer_size() {
    switch (in_.below(4)) {
      case 0:
        return in_.below(8);
      case 1:
        return 80 + in_.below(48);
      default:
        return in_.u16() % 512;
    }
  }

  Request& new_request(Socket socket, std::size_t size) {
    requests_.push_back(std::make_unique<Request>(size));
    requests_.back()->socket = socket;
    return *requests_.back();
  }

  provider::CompletionRoutine routine_for(Request& request) {
    request.routine = true;
    return [this, &request](std::uint32_t error, std::uint32_t bytes,
                            provider::Overlapped* overlapped, std::uint32_t flags) {
      check(in_alertable_);
      check(overlapped == &request.overlapped);
      check(++request.completions == 1);
      check(overlapped->internal == error && overlapped->internal_high == bytes);
      check(flags == 0);
      check(bytes <= request.buffer.size());
      request.buffer.check_guards();
      if (error == wsa::enobufs) check_required(request.buffer.span(), bytes);
    };
  }

  void get_qos() {
    const Socket s = socket();
    Request& request = new_request(s, buffer_size());
    std::uint32_t bytes = 0xFFFFFFFF;
    const std::uint32_t mode = static_cast<std::uint32_t>(in_.below(4));
    provider::Overlapped* overlapped = mode == 0 ? nullptr : &request.overlapped;
    provider::CompletionRoutine routine;
    if (mode == 1 || mode == 3) routine = routine_for(request);
    if (mode == 2) request.overlapped.event = event();
    std::uint32_t* bytes_returned = (overlapped && in_.flag()) ? nullptr : &bytes;
    const int result = traced_.ioctl(s, gqos::ioctl::get_qos, {}, request.buffer.span(),
                                     bytes_returned, overlapped, std::move(routine));
    request.buffer.check_guards();
    const std::uint32_t error = result == 0 ? wsa::no_error : traced_.last_error();
    if (result == 0 && bytes_returned) check(bytes <= request.buffer.size());
    if (error == wsa::enobufs && bytes_returned) check_required(request.buffer.span(), bytes);
    if (error == wsa::enobufs && !bytes_returned && !scripted_enobufs_) {
      check(gqos::load_u32(request.buffer.span(), 0) > request.buffer.size());
    }
    if (mode == 2 && (result == 0 || error == wsa::io_pending)) request.unread = true;
  }

  void set_qos() {
    const Socket s = socket();
    const std::vector<std::byte> qos = qos_bytes();
    Request& request = new_request(s, 0);
    std::uint32_t bytes = 0;
    provider::Overlapped* overlapped = in_.flag() ? &request.overlapped : nullptr;
    provider::CompletionRoutine routine;
    if (overlapped) routine = routine_for(request);
    const std::uint32_t code = in_.below(8) == 0 ? in_.u32() : gqos::ioctl::set_qos;
    traced_.ioctl(s, code, qos, {}, &bytes, overlapped, std::move(routine));
  }

  void get_overlapped_result() {
    std::vector<Request*> unread;
    for (const auto& request : requests_) {
      if (request->unread) unread.push_back(request.get());
    }
    if (unread.empty()) return;
    Request& request = *unread[in_.below(unread.size())];
    constexpr std::uint32_t untouched = 0xA5A5A5A5;
    std::uint32_t bytes = untouched;
    std::uint32_t flags = 0;
    const bool wait = in_.flag();
    const bool done =
        traced_.get_overlapped_result(request.socket, &request.overlapped, &bytes, wait, &flags);
    const std::uint32_t error = done ? wsa::no_error : traced_.last_error();
    // A failing call leaves lpcbTransfer alone (R6); WSAENOBUFS's 4 bytes are the request's.
    check(done ? bytes == request.overlapped.internal_high : bytes == untouched);
    if (error == wsa::enobufs) {
      check_required(request.buffer.span(), request.overlapped.internal_high);
    }
    if (error != wsa::io_incomplete && error != wsa::enotsock) request.unread = false;
  }

  void start_monitor() {
    const Socket s = socket();
    const std::size_t slot = monitors_.size();
    listeners_.push_back(std::make_unique<Listener>(*this, slot, in_.below(8) == 0));
    client::MonitorOptions options;
    options.initial_buffer = in_.flag() ? buffer_size() : 0;
    if (in_.flag()) options.max_buffer = in_.u16();
    monitors_.push_back(std::make_unique<client::Monitor>(traced_, s, *listeners_.back(), options));
    in_start_ = true;
    monitors_.back()->start();
    in_start_ = false;
  }

  void step() {
    switch (in_.below(20)) {
      case 0:
        if (sockets_.size() < 6) {
          constexpr provider::Role roles[] = {provider::Role::sender, provider::Role::receiver,
                                              provider::Role::both};
          const provider::Role role = in_.pick(roles);
          sockets_.push_back(
              traced_.open(role, in_.flag() ? provider::Protocol::tcp : provider::Protocol::udp));
        }
        break;
      case 1:
        traced_.bind(socket(), {"10.0.0.1", 5000});
        break;
      case 2: {
        const Socket s = socket();
        const std::vector<std::byte> qos = in_.flag() ? qos_bytes() : std::vector<std::byte>{};
        traced_.connect(s, {"10.0.0.2", 5000}, qos);
        break;
      }
      case 3:
        set_qos();
        break;
      case 4:
      case 5:
      case 6:
        get_qos();
        break;
      case 7: {
        const Socket s = socket();
        emulator_.indicate(s, indication());
        break;
      }
      case 8: {
        const Socket s = socket();
        const engine::TimeUs at_us = queue_.now_us() + in_.u16();
        queue_.schedule_at(at_us, [this, s, next = indication()]() mutable {
          emulator_.indicate(s, std::move(next));
        });
        break;
      }
      case 9: {
        constexpr provider::Call calls[] = {provider::Call::bind, provider::Call::connect,
                                            provider::Call::set_qos, provider::Call::get_qos,
                                            provider::Call::close};
        const Socket s = socket();
        const provider::Call call = in_.pick(calls);
        emulator_.fail_next_call(s, call, scripted_error());
        break;
      }
      case 10: {
        const Socket s = socket();
        emulator_.fail_pending(s, scripted_error());
        break;
      }
      case 11: {
        const bool is_alertable = in_.flag();
        const std::uint32_t timeout = timeout_ms();
        alertable(is_alertable, [&] { traced_.sleep_ex(timeout, is_alertable); });
        break;
      }
      case 12: {
        std::vector<provider::Event> events(in_.below(4));
        for (provider::Event& e : events) e = event();
        const bool is_alertable = in_.flag();
        const bool wait_all = in_.flag();
        const std::uint32_t timeout = timeout_ms();
        alertable(is_alertable,
                  [&] { traced_.wait_for_events(events, wait_all, timeout, is_alertable); });
        break;
      }
      case 13:
        get_overlapped_result();
        break;
      case 14:
        if (events_.size() < 8) events_.push_back(traced_.create_event());
        break;
      case 15:
        switch (in_.below(3)) {
          case 0:
            traced_.set_event(event());
            break;
          case 1:
            traced_.reset_event(event());
            break;
          default:
            traced_.close_event(event());
            break;
        }
        break;
      case 16:
        if (in_.flag()) {
          const Socket s = socket();
          const provider::Event e = event();
          traced_.event_select(s, e, in_.flag() ? gqos::fd_qos : in_.u32());
        } else {
          const Socket s = socket();
          provider::NetworkEvents events;
          traced_.enum_network_events(s, in_.flag() ? event() : provider::invalid_event, &events);
        }
        break;
      case 17:
        traced_.close(socket());
        break;
      case 18:
        if (monitors_.size() < 8) start_monitor();
        break;
      case 19:
        if (!monitors_.empty()) monitors_[in_.below(monitors_.size())].reset();
        break;
    }
  }

  void check_all() {
    for (const auto& request : requests_) {
      request->buffer.check_guards();
      const provider::Overlapped& overlapped = request->overlapped;
      if (request->finished) {
        check(overlapped.internal == request->finished->first);
        check(overlapped.internal_high == request->finished->second);
      } else if (overlapped.internal != untouched && overlapped.internal != wsa::io_pending) {
        request->finished = {overlapped.internal, overlapped.internal_high};
      }
    }
  }

  fuzz::Input& in_;
  engine::EventQueue queue_;
  JsonCheckSink sink_;
  // Declared before the emulator, so they outlive what it still holds of them.
  std::deque<std::unique_ptr<Request>> requests_;
  std::vector<std::unique_ptr<Listener>> listeners_;
  provider_stub::Emulator emulator_;
  engine::TracingProvider traced_;
  std::vector<Socket> sockets_;
  std::vector<provider::Event> events_;
  std::vector<std::unique_ptr<client::Monitor>> monitors_;
  bool in_alertable_ = false;
  bool in_start_ = false;
  bool scripted_enobufs_ = false;
  bool scripted_failures_ = false;
};

void Listener::reported() {
  check(harness_.may_report());
  check(!stopped_);
}

void Listener::on_update(const client::Update& update) {
  reported();
  check(update.direction == gqos::Direction::sending ||
        update.direction == gqos::Direction::receiving);
  if (destroy_on_update_) harness_.destroy_monitor(slot_);
}

void Listener::on_error(std::uint32_t error, std::string_view what) {
  reported();
  check(!what.empty());
  // A script may inject any error code, 0 included; the provider itself never fails with 0.
  check(error != wsa::no_error || harness_.scripted_failures());
}

void Listener::on_stopped(client::StopReason) {
  reported();
  stopped_ = true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  qosbed::fuzz::Input in({data, size});
  Harness harness(in);
  harness.run();
  return 0;
}
