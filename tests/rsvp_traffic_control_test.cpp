// Traffic control on its own: what each session has installed on an interface, admission against
// the interface's reservable bandwidth, and sessions that reserve alike keeping their own lists.
#define BOOST_TEST_MODULE rsvp_traffic_control
#include <boost/test/unit_test.hpp>
#include <vector>

#include "rsvp/traffic_control.hpp"
#include "rsvp_fixture.hpp"

using namespace rsvp_test;

namespace {

gqos::FlowSpec rate(std::uint32_t token_rate) {
  gqos::FlowSpec flowspec = gqos::unspecified_flowspec(gqos::service_type::controlled_load);
  flowspec.token_rate = token_rate;
  return flowspec;
}

struct TwoNodes {
  Topology topology;
  NodeId a = topology.add_host("a", 0x0A000001);
  NodeId r = topology.add_router("r", 0x0A0000FE);
  LinkId ar = [this] {
    LinkSpec spec = link(1'000'000, ms);
    spec.reservable = 3'000;
    return topology.add_link(a, r, spec);
  }();
  Interface out{ar, a};
  TrafficControl tc{topology};

  void install(const Session& session, std::vector<Reservation> list) {
    TrafficControl::Wanted wanted{{out, std::move(list)}};
    tc.install(a, session, wanted);
  }
};

const Session one{0x0A0000FE, 5000, 17};
const Session two{0x0A0000FE, 5001, 17};
const SenderId sender{0x0A000001, 6000};

}  // namespace

BOOST_AUTO_TEST_CASE(sessions_that_reserve_alike_keep_their_own_reservations) {
  TwoNodes n;
  n.install(one, {Reservation{one, Style::ff, {sender}, rate(1'000)}});
  n.install(two, {Reservation{two, Style::ff, {sender}, rate(1'000)}});
  const std::vector<Reservation> expected{Reservation{one, Style::ff, {sender}, rate(1'000)},
                                          Reservation{two, Style::ff, {sender}, rate(1'000)}};
  BOOST_TEST((n.tc.reservations(n.out) == expected));
  BOOST_TEST((n.tc.installed(n.out, two) == std::vector<Reservation>{expected[1]}));
  BOOST_TEST(n.tc.reserved(n.out) == 2'000u);

  // One session's change leaves the other's list as it was.
  n.install(one, {Reservation{one, Style::ff, {sender}, rate(500)}});
  BOOST_TEST((n.tc.installed(n.out, two) == std::vector<Reservation>{expected[1]}));
  BOOST_TEST(n.tc.installed(n.out, one).front().flowspec.token_rate == 500u);
  BOOST_TEST(n.tc.reserved(n.out) == 1'500u);

  // A session whose interface is no longer wanted loses its reservations there.
  TrafficControl::Wanted nothing;
  n.tc.install(n.a, two, nothing);
  BOOST_TEST(n.tc.installed(n.out, two).empty());
  BOOST_TEST(n.tc.reserved(n.out) == 500u);
}

BOOST_AUTO_TEST_CASE(admission_counts_what_the_session_already_holds) {
  TwoNodes n;
  n.install(one, {Reservation{one, Style::wf, {}, rate(2'000)}});
  // 2,000 of 3,000 are taken: another session may not add 1,500, the first may grow to 3,000.
  BOOST_TEST(!n.tc.admits(two, n.out, {Reservation{two, Style::wf, {}, rate(1'500)}}));
  BOOST_TEST(n.tc.admits(two, n.out, {Reservation{two, Style::wf, {}, rate(1'000)}}));
  BOOST_TEST(n.tc.admits(one, n.out, {Reservation{one, Style::wf, {}, rate(3'000)}}));
  BOOST_TEST(!n.tc.admits(one, n.out, {Reservation{one, Style::wf, {}, rate(3'001)}}));
}
