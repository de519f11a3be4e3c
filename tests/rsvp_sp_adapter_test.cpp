// The emulated RSVP SP's side of the model: each host state change becomes the FD_QOS indication
// docs/behaviour.md gives it, with its FLOWSPEC in the D10 direction, and the emulator takes it;
// what a sender finds reserved for it, and the fingerprint that tells a change from a repeat.
#define BOOST_TEST_MODULE rsvp_sp_adapter
#include <boost/test/unit_test.hpp>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "provider_stub/emulator.hpp"
#include "rsvp/adspec.hpp"
#include "rsvp/sp_adapter.hpp"
#include "rsvp_fixture.hpp"
#include "rsvp_indication_adapter.hpp"

using namespace rsvp_test;
namespace status = gqos::status;

namespace {

struct Seen {
  std::string host;
  TimeUs at_us;
  gqos::Indication indication;
};

// s - r1 - r2 - d, 1 ms and 1,000,000 bytes/s a link except r1 - r2: 500,000, 40,000 reservable.
struct Net {
  engine::EventQueue queue;
  Topology t;
  NodeId s, r1, r2, d;
  std::vector<Seen> seen;
  std::unique_ptr<Network> net;
  std::unique_ptr<IndicationAdapter> at_s, at_d;
  Session session = session_to(0x0A000002);

