// Messages in flight: each delivered once, after its link's delay, however many were in flight
// together and in whatever order they left the pool.
#define BOOST_TEST_MODULE rsvp_links
#include <boost/test/unit_test.hpp>
#include <variant>
#include <vector>

#include "engine/event_queue.hpp"
#include "rsvp/links.hpp"
#include "rsvp_fixture.hpp"

using namespace rsvp_test;

namespace {

struct Arrival {
  TimeUs at_us;
  NodeId at;
  std::uint16_t port;  // of the PathTear's sender: which message it was
};

class Recorder final : public MessageReceiver {
 public:
  explicit Recorder(const engine::EventQueue& queue) : queue_(queue) {}
  void deliver(NodeId at, NodeId, LinkId, const Message& message) override {
    arrivals.push_back({queue_.now_us(), at, std::get<PathTear>(message).sender.port});
  }
  std::vector<Arrival> arrivals;

 private:
  const engine::EventQueue& queue_;
};

// a - b over 1 ms and a - c over 5 ms.
struct Star {
  engine::EventQueue queue;
  Random random{1};
  Topology topology;
  NodeId a = topology.add_router("a", 1);
  NodeId b = topology.add_router("b", 2);
  NodeId c = topology.add_router("c", 3);
  LinkId ab = topology.add_link(a, b, link(1'000'000, ms));
  LinkId ac = topology.add_link(a, c, link(1'000'000, 5 * ms));
  Links links{queue, topology, random};
  Recorder recorder{queue};
  Star() { links.set_receiver(&recorder); }

  void send(LinkId link, std::uint16_t port) {
    links.send(Interface{link, a}, PathTear{Session{2, 5000, 17}, SenderId{1, port}});
  }
};

}  // namespace

BOOST_AUTO_TEST_CASE(a_burst_and_the_traffic_after_it_arrive_once_each) {
  Star star;
  // 5,000 at once, then, while they are on their way, a few on the slower link; then a few more
  // once the burst has arrived and its slots are free.
  for (std::uint16_t port = 0; port < 5'000; ++port) star.send(star.ab, port);
  star.queue.run_until(500);
  for (std::uint16_t port = 5'000; port < 5'003; ++port) star.send(star.ac, port);
  star.queue.run_until(2 * ms);
  BOOST_REQUIRE(star.recorder.arrivals.size() == 5'000u);
  for (std::uint16_t port = 6'000; port < 6'003; ++port) star.send(star.ab, port);
  star.queue.run_until(10 * ms);

  const auto& arrivals = star.recorder.arrivals;
  BOOST_REQUIRE(arrivals.size() == 5'006u);
  for (std::uint16_t i = 0; i < 5'000; ++i) {
    BOOST_TEST(arrivals[i].port == i);
    BOOST_TEST(arrivals[i].at_us == 1 * ms);
  }
  // The ones sent after the burst, on b's link, arrive before the slow ones sent during it.
  for (std::uint16_t i = 0; i < 3; ++i) {
    BOOST_TEST(arrivals[5'000 + i].port == 6'000 + i);
    BOOST_TEST(arrivals[5'000 + i].at_us == 2 * ms + ms);
    BOOST_TEST(arrivals[5'003 + i].port == 5'000 + i);
    BOOST_TEST(arrivals[5'003 + i].at_us == 500 + 5 * ms);
  }
}

BOOST_AUTO_TEST_CASE(slots_freed_out_of_order_are_reused_and_nothing_is_lost) {
  Star star;
  // Rounds of messages on both links, each round sent before the slow ones of the last have
  // arrived: the pool frees its slots out of order, shrinks past its last one in use, and grows
  // again.
  std::uint16_t port = 0;
  for (int round = 0; round < 40; ++round) {
    const std::uint16_t burst = round % 10 == 0 ? 3'000 : 7;
    for (std::uint16_t i = 0; i < burst; ++i) star.send(i % 3 == 0 ? star.ac : star.ab, port++);
    star.queue.run_until(star.queue.now_us() + 2 * ms);
  }
  star.queue.run_until(star.queue.now_us() + 10 * ms);

  std::vector<int> times_seen(port, 0);
  for (const Arrival& arrival : star.recorder.arrivals) ++times_seen[arrival.port];
  BOOST_TEST(star.recorder.arrivals.size() == std::size_t{port});
  BOOST_TEST(std::count(times_seen.begin(), times_seen.end(), 1) == port);
}
