// The loader on what a scenario says of its SP and its calls: `decisions:`, `expect: call` on
// what a query returned, a given FLOWSPEC's service type, and the language's names for
// profiles, pending policies and calls.
#define BOOST_TEST_MODULE scenario_loader_options
#include <algorithm>
#include <boost/test/unit_test.hpp>

#include "gqos/constants.hpp"
#include "scenario/language.hpp"
#include "scenario/loader.hpp"
#include "scenario_loader_support.hpp"

using namespace qosbed;
using namespace qosbed::scenario;
using namespace loader_test;

BOOST_AUTO_TEST_CASE(decisions_are_read_as_written) {
  const Scenario scenario = load_ok(
      "scenario: t\n"
      "decisions:\n"
      "  sender_not_connected: WSAEINVAL\n"
      "  receiver_not_bound: WSAENOTCONN\n"
      "  short_buffer: WSAENOBUFS\n"
      "  enobufs_keeps_indication: false\n"
      "  nothing_queued: 10022\n"
      "  unused_flowspec_fields: 0\n"
      "sockets:\n"
      "  rx: {role: receiver}\n"
      "steps:\n"
      "  - {app: bind, socket: rx}\n");
  const Decisions& decisions = scenario.sp.decisions;
  BOOST_TEST((decisions.sender_not_connected == gqos::wsa::einval));
  BOOST_TEST((decisions.receiver_not_bound == gqos::wsa::enotconn));
  BOOST_TEST((decisions.short_buffer == gqos::wsa::enobufs));
  BOOST_TEST((decisions.enobufs_keeps_indication == false));
  BOOST_TEST((decisions.nothing_queued == gqos::wsa::einval));
  BOOST_TEST((decisions.unused_flowspec_fields == 0u));
  // A decision not written is none: the emulator's own stays (runner::emulator_options).
  const Scenario plain = load_ok(one_socket + "  - {app: bind, socket: rx}\n");
  BOOST_TEST(!plain.sp.decisions.short_buffer.has_value());
  BOOST_TEST(!plain.sp.decisions.enobufs_keeps_indication.has_value());
  BOOST_TEST(!plain.sp.decisions.unused_flowspec_fields.has_value());
}

