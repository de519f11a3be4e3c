// The emulator's report of each socket's gqos::SocketQos (provider_stub/socket_qos_state.hpp):
// what each accepted call changes, told once per call, and nothing for a call that failed.
#define BOOST_TEST_MODULE socket_qos_state
#include <array>
#include <boost/test/unit_test.hpp>
#include <vector>

#include "engine/event_queue.hpp"
#include "gqos/codec.hpp"
#include "gqos/constants.hpp"
#include "provider_stub/emulator.hpp"

using namespace qosbed;
using provider::Socket;
using provider_stub::Emulator;
namespace service = gqos::service_type;

namespace {

struct Told {
  Socket socket = 0;
  gqos::SocketQos qos;
};

class Recorder final : public provider_stub::QosObserver {
 public:
  void on_socket_qos(Socket socket, const gqos::SocketQos& qos) override {
    told.push_back({socket, qos});
  }
  gqos::CheckQosAnswer check_qos(Socket, const gqos::SocketQos& qos,
                                 std::uint32_t selector) override {
    // Echoes what it was asked about, so the test sees the emulator passed both through.
    return {0, selector + (qos.local ? qos.local->port : 0u)};
  }
  std::vector<Told> told;
};

struct Fixture {
  Fixture() : emulator(queue) { emulator.set_qos_observer(&recorder); }
  const gqos::SocketQos& last() {
    BOOST_REQUIRE(!recorder.told.empty());
    return recorder.told.back().qos;
  }
  engine::EventQueue queue;
  Emulator emulator;
  Recorder recorder;
};

gqos::FlowSpec controlled_load(std::uint32_t rate) {
  gqos::FlowSpec flowspec = gqos::unspecified_flowspec(service::controlled_load);
  flowspec.token_rate = rate;
  return flowspec;
}

std::vector<std::byte> qos_of(gqos::FlowSpec sending, gqos::FlowSpec receiving,
                              std::vector<gqos::ProviderObject> objects = {}) {
  const gqos::QosContent content{sending, receiving, std::move(objects)};
  std::vector<std::byte> buffer(gqos::required_size(content));
  BOOST_REQUIRE(gqos::encode(content, buffer).has_value());
  gqos::point_dest_addr(buffer);
  return buffer;
}

int set_qos(Emulator& emulator, Socket socket, std::span<const std::byte> qos) {
  std::uint32_t bytes = 0;
  return emulator.ioctl(socket, gqos::ioctl::set_qos, qos, {}, &bytes, nullptr, {});
}

const auto no_change = gqos::unspecified_flowspec(service::no_change);

}  // namespace

BOOST_FIXTURE_TEST_CASE(bind_and_connect_give_the_endpoints, Fixture) {
  const Socket tx = emulator.open(provider::Role::sender, provider::Protocol::udp);
  BOOST_TEST(recorder.told.empty());  // opening changes nothing the SP acts on
  BOOST_REQUIRE_EQUAL(emulator.bind(tx, {"10.0.0.1", 6000}), 0);
  BOOST_TEST(recorder.told.size() == 1u);
  BOOST_TEST(recorder.told[0].socket == tx);
  BOOST_TEST((last().local == gqos::Endpoint{0x0A000001, 6000}));
  BOOST_TEST(!last().peer.has_value());
  BOOST_TEST((last().protocol == gqos::IpProtocol::udp));
  BOOST_TEST((last().role == gqos::SocketRole::sender));

  const auto sending = qos_of(controlled_load(8000), no_change);
  BOOST_REQUIRE_EQUAL(emulator.connect(tx, {"10.0.0.2", 5000}, sending), 0);
  BOOST_TEST(recorder.told.size() == 2u);
  BOOST_TEST((last().peer == gqos::Endpoint{0x0A000002, 5000}));
  BOOST_TEST(last().sending.token_rate == 8000u);
  BOOST_TEST(last().sending.service_type == service::controlled_load);
  BOOST_TEST(last().receiving.service_type == service::best_effort);  // NOCHANGE kept it
  BOOST_TEST(last().qos_calls == 1u);
}

BOOST_FIXTURE_TEST_CASE(connect_binds_an_ephemeral_port_and_no_address_disconnects, Fixture) {
  const Socket a = emulator.open(provider::Role::sender, provider::Protocol::udp);
  const Socket b = emulator.open(provider::Role::sender, provider::Protocol::udp);
  BOOST_REQUIRE_EQUAL(emulator.connect(a, {"10.0.0.2", 5000}, {}), 0);
  BOOST_TEST((last().local == gqos::Endpoint{0, 1025}));  // D32: Windows 2000's first
  BOOST_REQUIRE_EQUAL(emulator.bind(b, {"0.0.0.0", 0}), 0);
  BOOST_TEST((last().local == gqos::Endpoint{0, 1026}));
  BOOST_TEST(last().qos_calls == 0u);  // connect without a QOS passed none

  BOOST_REQUIRE_EQUAL(emulator.connect(a, {"0.0.0.0", 0}, {}), 0);
  BOOST_TEST(recorder.told[recorder.told.size() - 1].socket == a);
  BOOST_TEST(last().disconnected);
  BOOST_TEST(!last().peer.has_value());
  BOOST_REQUIRE_EQUAL(emulator.connect(a, {"10.0.0.3", 5001}, {}), 0);
  BOOST_TEST(!last().disconnected);
  BOOST_TEST((last().peer == gqos::Endpoint{0x0A000003, 5001}));

  // TCP cannot connect to no address (WSAEADDRNOTAVAIL), and says nothing of it.
  const Socket tcp = emulator.open(provider::Role::sender, provider::Protocol::tcp);
  const std::size_t before = recorder.told.size();
  BOOST_TEST(emulator.connect(tcp, {"0.0.0.0", 0}, {}) == provider::socket_error);
  BOOST_TEST(emulator.last_error() == gqos::wsa::eaddrnotavail);
  BOOST_TEST(recorder.told.size() == before);
}

