// The emulated RSVP SP through the Provider (continued): what SIO_SET_QOS and WSAConnect refuse in
// a FLOWSPEC (R10, D17, D34) and what a QOS keeps of the direction it leaves NOCHANGE.
#include <boost/test/unit_test.hpp>

#include "emulator_fixture.hpp"

namespace {

gqos::FlowSpec with_service(gqos::FlowSpec flowspec, std::uint32_t service_type) {
  flowspec.service_type = service_type;
  return flowspec;
}

// RSVP_RESERVE_INFO with `style`, NumFlowDesc `count` and FlowDescList `list`.
gqos::ProviderObject reserve_info(std::uint32_t style, std::uint32_t count = 0,
                                  std::uint64_t list = 0) {
  gqos::ProviderObject object = gqos::make_reserve_info(style, false);
  gqos::store_u32(object.body, 16, count);
  gqos::store_u32(object.body, 24, static_cast<std::uint32_t>(list));
  gqos::store_u32(object.body, 28, static_cast<std::uint32_t>(list >> 32));
  return object;
}

gqos::FlowSpec with_minimum_policed_size(gqos::FlowSpec flowspec, std::uint32_t size) {
  flowspec.minimum_policed_size = size;
  return flowspec;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(documented_flowspec_rules)

// SDK:qos/ns-qos-flowspec and W32:servicetype-general-information, one refusal each; a refused
// QOS changes nothing, and the same FLOWSPEC with its fault mended is accepted.
BOOST_AUTO_TEST_CASE(set_qos_refuses_what_the_flowspec_page_forbids) {
  EmulatedSp sp;
  const Socket socket = sp.receiver();
  const gqos::FlowSpec best_effort = gqos::unspecified_flowspec(service::best_effort);
  const gqos::FlowSpec unspecified_rate = controlled_load(gqos::qos_not_specified);
  std::uint32_t bytes = 0;
  const std::vector<std::vector<std::byte>> refused{
      qos_input(best_effort, controlled_load(0)),  // "TokenRate ... cannot be set to zero"
      qos_input(with_minimum_policed_size(controlled_load(8000), 0), best_effort),
      qos_input(best_effort, with_minimum_policed_size(controlled_load(8000), 0)),
      qos_input(best_effort, with_service(controlled_load(8000), service::general_information)),
      qos_input(best_effort, with_service(unspecified_rate, service::guaranteed)),
  };
  for (const std::vector<std::byte>& qos : refused) {
    BOOST_TEST(sp.set_qos(socket, qos, &bytes) == socket_error);
    BOOST_TEST(sp.emulator.last_error() == wsa::einval);
  }
  sp.emulator.indicate(socket, bare(status::senders));
  std::vector<std::byte> out(100);
  BOOST_TEST(sp.query(socket, out, &bytes, nullptr) == 0);
  BOOST_TEST((decoded(out, bytes).receiving == gqos::unspecified_flowspec(service::best_effort)));

  const std::vector<std::vector<std::byte>> accepted{
      qos_input(best_effort, unspecified_rate),  // Controlled Load takes the sender's Tspec
      qos_input(best_effort,
                with_minimum_policed_size(controlled_load(8000), gqos::qos_not_specified)),
      qos_input(with_service(controlled_load(8000), service::general_information), best_effort),
      qos_input(best_effort, with_service(controlled_load(8000), service::guaranteed)),
      // A FLOWSPEC that asks for no service is not read beyond its service type (D34).
      qos_input(gqos::FlowSpec{}, with_service(gqos::FlowSpec{}, service::no_change)),
  };
  for (const std::vector<std::byte>& qos : accepted)
    BOOST_TEST(sp.set_qos(socket, qos, &bytes) == 0);
}

// WSAConnect checks the same, and a scenario may choose another error for every refusal.
BOOST_AUTO_TEST_CASE(connect_refuses_the_same_with_the_chosen_error) {
  EmulatorOptions options;
  options.decisions.invalid_flowspec = status::eflowspec;
  EmulatedSp sp(options);
  const Socket socket = sp.emulator.open(provider::Role::both, provider::Protocol::udp);
  const std::vector<std::byte> general_receiver = qos_input(
      controlled_load(8000), with_service(controlled_load(8000), service::general_information));
  BOOST_TEST(sp.emulator.connect(socket, {"10.0.0.2", 5000}, general_receiver) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == status::eflowspec);
  BOOST_TEST(sp.emulator.connect(socket, {"10.0.0.2", 5000},
                                 qos_input(controlled_load(8000), controlled_load(8000))) == 0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(reserve_info_rules)

// D37: what W32:overriding-default-rsvp-filter-style-settings forbids, and an RSVP_RESERVE_INFO
// that is not whole, each refused with the WSA_QOS_E* code that names it; a refused QOS changes
// nothing.
BOOST_AUTO_TEST_CASE(set_qos_refuses_a_reserve_info_the_sp_cannot_honour) {
  EmulatedSp sp;
  const Socket unconnected = sp.receiver();
  const Socket connected = sp.emulator.open(provider::Role::both, provider::Protocol::udp);
  BOOST_REQUIRE_EQUAL(sp.emulator.connect(connected, {"10.0.0.1", 6000}, {}), 0);
  const Socket tcp = sp.emulator.open(provider::Role::receiver, provider::Protocol::tcp);
  std::uint32_t bytes = 0;
  const auto receive = [](gqos::ProviderObject object) {
    return qos_input(no_change(), controlled_load(8000), {std::move(object)});
  };
  gqos::ProviderObject short_one{gqos::object_type::reserve_info, std::vector<std::byte>(8), {}};
  const struct {
    Socket socket;
    std::vector<std::byte> qos;
    std::uint32_t error;
  } refused[] = {
      {unconnected, receive(short_one), status::eobjlength},  // ObjectLength 16, not 40
      {unconnected, receive(reserve_info(7)), status::efilterstyle},
      {connected, receive(reserve_info(gqos::rsvp_style::shared_explicit)), status::efilterstyle},
      {tcp, receive(reserve_info(gqos::rsvp_style::shared_explicit)), status::efilterstyle},
      {unconnected, receive(reserve_info(gqos::rsvp_style::wildcard, 1)), status::eflowcount},
      {unconnected, receive(reserve_info(gqos::rsvp_style::shared_explicit, 2)),
       status::eflowcount},
      // Two descriptors named, none where FlowDescList points.
      {unconnected, receive(reserve_info(gqos::rsvp_style::fixed_filter, 2)), status::eflowcount},
  };
  for (const auto& each : refused) {
    BOOST_TEST(sp.set_qos(each.socket, each.qos, &bytes) == socket_error);
    BOOST_TEST(sp.emulator.last_error() == each.error);
  }
  // The same QOS on WSAConnect is checked against the socket as the call leaves it: connected.
  const Socket both = sp.emulator.open(provider::Role::both, provider::Protocol::udp);
  BOOST_TEST(sp.emulator.connect(both, {"10.0.0.1", 6000},
                                 receive(reserve_info(gqos::rsvp_style::shared_explicit))) ==
             socket_error);
  BOOST_TEST(sp.emulator.last_error() == status::efilterstyle);

  // Refused, the socket kept no receiving QoS: an indication fills BESTEFFORT.
  sp.emulator.indicate(unconnected, bare(status::senders));
  std::vector<std::byte> out(100);
  BOOST_TEST(sp.query(unconnected, out, &bytes, nullptr) == 0);
  BOOST_TEST((decoded(out, bytes).receiving == gqos::unspecified_flowspec(service::best_effort)));

  // Accepted: WF on a connected or TCP socket (the page lets WF override FF), SE and several FF
  // descriptors on an unconnected socket when FlowDescList points at that many FLOWDESCRIPTORs
  // inside the buffer.
  BOOST_TEST(sp.set_qos(connected, receive(reserve_info(gqos::rsvp_style::wildcard)), &bytes) == 0);
  BOOST_TEST(sp.set_qos(tcp, receive(reserve_info(gqos::rsvp_style::wildcard)), &bytes) == 0);
  BOOST_TEST(sp.set_qos(unconnected, receive(reserve_info(gqos::rsvp_style::shared_explicit)),
                        &bytes) == 0);
  // Two FLOWDESCRIPTORs' bytes in an object of their own, right after the RSVP_RESERVE_INFO,
  // and FlowDescList pointing at them.
  const auto two_ff = [] {
    const gqos::ProviderObject descriptors{gqos::object_type::filterspec_list,
                                           std::vector<std::byte>(2 * sizeof(gqos::FlowDescriptor)),
                                           {}};
    std::vector<std::byte> qos =
        qos_input(no_change(), controlled_load(8000),
                  {reserve_info(gqos::rsvp_style::fixed_filter, 2), descriptors});
    const auto list = reinterpret_cast<std::uint64_t>(qos.data()) + sizeof(gqos::Qos) +
                      sizeof(gqos::RsvpReserveInfo) + sizeof(gqos::ObjectHeader);
    constexpr std::size_t list_at =
        sizeof(gqos::Qos) + offsetof(gqos::RsvpReserveInfo, flow_desc_list);
    gqos::store_u32(qos, list_at, static_cast<std::uint32_t>(list));
    gqos::store_u32(qos, list_at + 4, static_cast<std::uint32_t>(list >> 32));
    return qos;
  };
  BOOST_TEST(sp.set_qos(unconnected, two_ff(), &bytes) == 0);
  // The same on a connected socket names more senders than its one peer.
  BOOST_TEST(sp.set_qos(connected, two_ff(), &bytes) == socket_error);
  BOOST_TEST(sp.emulator.last_error() == status::eflowcount);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(nochange)

// W32:servicetype-notraffic: NOTRAFFIC with NOCHANGE disables one direction "and leave[s] the
// other direction's quality of service signaling unchanged": its ConfirmRequest included.
BOOST_AUTO_TEST_CASE(notraffic_with_nochange_keeps_the_receiving_confirm_request) {
  EmulatedSp sp;
  const Socket socket = sp.emulator.open(provider::Role::both, provider::Protocol::udp);
  BOOST_TEST(sp.emulator.connect(socket, {"10.0.0.2", 5000}, {}) == 0);
  std::uint32_t bytes = 0;
  BOOST_TEST(sp.set_qos(socket,
                        qos_input(controlled_load(8000), controlled_load(8000),
                                  {gqos::make_reserve_info(gqos::rsvp_style::default_style, true)}),
                        &bytes) == 0);
  BOOST_TEST(sp.set_qos(socket,
                        qos_input(gqos::unspecified_flowspec(service::no_traffic), no_change()),
                        &bytes) == 0);
  sp.emulator.indicate(socket, bare(status::request_confirmed));
  BOOST_TEST((sp.recorder.indications.back().outcome == IndicationOutcome::queued));

  // A receiving FLOWSPEC without RSVP_RESERVE_INFO sets the direction anew, unconfirmed.
  BOOST_TEST(sp.set_qos(socket, qos_input(no_change(), controlled_load(8000)), &bytes) == 0);
  sp.emulator.indicate(socket, bare(status::request_confirmed));
  BOOST_TEST((sp.recorder.indications.back().outcome == IndicationOutcome::unconfirmed));
}

BOOST_AUTO_TEST_SUITE_END()