BOOST_AUTO_TEST_CASE(decisions_name_their_problems) {
  const auto errors = errors_of(
      "scenario: t\n"
      "decisions:\n"
      "  short_bufer: WSAEFAULT\n"
      "  nothing_queued: WSAEWOULDBLOK\n"
      "sockets:\n"
      "  rx: {role: receiver}\n"
      "steps:\n"
      "  - {app: bind, socket: rx}\n");
  BOOST_TEST(errors == (std::vector<std::string>{
                           "test.yaml:3:3: error: unknown key 'short_bufer' (did you mean "
                           "'short_buffer'?)",
                           "test.yaml:4:19: error: unknown error 'WSAEWOULDBLOK' (did you mean "
                           "'WSAEWOULDBLOCK'?)"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(call_expectations_read_what_a_query_returned) {
  const Scenario scenario =
      load_ok(one_socket +
              "  - {app: get_qos, socket: rx, mode: sync}\n"
              "  - expect: call\n"
              "    result: 0\n"
              "    bytes: 100\n"
              "    status: WSA_QOS_SENDERS\n"
              "    extended_status: [GQOS_NET_ADMISSION, 56103]\n"
              "    receiving: {service_type: guaranteed}\n"
              "  - {expect: update, socket: rx, error: WSA_QOS_EPROVSPECBUF}\n");
  const auto& call = expect<ExpectCall>(scenario.steps[1]);
  BOOST_TEST(call.status->value == gqos::status::senders);
  BOOST_TEST(call.extended_status1->value == gqos::extended_status::net_admission);
  BOOST_TEST(call.extended_status2->value == 56103u);
  BOOST_TEST(*call.receiving->service_type == gqos::service_type::guaranteed);
  check_mark(call.status->mark, 9, 13);
  BOOST_TEST(expect<ExpectUpdate>(scenario.steps[2]).error->value == gqos::status::eprovspecbuf);
}

// A FLOWSPEC handed to the provider or the application names its service: the set_qos QOS and
// a network's Tspec and reservation too; an expectation still compares only what it names.
BOOST_AUTO_TEST_CASE(a_given_flowspec_needs_its_service_type) {
  const std::string needs =
      " needs 'service_type': a FLOWSPEC that is passed or delivered says "
      "which service it is (controlled_load, guaranteed, best_effort, "
      "no_change, ...)";
  BOOST_TEST(
      errors_of(one_socket + "  - {app: set_qos, socket: rx, qos: {receiving: {token_rate: 1}}}\n"
                             "  - {expect: completion, socket: rx, sending: {token_rate: 1}}\n") ==
          (std::vector<std::string>{"test.yaml:5:49: error: 'receiving'" + needs}),
      boost::test_tools::per_element());
  BOOST_TEST(
      errors_of("scenario: t\nsockets:\n  rx: {role: receiver}\nnetwork:\n"
                "  nodes: {s: {host: 10.0.0.1}, d: {host: 10.0.0.2}}\n"
                "  links: [{between: [s, d], bandwidth: 100000}]\n"
                "  sessions: {v: {destination: 10.0.0.2:5000}}\n"
                "  senders: {c: {host: s, session: v, port: 1, tspec: {token_rate: 8}}}\n"
                "  receivers: {r: {host: d, session: v, flowspec: {token_rate: 8}, socket: rx}}\n"
                "steps:\n  - {app: bind, socket: rx}\n") ==
          (std::vector<std::string>{"test.yaml:8:54: error: 'tspec'" + needs,
                                    "test.yaml:9:50: error: 'flowspec'" + needs}),
      boost::test_tools::per_element());
}

// The loader picks a profile, pending policy or failing call by the index of its word among the
// language's (scenario/language.hpp): those words are the names the scenario's SP options and the
// provider give the values in that order, so a file names each as every other part of qosbed does.
BOOST_AUTO_TEST_CASE(the_language_names_profiles_policies_and_calls_as_their_owners_do) {
  const std::vector<std::string_view> profiles = {
      name_of(Profile::windows_2000), name_of(Profile::windows_xp), name_of(Profile::windows_2003),
      name_of(Profile::no_qos_provider)};
  BOOST_TEST(std::ranges::equal(language::profiles(), profiles));
  const std::vector<std::string_view> policies = {name_of(PendingPolicy::queue),
                                                  name_of(PendingPolicy::coalesce),
                                                  name_of(PendingPolicy::drop)};
  BOOST_TEST(std::ranges::equal(language::pending_policies(), policies));
  const std::vector<std::string_view> calls = {
      provider::name_of(provider::Call::bind), provider::name_of(provider::Call::connect),
      provider::name_of(provider::Call::set_qos), provider::name_of(provider::Call::get_qos),
      provider::name_of(provider::Call::close)};
  BOOST_TEST(std::ranges::equal(language::failing_calls(), calls));
  // Each word reads back as its value.
  const LoadResult loaded = load_text(
      "scenario: t\nprofile: windows-2003\npending: drop\nsockets:\n"
      "  rx: {role: receiver}\nsteps:\n  - {sp: fail, socket: rx, call: set_qos, "
      "error: WSAEINVAL}\n",
      "t.yaml");
  BOOST_TEST_REQUIRE(loaded.diagnostics.empty());
  BOOST_TEST((loaded.scenario->sp.profile == Profile::windows_2003));
  BOOST_TEST((loaded.scenario->sp.pending == PendingPolicy::drop));
  const auto& fail = std::get<SpFail>(std::get<SpAction>(loaded.scenario->steps[0].action));
  BOOST_TEST((fail.call == provider::Call::set_qos));
}