BOOST_FIXTURE_TEST_CASE(set_qos_resolves_nochange_and_reads_its_objects, Fixture) {
  const Socket s = emulator.open(provider::Role::both, provider::Protocol::udp);
  BOOST_REQUIRE_EQUAL(emulator.bind(s, {"10.0.0.2", 5000}), 0);
  const auto first = qos_of(no_change, controlled_load(4000),
                            {gqos::make_reserve_info(gqos::rsvp_style::shared_explicit, true)});
  BOOST_REQUIRE_EQUAL(set_qos(emulator, s, first), 0);
  BOOST_TEST(last().receiving.token_rate == 4000u);
  BOOST_TEST(last().sending.service_type == service::best_effort);
  BOOST_REQUIRE(last().reserve.has_value());
  BOOST_TEST(last().reserve->style == gqos::rsvp_style::shared_explicit);
  BOOST_TEST(last().reserve->confirm_request);

  // QOS_DESTADDR: each destination a session. A QOS that leaves the receiving direction NOCHANGE
  // without RSVP_RESERVE_INFO keeps it (W32:servicetype-notraffic), and asks no confirmation anew.
  const auto to_c =
      qos_of(controlled_load(9000), no_change, {gqos::make_dest_addr(0x0A000003, 7000)});
  BOOST_REQUIRE_EQUAL(set_qos(emulator, s, to_c), 0);
  const auto to_d = qos_of(no_change, no_change, {gqos::make_dest_addr(0x0A000004, 7001)});
  BOOST_REQUIRE_EQUAL(set_qos(emulator, s, to_d), 0);
  BOOST_TEST(last().receiving.token_rate == 4000u);
  BOOST_TEST(last().sending.token_rate == 9000u);
  BOOST_REQUIRE(last().reserve.has_value());
  BOOST_TEST(last().reserve->confirm_request);
  BOOST_TEST(last().receiving_calls == 1u);
  BOOST_TEST(last().destinations.size() == 2u);
  BOOST_TEST((last().destinations[1] == gqos::Endpoint{0x0A000004, 7001}));
  BOOST_TEST(last().qos_calls == 3u);

  // Sending BESTEFFORT ends sending QoS, and forgets where it went.
  const auto stop = qos_of(gqos::unspecified_flowspec(service::best_effort), no_change);
  BOOST_REQUIRE_EQUAL(set_qos(emulator, s, stop), 0);
  BOOST_TEST(last().destinations.empty());
  BOOST_TEST(last().reserve.has_value());

  // A receiving FLOWSPEC without RSVP_RESERVE_INFO sets that direction anew: no style, no
  // confirmation.
  BOOST_REQUIRE_EQUAL(set_qos(emulator, s, qos_of(no_change, controlled_load(5000))), 0);
  BOOST_TEST(!last().reserve.has_value());
  BOOST_TEST(last().receiving_calls == 2u);

  // A QOS the emulator refuses changes nothing, and nobody hears of it.
  const std::size_t before = recorder.told.size();
  BOOST_TEST(set_qos(emulator, s, qos_of(controlled_load(0), no_change)) == provider::socket_error);
  BOOST_TEST(recorder.told.size() == before);
}

