// A receiver's query against the installed emulator, through the installed Monitor: the
// overlapped SIO_GET_QOS pends, a PATH message arrives at 10 ms as WSA_QOS_SENDERS, and the
// completion routine runs in the next alertable wait with the sender's Tspec in
// ReceivingFlowspec. Exits 0 when the Monitor saw exactly that.
#include <cstdio>
#include <string_view>
#include <vector>

#include "client/monitor.hpp"
#include "engine/event_queue.hpp"
#include "provider_stub/emulator.hpp"

namespace {

struct Updates final : qosbed::client::MonitorListener {
  std::vector<qosbed::client::Update> seen;
  void on_update(const qosbed::client::Update& update) override { seen.push_back(update); }
  void on_error(std::uint32_t error, std::string_view what) override {
    std::fprintf(stderr, "monitor error %u: %.*s\n", error, static_cast<int>(what.size()),
                 what.data());
  }
  void on_stopped(qosbed::client::StopReason) override {}
};

int check(bool held, const char* what) {
  if (!held) std::fprintf(stderr, "failed: %s\n", what);
  return held ? 0 : 1;
}

}  // namespace

int main() {
  using namespace qosbed;
  engine::EventQueue queue;
  provider_stub::Emulator emulator(queue);
  const provider::Socket socket = emulator.open(provider::Role::receiver, provider::Protocol::udp);
  if (check(emulator.bind(socket, {"10.0.0.2", 5000}) == 0, "bind")) return 1;

  Updates updates;
  client::Monitor monitor(emulator, socket, updates);
  if (check(monitor.start(), "the first SIO_GET_QOS is armed")) return 1;

  gqos::Indication path;
  path.status = gqos::status::senders;
  path.receiving = gqos::unspecified_flowspec(gqos::service_type::controlled_load);
  path.receiving->token_rate = 8000;
  queue.schedule_at(10'000, [&] { emulator.indicate(socket, path); });

  const std::uint32_t waited = emulator.sleep_ex(100, true);
  int failures = check(waited == gqos::wsa::wait_io_completion, "the wait ran the routine");
  failures += check(queue.now_us() == 10'000, "the routine ran when the PATH arrived");
  failures += check(updates.seen.size() == 1, "one update");
  if (updates.seen.size() == 1) {
    const client::Update& update = updates.seen.front();
    failures += check(update.status == gqos::status::senders, "status WSA_QOS_SENDERS");
    failures += check(update.direction == gqos::Direction::receiving, "ReceivingFlowspec");
    failures += check(update.flowspec.token_rate == 8000, "the sender's token rate");
  }
  if (failures == 0) std::printf("update: WSA_QOS_SENDERS, receiving token_rate 8000\n");
  return failures == 0 ? 0 : 1;
}
