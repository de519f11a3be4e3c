// What a Guaranteed receiver's request promises at its host: docs/rsvp.md's worked example played
// on the network (s - r1 - d), then the cases that give no bound.
#define BOOST_TEST_MODULE rsvp_guaranteed_promise
#include <boost/test/unit_test.hpp>

#include "rsvp/guaranteed_promise.hpp"
#include "rsvp_fixture.hpp"

namespace tt = boost::test_tools;
using namespace rsvp_test;

constexpr TimeUs second = rsvp_test::s;

namespace {

// r 10000 B/s, b 4000 B, p 40000 B/s, M 500 B.
gqos::FlowSpec tspec() {
  return gqos::FlowSpec{10'000,
                        4'000,
                        40'000,
                        gqos::qos_not_specified,
                        gqos::qos_not_specified,
                        gqos::service_type::guaranteed,
                        500,
                        64};
}

gqos::FlowSpec guaranteed(std::uint32_t rate) {
  gqos::FlowSpec request = tspec();
  request.token_rate = rate;
  return request;
}

// docs/rsvp.md's example: s - r1 - d, the second link slower with a smaller MTU.
struct Example {
  engine::EventQueue queue;
  NodeId sender = 0, r1 = 0, d = 0;
  std::unique_ptr<Network> net;
  const Session session = session_to(0x0A000002);

  Example() {
    Topology t;
    sender = t.add_host("s", 0x0A000001);
    r1 = t.add_router("r1", 0x0A0000FE);
    d = t.add_host("d", 0x0A000002);
    t.add_link(sender, r1, gs_link(1'250'000, 1 * ms, 1500, 1500, 1 * ms));
    t.add_link(r1, d, gs_link(125'000, 2 * ms, 576, 500, 1 * ms));
    net = std::make_unique<Network>(queue, std::move(t));
    net->start_sender(sender, session, 6000, tspec());
  }

  std::vector<GuaranteedPromise> reserve(Style style, gqos::FlowSpec request) {
    std::vector<SenderId> filters;
    if (style != Style::wf) filters.push_back(SenderId{0x0A000001, 6000});
    net->reserve(d, session, {style, {{request, filters}}, false});
    queue.run_until(second);
    return guaranteed_promises(net->state(d), d, session);
  }
};

}  // namespace

BOOST_AUTO_TEST_CASE(peak_above_the_rate_puts_the_path_s_ctot_and_dtot_in_the_first_case) {
  Example example;
  const auto promises = example.reserve(Style::wf, guaranteed(20'000));
  BOOST_TEST_REQUIRE(promises.size() == 1u);
  const GuaranteedPromise& promise = promises.front();
  BOOST_TEST(promise.sender.port == 6000);
  BOOST_TEST(promise.rate == 20'000.0);
  BOOST_TEST(promise.c_tot == 2'000.0);
  BOOST_TEST(promise.d_tot_us == 2'000.0);
  BOOST_TEST(promise.adspec.general.path_mtu == 576u);
  BOOST_TEST_REQUIRE(promise.bound.has_value());
  BOOST_TEST(promise.bound->peak_above_rate);
  // 116666.7 + 125000 + 2000 us.
  BOOST_TEST(promise.bound->total_us() == 243'666.0 + 2.0 / 3.0, tt::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(reserving_the_peak_rate_is_the_second_case) {
  Example example;
  const auto promises = example.reserve(Style::ff, guaranteed(40'000));
  BOOST_TEST_REQUIRE(promises.size() == 1u);
  BOOST_TEST_REQUIRE(promises.front().bound.has_value());
  BOOST_TEST(!promises.front().bound->peak_above_rate);
  BOOST_TEST(promises.front().bound->total_us() == 64'500.0, tt::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(a_rate_below_r_has_no_bound_and_says_why) {
  Example example;
  const auto promises = example.reserve(Style::wf, guaranteed(9'000));
  BOOST_TEST_REQUIRE(promises.size() == 1u);
  BOOST_TEST(!promises.front().bound.has_value());
  BOOST_TEST(promises.front().no_bound.find("below the Tspec's token rate") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(controlled_load_or_a_filter_naming_another_sender_promises_nothing) {
  Example example;
  gqos::FlowSpec controlled_load = guaranteed(20'000);
  controlled_load.service_type = gqos::service_type::controlled_load;
  BOOST_TEST(example.reserve(Style::wf, controlled_load).empty());

  Example other;
  other.net->reserve(other.d, other.session,
                     {Style::ff, {{guaranteed(20'000), {SenderId{0x0A000001, 7000}}}}, false});
  other.queue.run_until(second);
  BOOST_TEST(guaranteed_promises(other.net->state(other.d), other.d, other.session).empty());
}

BOOST_AUTO_TEST_CASE(a_router_holds_no_request_of_its_own) {
  Example example;
  example.reserve(Style::wf, guaranteed(20'000));
  BOOST_TEST(
      guaranteed_promises(example.net->state(example.r1), example.r1, example.session).empty());
}
