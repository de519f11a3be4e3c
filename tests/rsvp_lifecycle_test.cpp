// What the other RSVP suites leave out: the least upper bound field by field, refresh jitter as
// the network draws it (every gap within [R/2, 3R/2]), a receiver that goes silent timing out
// upstream after L, and a halted network keeping its state while sending nothing more.
#define BOOST_TEST_MODULE rsvp_lifecycle
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <set>

#include "rsvp_fixture.hpp"

using namespace rsvp_test;

namespace {

// s - r - d, 1 ms a link.
struct Line {
  Topology t;
  NodeId s, r, d;
  LinkId s_r, r_d;

  Line() {
    s = t.add_host("s", 0x0A000001);
    r = t.add_router("r", 0x0A0000F1);
    d = t.add_host("d", 0x0A000002);
    s_r = t.add_link(s, r, link(1'000'000, 1 * ms));
    r_d = t.add_link(r, d, link(1'000'000, 1 * ms));
  }
};

const Session to_d = session_to(0x0A000002);

ReservationRequest wf(std::uint32_t rate) {
  return ReservationRequest{Style::wf, {FlowDescriptor{flowspec(rate), {}}}, false};
}

// The times at which `kind` was sent on `from`->`to`, from a MessageLog.
std::vector<TimeUs> sent_times(const MessageLog& log, const std::string& kind,
                               const std::string& hop) {
  std::vector<TimeUs> times;
  for (const std::string& line : log.lines) {
    if (line.find(" sent " + kind + " " + hop) != std::string::npos) {
      times.push_back(std::stoll(line.substr(0, line.find(' '))));
    }
  }
  return times;
}

}  // namespace

BOOST_AUTO_TEST_CASE(lub_takes_the_larger_request_field_by_field) {
  gqos::FlowSpec a = flowspec(8'000);
  a.latency = 50'000;
  a.delay_variation = 10'000;
  gqos::FlowSpec b = flowspec(20'000);
  b.token_bucket_size = 1'024;
  b.latency = 20'000;
  b.delay_variation = 30'000;
  b.minimum_policed_size = 32;
  b.service_type = gqos::service_type::guaranteed;
  const gqos::FlowSpec merged = lub(a, b);
  BOOST_TEST(merged.token_rate == 20'000u);
  BOOST_TEST(merged.token_bucket_size == 2'048u);  // a's
  BOOST_TEST(merged.peak_bandwidth == 40'000u);
  BOOST_TEST(merged.latency == 20'000u);           // the tighter bound
  BOOST_TEST(merged.delay_variation == 10'000u);   // the tighter bound
  BOOST_TEST(merged.minimum_policed_size == 32u);  // the smaller policed unit
  BOOST_TEST(merged.max_sdu_size == 1'500u);
  BOOST_TEST(merged.service_type == gqos::service_type::guaranteed);
  BOOST_TEST((lub(b, a) == merged));  // merging does not depend on who came first
}

BOOST_AUTO_TEST_CASE(every_refresh_gap_lies_within_half_and_one_and_a_half_r) {
  engine::EventQueue queue;
  Line l;
  Network net(queue, l.t, NetworkOptions{SoftStateTimes{10 * s, 3}, 5});
  MessageLog messages(queue);
  net.set_message_observer(&messages);
  net.start_sender(l.s, to_d, 6000, flowspec(50'000));
  net.reserve(l.d, to_d, wf(10'000));
  queue.run_until(2 * 60 * 60 * s);
  const std::string s_to_r = std::to_string(l.s) + "->" + std::to_string(l.r);
  const std::string d_to_r = std::to_string(l.d) + "->" + std::to_string(l.r);
  for (const auto& times :
       {sent_times(messages, "Path", s_to_r), sent_times(messages, "Resv", d_to_r)}) {
    BOOST_REQUIRE(times.size() > 400u);  // 2 h / 10 s = 720 on average
    std::set<TimeUs> gaps;
    for (std::size_t i = 1; i < times.size(); ++i) {
      const TimeUs gap = times[i] - times[i - 1];
      BOOST_TEST(gap >= 5 * s);
      BOOST_TEST(gap <= 15 * s);
      gaps.insert(gap);
    }
    BOOST_TEST(gaps.size() > times.size() / 2);  // jittered, not one period
    BOOST_TEST(*std::min_element(gaps.begin(), gaps.end()) < 6 * s);
    BOOST_TEST(*std::max_element(gaps.begin(), gaps.end()) > 14 * s);
  }
}

BOOST_AUTO_TEST_CASE(a_silent_receiver_times_out_into_no_reservations_after_the_lifetime) {
  engine::EventQueue queue;
  Line l;
  Network net(queue, l.t);
  std::vector<std::string> log;
  Recorder at_s(queue, "s", log);
  net.set_host_observer(l.s, &at_s);
  net.start_sender(l.s, to_d, 6000, flowspec(50'000));
  net.reserve(l.d, to_d, wf(10'000));
  queue.run_until(3 * ms);  // PATH at d at 2 ms set off the one RESV: at r at 3 ms
  net.silence_receiver(l.d, to_d);
  queue.run_until(10 * 60 * s);

  // r's RSB was last refreshed at 3 ms and lives L = 157.5 s: r tears down upstream then, and s
  // hears it one link later. The PATH keeps flowing: path state is the sender's.
  BOOST_TEST(count(log, "s reservation WF 10000") == 1u);
  BOOST_TEST(
      (count(log, std::to_string(3 * ms + 157'500'000 + 1 * ms) + " s no_reservations") == 1u));
  BOOST_TEST(net.reserved(Interface{l.r_d, l.r}) == 0u);
  BOOST_TEST(net.reserved(Interface{l.s_r, l.s}) == 0u);
  BOOST_TEST(net.state(l.r).rsbs.empty());
  BOOST_TEST(net.state(l.d).psbs.size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_halted_network_keeps_its_state_and_sends_nothing_more) {
  engine::EventQueue queue;
  Line l;
  Network net(queue, l.t);
  MessageLog messages(queue);
  net.set_message_observer(&messages);
  net.start_sender(l.s, to_d, 6000, flowspec(50'000));
  net.reserve(l.d, to_d, wf(10'000));
  queue.run_until(1 * ms + 500);  // the PATH is on r - d
  net.halt();
  BOOST_TEST(queue.size() == 0u);  // no refresh, no timeout, nothing in flight
  const std::size_t sent = messages.lines.size();
  queue.run_until(10 * 60 * s);
  BOOST_TEST(messages.lines.size() == sent);
  BOOST_TEST(net.state(l.r).psbs.size() == 1u);  // r's state outlives its lifetime: no timer
  BOOST_TEST(net.state(l.d).psbs.empty());       // the PATH in flight never arrived
}