  Net() {
    s = t.add_host("s", 0x0A000001);
    r1 = t.add_router("r1", 0x0A0000F1);
    r2 = t.add_router("r2", 0x0A0000F2);
    d = t.add_host("d", 0x0A000002);
    t.add_link(s, r1, link(1'000'000, 1 * ms));
    LinkSpec narrow = link(500'000, 1 * ms);
    narrow.reservable = 40'000;
    t.add_link(r1, r2, narrow);
    t.add_link(r2, d, link(1'000'000, 1 * ms));
    net = std::make_unique<Network>(queue, t);
    at_s = std::make_unique<IndicationAdapter>(sink("s"));
    at_d = std::make_unique<IndicationAdapter>(sink("d"));
    net->set_host_observer(s, at_s.get());
    net->set_host_observer(d, at_d.get());
  }
  IndicationAdapter::Sink sink(std::string host) {
    return [this, host](const Session&, gqos::Indication indication) {
      seen.push_back(Seen{host, queue.now_us(), std::move(indication)});
    };
  }
};

ReservationRequest wf(std::uint32_t rate, bool confirm) {
  return ReservationRequest{Style::wf, {FlowDescriptor{flowspec(rate), {}}}, confirm};
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_reservation_with_confirmation_gives_senders_receivers_and_confirmed) {
  Net n;
  n.net->start_sender(n.s, n.session, 6000, flowspec(30'000));
  n.net->reserve(n.d, n.session, wf(25'000, true));
  n.queue.run_until(1 * s);
  BOOST_TEST_REQUIRE(n.seen.size() == 3u);

  const auto& senders = n.seen[0];
  BOOST_TEST(senders.host == "d");
  BOOST_TEST(senders.at_us == 3 * ms);
  BOOST_TEST(senders.indication.status == status::senders);
  BOOST_TEST(!senders.indication.sending);
  BOOST_TEST_REQUIRE(senders.indication.receiving.has_value());
  BOOST_TEST((*senders.indication.receiving == flowspec(30'000)));  // the sender's Tspec
  BOOST_TEST_REQUIRE(senders.indication.objects.size() == 1u);
  // The ADSPEC says what the path offers: 3 hops, its narrowest link, the sum of delays, the
  // links' default MTU; Guaranteed and Controlled Load fragments, with no C or D on these links.
  gqos::Adspec expected = adspec_object(PathAdspec{});
  expected.general_params = gqos::AdGeneralParams{3, 500'000, 3'000, default_mtu, 0};
  BOOST_TEST((senders.indication.objects[0] == gqos::make_adspec(expected)));

  const auto& receivers = n.seen[1];
  BOOST_TEST(receivers.host == "s");
  BOOST_TEST(receivers.at_us == 6 * ms);
  BOOST_TEST(receivers.indication.status == status::receivers);
  BOOST_TEST(!receivers.indication.receiving);
  BOOST_TEST(receivers.indication.sending->token_rate == 25'000u);

  const auto& confirmed = n.seen[2];
  BOOST_TEST(confirmed.host == "d");
  BOOST_TEST(confirmed.at_us == 9 * ms);
  BOOST_TEST(confirmed.indication.status == status::request_confirmed);
  BOOST_TEST(confirmed.indication.receiving->token_rate == 25'000u);
}

BOOST_AUTO_TEST_CASE(admission_failure_names_net_admission_and_bandwidth) {
  Net n;
  n.net->start_sender(n.s, n.session, 6000, flowspec(60'000));
  n.net->reserve(n.d, n.session, wf(50'000, true));
  n.queue.run_until(10 * ms);
  BOOST_TEST_REQUIRE(n.seen.size() == 2u);
  const auto& failure = n.seen[1];
  BOOST_TEST(failure.host == "d");
  BOOST_TEST(failure.at_us == 7 * ms);  // fails at r1 (5 ms), two links back
  BOOST_TEST(failure.indication.status == status::admission_failure);
  BOOST_TEST(failure.indication.extended_status1 == gqos::extended_status::net_admission);
  BOOST_TEST(failure.indication.extended_status2 == 56103u);  // GQOS_BANDWIDTH
  BOOST_TEST(failure.indication.receiving->token_rate == 50'000u);
  BOOST_TEST(!failure.indication.sending);
}

BOOST_AUTO_TEST_CASE(teardown_gives_no_senders_and_no_receivers_with_no_traffic) {
  Net n;
  n.net->start_sender(n.s, n.session, 6000, flowspec(30'000));
  n.net->reserve(n.d, n.session, wf(25'000, false));
  n.queue.run_until(1 * s);
  n.net->release(n.d, n.session);
  n.queue.run_until(2 * s);
  n.net->stop_sender(n.s, n.session, 6000);
  n.queue.run_until(3 * s);
  BOOST_TEST_REQUIRE(n.seen.size() == 4u);
  BOOST_TEST(n.seen[2].host == "s");
  BOOST_TEST(n.seen[2].at_us == 1 * s + 3 * ms);  // the ResvTear reached s
  BOOST_TEST(n.seen[2].indication.status == status::no_receivers);
  BOOST_TEST(n.seen[2].indication.sending->service_type == gqos::service_type::no_traffic);
  BOOST_TEST(n.seen[3].host == "d");
  BOOST_TEST(n.seen[3].at_us == 2 * s + 3 * ms);
  BOOST_TEST(n.seen[3].indication.status == status::no_senders);
  BOOST_TEST(n.seen[3].indication.receiving->service_type == gqos::service_type::no_traffic);
  BOOST_TEST(n.seen[3].indication.receiving->token_rate == gqos::qos_not_specified);
}

// The sender's own PathTear ends its session: no WSA_QOS_NO_RECEIVERS follows it.
BOOST_AUTO_TEST_CASE(a_sender_that_released_its_session_gets_no_no_receivers) {
  Net n;
  n.net->start_sender(n.s, n.session, 6000, flowspec(30'000));
  n.net->reserve(n.d, n.session, wf(25'000, false));
  n.queue.run_until(1 * s);
  n.net->stop_sender(n.s, n.session, 6000);
  n.queue.run_until(2 * s);
  BOOST_TEST_REQUIRE(n.seen.size() == 3u);
  BOOST_TEST(n.seen[2].host == "d");
  BOOST_TEST(n.seen[2].indication.status == status::no_senders);
  for (const auto& seen : n.seen) BOOST_TEST(seen.indication.status != status::no_receivers);
}

BOOST_AUTO_TEST_CASE(policy_and_style_errors_map_to_their_statuses) {
  ResvErr err{session_to(1), ErrorSpec{ErrorCode::policy_failure, 0},
              FlowDescriptor{flowspec(1'000), {}}};
  auto policy = error_indication(err);
  BOOST_TEST(policy.status == status::policy_failure);
  BOOST_TEST(policy.extended_status1 == gqos::extended_status::net_policy);
  BOOST_TEST(policy.receiving->token_rate == 1'000u);
  err.error.code = ErrorCode::conflicting_style;
  auto style = error_indication(err);
  BOOST_TEST(style.status == status::bad_style);
  BOOST_TEST(style.extended_status1 == gqos::extended_status::rsvp);
  BOOST_TEST(style.receiving.has_value());
}

BOOST_AUTO_TEST_CASE(the_emulator_delivers_what_the_network_indicates) {
  Net n;
  provider_stub::Emulator emulator(n.queue);
  const auto socket = emulator.open(provider::Role::receiver, provider::Protocol::udp);
  BOOST_TEST_REQUIRE(emulator.bind(socket, provider::Address{"10.0.0.2", 5000}) == 0);
  IndicationAdapter to_socket([&](const Session&, gqos::Indication indication) {
    emulator.indicate(socket, std::move(indication));
  });
  n.net->set_host_observer(n.d, &to_socket);
  n.net->start_sender(n.s, n.session, 6000, flowspec(30'000));
  n.queue.run_until(1 * s);
  BOOST_TEST(emulator.queued_indications(socket) == 1u);  // WSA_QOS_SENDERS, awaiting a query
}

BOOST_AUTO_TEST_CASE(a_sender_finds_what_is_reserved_for_it) {
  const SenderId a{0x0A000001, 6000}, b{0x0A000003, 6000}, c{0x0A000005, 6000};
  const std::vector<FlowDescriptor> fixed{{flowspec(20'000), {a}}, {flowspec(10'000), {b}}};
  BOOST_TEST(reserved_for(fixed, a)->token_rate == 20'000u);
  BOOST_TEST(reserved_for(fixed, b)->token_rate == 10'000u);
  BOOST_TEST(!reserved_for(fixed, c));
  const std::vector<FlowDescriptor> shared{{flowspec(30'000), {a, b}}};
  BOOST_TEST(reserved_for(shared, b)->token_rate == 30'000u);
  const std::vector<FlowDescriptor> wildcard{{flowspec(40'000), {}}};
  BOOST_TEST(reserved_for(wildcard, c)->token_rate == 40'000u);
}

BOOST_AUTO_TEST_CASE(indications_that_differ_have_different_fingerprints) {
  PathState path;
  path.tspec = flowspec(30'000);
  const gqos::Indication senders = senders_indication(path);
  BOOST_TEST(fingerprint(senders) == fingerprint(senders_indication(path)));
  gqos::Indication other = senders;
  other.status = status::receivers;
  BOOST_TEST(fingerprint(other) != fingerprint(senders));
  other = senders;
  other.receiving->token_bucket_size = 2049;
  BOOST_TEST(fingerprint(other) != fingerprint(senders));
  other = senders;
  other.extended_status2 = 1;
  BOOST_TEST(fingerprint(other) != fingerprint(senders));
  other = senders;
  other.objects[0].body[9] = std::byte{1};  // a byte of the RSVP_ADSPEC
  BOOST_TEST(fingerprint(other) != fingerprint(senders));
  other = senders;
  other.sending = other.receiving;  // the same FLOWSPEC in the other direction
  other.receiving.reset();
  BOOST_TEST(fingerprint(other) != fingerprint(senders));
}