BOOST_FIXTURE_TEST_CASE(join_leaf_joins_a_group_in_the_directions_its_flags_name, Fixture) {
  // W32:using-wsajoinleaf-to-join-multicast-rsvp-sessions: JL_RECEIVER_ONLY, JL_SENDER_ONLY and
  // JL_BOTH say "the direction in which QOS service is requested".
  const Socket rx = emulator.open(provider::Role::receiver, provider::Protocol::udp);
  BOOST_REQUIRE_EQUAL(emulator.bind(rx, {"0.0.0.0", 5000}), 0);
  const auto receive = qos_of(no_change, controlled_load(8000));
  BOOST_REQUIRE_EQUAL(
      emulator.join_leaf(rx, {"224.1.1.1", 5000}, receive, provider::JoinFlags::receiver_only), 0);
  BOOST_REQUIRE(last().groups.size() == 1u);
  BOOST_TEST((last().groups[0].group == gqos::Endpoint{0xE0010101, 5000}));
  BOOST_TEST(last().groups[0].receiving);
  BOOST_TEST(!last().groups[0].sending);
  BOOST_TEST(last().receiving.token_rate == 8000u);  // lpSQOS applies as WSAConnect's does
  BOOST_TEST(last().qos_calls == 1u);
  BOOST_TEST(!last().peer.has_value());  // a group is no peer: the socket stays unconnected

  // Joining the same group again changes its directions, without a second membership; another
  // group is one more. An unbound socket is bound implicitly, as by WSAConnect (D32).
  BOOST_REQUIRE_EQUAL(emulator.join_leaf(rx, {"224.1.1.1", 5000}, {}, provider::JoinFlags::both),
                      0);
  BOOST_REQUIRE(last().groups.size() == 1u);
  BOOST_TEST((last().groups[0].sending && last().groups[0].receiving));
  BOOST_TEST(last().qos_calls == 1u);  // no lpSQOS: no QoS call
  const Socket tx = emulator.open(provider::Role::sender, provider::Protocol::udp);
  BOOST_REQUIRE_EQUAL(
      emulator.join_leaf(tx, {"224.1.1.2", 5002}, {}, provider::JoinFlags::sender_only), 0);
  BOOST_TEST(recorder.told.back().socket == tx);
  BOOST_TEST((last().local == gqos::Endpoint{0, 1025}));
  BOOST_TEST((last().groups[0].sending && !last().groups[0].receiving));

  // D36: no multipoint TCP, no group that is not class D, and nothing told of a refused join.
  const std::size_t before = recorder.told.size();
  const Socket tcp = emulator.open(provider::Role::receiver, provider::Protocol::tcp);
  BOOST_TEST(emulator.join_leaf(tcp, {"224.1.1.1", 5000}, {}, provider::JoinFlags::both) ==
             provider::socket_error);
  BOOST_TEST(emulator.last_error() == gqos::wsa::eopnotsupp);
  BOOST_TEST(emulator.join_leaf(tx, {"10.0.0.2", 5000}, {}, provider::JoinFlags::both) ==
             provider::socket_error);
  BOOST_TEST(emulator.last_error() == gqos::wsa::eaddrnotavail);
  BOOST_TEST(emulator.join_leaf(tx, {"224.1.1.2", 5002}, qos_of(controlled_load(0), no_change),
                                provider::JoinFlags::sender_only) == provider::socket_error);
  BOOST_TEST(emulator.last_error() == gqos::wsa::einval);  // D34, as for WSAConnect
  BOOST_TEST(recorder.told.size() == before);
}

BOOST_FIXTURE_TEST_CASE(shutdown_and_close_end_each_direction, Fixture) {
  const Socket s = emulator.open(provider::Role::both, provider::Protocol::udp);
  BOOST_REQUIRE_EQUAL(emulator.bind(s, {"10.0.0.2", 5000}), 0);
  BOOST_REQUIRE_EQUAL(emulator.shutdown(s, provider::Shutdown::send), 0);
  BOOST_TEST(last().send_shut);
  BOOST_TEST(!last().receive_shut);
  BOOST_REQUIRE_EQUAL(emulator.shutdown(s, provider::Shutdown::receive), 0);
  BOOST_TEST(last().receive_shut);
  BOOST_REQUIRE_EQUAL(emulator.close(s), 0);
  BOOST_TEST(last().closed);
  BOOST_TEST(recorder.told.size() == 4u);
  // Gone: a later call on the handle is WSAENOTSOCK and tells nothing.
  BOOST_TEST(emulator.shutdown(s, provider::Shutdown::both) == provider::socket_error);
  BOOST_TEST(emulator.last_error() == gqos::wsa::enotsock);
  BOOST_TEST(recorder.told.size() == 4u);

  // TCP shuts down only a connection.
  const Socket tcp = emulator.open(provider::Role::sender, provider::Protocol::tcp);
  BOOST_TEST(emulator.shutdown(tcp, provider::Shutdown::both) == provider::socket_error);
  BOOST_TEST(emulator.last_error() == gqos::wsa::enotconn);
}

BOOST_FIXTURE_TEST_CASE(check_qos_is_answered_by_the_observer, Fixture) {
  const Socket s = emulator.open(provider::Role::receiver, provider::Protocol::udp);
  BOOST_REQUIRE_EQUAL(emulator.bind(s, {"10.0.0.2", 5000}), 0);
  std::array<std::byte, 4> in{};
  std::array<std::byte, 4> out{};
  std::uint32_t bytes = 0;
  gqos::store_u32(in, 0, gqos::chk_qos::line_rate);
  BOOST_TEST(emulator.ioctl(s, gqos::ioctl::chk_qos, in, out, &bytes, nullptr, {}) == 0);
  BOOST_TEST(gqos::load_u32(out, 0) == gqos::chk_qos::line_rate + 5000);
  BOOST_TEST(bytes == 4u);
  // Answered at once only: an overlapped SIO_CHK_QOS is refused (D31).
  provider::Overlapped overlapped;
  BOOST_TEST(emulator.ioctl(s, gqos::ioctl::chk_qos, in, out, &bytes, &overlapped, {}) ==
             provider::socket_error);
  BOOST_TEST(emulator.last_error() == gqos::wsa::einval);
}
