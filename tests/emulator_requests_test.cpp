// The emulated RSVP SP through the Provider (continued): what SIO_SET_QOS and WSAConnect refuse in
// a FLOWSPEC (R10, D17, D34) and what a QOS keeps of the direction it leaves NOCHANGE.
#include <boost/test/unit_test.hpp>

#include "emulator_fixture.hpp"

namespace {

gqos::FlowSpec with_service(gqos::FlowSpec flowspec, std::uint32_t service_type) {
  flowspec.service_type = service_type;
  return flowspec;
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
