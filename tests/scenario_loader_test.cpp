#define BOOST_TEST_MODULE scenario_loader
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "gqos/codec.hpp"
#include "gqos/constants.hpp"
#include "scenario/language.hpp"
#include "scenario/loader.hpp"
#include "scenario/suggest.hpp"
#include "scenario_loader_support.hpp"

using namespace qosbed;
using namespace qosbed::scenario;
using namespace loader_test;

namespace {

// The example of docs (scenario-format.md), verbatim: it must keep loading exactly.
constexpr std::string_view format_example =
    R"(scenario: receiver-reissues-after-enobufs         # required, a slug
description: >                                   # optional, shown by explain and reports
  A receiver asks with a 16-byte buffer, learns the required size, asks again.
profile: windows-2000                            # optional; see docs/behaviour.md, Profiles
sockets:
  rx:                                            # socket id, used by steps
    role: receiver                               # sender | receiver | both
    protocol: udp                                # udp | tcp
    local: 10.0.0.2:5000                         # optional
    remote: 10.0.0.1:6000                        # optional
    qos:                                         # optional; what the application requests
      receiving: { service_type: controlled_load, token_rate: 8000 }
steps:
  - app: bind
    socket: rx
  - app: get_qos                                 # WSAIoctl(SIO_GET_QOS)
    socket: rx
    mode: overlapped                             # overlapped (default) | sync
    notify: routine                              # routine (default) | event
    buffer: 16                                   # bytes; or `required` (size learnt last) or omitted (enough)
  - at: 10ms                                     # absolute virtual time; `after: 5ms` is relative
    sp: fd_qos                                   # one FD_QOS indication from the provider
    socket: rx
    status: WSA_QOS_SENDERS
    receiving: { service_type: controlled_load, token_rate: 8000, token_bucket_size: 2048 }
    extended_status: [0, 0]                      # optional, ExtendedStatus1/2
  - app: wait                                    # SleepEx / WSAWaitForMultipleEvents
    alertable: true
    timeout: 100ms
  - expect: completion
    socket: rx
    error: WSAENOBUFS
    bytes: 4
    required: 100
  - app: get_qos
    socket: rx
    buffer: required
  - app: wait
    alertable: true
  - expect: completion
    socket: rx
    error: 0
    status: WSA_QOS_SENDERS
    sending: { service_type: NOCHANGE }
    receiving: { service_type: controlled_load, token_rate: 8000 }
)";

const std::string expect_prefix = "# expect-error: ";

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_invalid_scenario_gives_exactly_the_errors_it_states) {
  const std::filesystem::path folder = std::filesystem::path(QOSBED_SCENARIOS_DIR) / "invalid";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  BOOST_TEST(files.size() >= 15u);
  for (const auto& path : files) {
    const std::string name = "invalid/" + path.filename().string();
    BOOST_TEST_CONTEXT(name) {
      const std::string text = read(path);
      std::vector<std::string> expected;
      std::istringstream lines(text);
      for (std::string line; std::getline(lines, line);) {
        if (line.starts_with(expect_prefix)) expected.push_back(line.substr(expect_prefix.size()));
      }
      BOOST_TEST(!expected.empty());
      const LoadResult result = load_text(text, name);
      BOOST_TEST(!result.scenario.has_value());
      BOOST_TEST(formatted(result) == expected, boost::test_tools::per_element());
    }
  }
}

BOOST_AUTO_TEST_CASE(the_format_example_loads_into_exactly_the_expected_data) {
  const Scenario scenario = load_ok(format_example);
  BOOST_TEST(scenario.file == "test.yaml");
  BOOST_TEST(scenario.name == "receiver-reissues-after-enobufs");
  BOOST_TEST(scenario.description ==
             "A receiver asks with a 16-byte buffer, learns the required size, asks again.\n");
  BOOST_TEST((scenario.sp.profile == Profile::windows_2000));
  BOOST_TEST((scenario.sp.pending == PendingPolicy::queue));
  BOOST_TEST(!scenario.sp.admission_limit.has_value());

  BOOST_REQUIRE(scenario.sockets.size() == 1u);
  const SocketSpec& rx = scenario.sockets[0];
  BOOST_TEST(rx.id == "rx");
  check_mark(rx.mark, 6, 3);
  BOOST_TEST((rx.role == provider::Role::receiver));
  BOOST_TEST((rx.protocol == provider::Protocol::udp));
  BOOST_TEST((rx.local == provider::Address{"10.0.0.2", 5000}));
  BOOST_TEST((rx.remote == provider::Address{"10.0.0.1", 6000}));
  BOOST_REQUIRE(rx.qos.has_value());
  check_mark(rx.qos->mark, 12, 7);
  BOOST_TEST(!rx.qos->sending.has_value());
  BOOST_TEST(!rx.qos->style.has_value());
  BOOST_TEST(!rx.qos->confirm);
  BOOST_REQUIRE(rx.qos->receiving.has_value());
  const FlowSpecFields& asked = *rx.qos->receiving;
  check_mark(asked.mark, 12, 18);
  BOOST_TEST(*asked.service_type == gqos::service_type::controlled_load);
  BOOST_TEST(*asked.token_rate == 8000u);
  BOOST_TEST(!asked.token_bucket_size.has_value());
  BOOST_TEST(!asked.peak_bandwidth.has_value());
  BOOST_TEST(!asked.latency.has_value());
  BOOST_TEST(!asked.delay_variation.has_value());
  BOOST_TEST(!asked.max_sdu_size.has_value());
  BOOST_TEST(!asked.minimum_policed_size.has_value());

  const std::vector<Step>& steps = scenario.steps;
  BOOST_REQUIRE(steps.size() == 8u);
  const std::vector<std::int64_t> times = {0, 0, 10'000, 10'000, 10'000, 10'000, 10'000, 10'000};
  const std::vector<int> lines = {14, 16, 21, 27, 30, 35, 38, 40};
  for (std::size_t i = 0; i < steps.size(); ++i) {
    BOOST_TEST(steps[i].at_us == times[i]);
    check_mark(steps[i].mark, lines[i], 5);
  }

  BOOST_TEST(steps[0].socket == "rx");
  app<AppBind>(steps[0]);

  const auto& first_query = app<AppGetQos>(steps[1]);
  BOOST_TEST(steps[1].socket == "rx");
  BOOST_TEST(first_query.overlapped);
  BOOST_TEST(!first_query.notify_event);
  BOOST_TEST((first_query.buffer_kind == BufferKind::bytes));
  BOOST_TEST(first_query.buffer_bytes == 16u);

  const auto& indication = sp<SpFdQos>(steps[2]).indication;
  BOOST_TEST(steps[2].socket == "rx");
  BOOST_TEST(indication.status == gqos::status::senders);
  BOOST_TEST(!indication.sending.has_value());
  BOOST_REQUIRE(indication.receiving.has_value());
  BOOST_TEST((*indication.receiving ==
              gqos::FlowSpec{8000, 2048, ns, ns, ns, gqos::service_type::controlled_load, ns, ns}));
  BOOST_TEST(indication.extended_status1 == 0u);
  BOOST_TEST(indication.extended_status2 == 0u);
  BOOST_TEST(indication.objects.empty());

  const auto& first_wait = app<AppWait>(steps[3]);
  BOOST_TEST(steps[3].socket.empty());
  BOOST_TEST(first_wait.alertable);
  BOOST_TEST(*first_wait.timeout_us == 100'000);
  BOOST_TEST(first_wait.events.empty());

  const auto& enobufs = expect<ExpectCompletion>(steps[4]);
  BOOST_TEST(steps[4].socket == "rx");
  BOOST_TEST(enobufs.error->value == gqos::wsa::enobufs);
  check_mark(enobufs.error->mark, 32, 12);
  BOOST_TEST(enobufs.bytes->value == 4u);
  check_mark(enobufs.bytes->mark, 33, 12);
  BOOST_TEST(enobufs.required->value == 100u);
  check_mark(enobufs.required->mark, 34, 15);
  BOOST_TEST(!enobufs.status.has_value());
  BOOST_TEST(!enobufs.extended_status1.has_value());
  BOOST_TEST(!enobufs.sending.has_value());
  BOOST_TEST(!enobufs.receiving.has_value());

  const auto& reissue = app<AppGetQos>(steps[5]);
  BOOST_TEST(reissue.overlapped);
  BOOST_TEST((reissue.buffer_kind == BufferKind::required));

  const auto& second_wait = app<AppWait>(steps[6]);
  BOOST_TEST(second_wait.alertable);
  BOOST_TEST(!second_wait.timeout_us.has_value());  // INFINITE

  const auto& done = expect<ExpectCompletion>(steps[7]);
  BOOST_TEST(done.error->value == 0u);
  check_mark(done.error->mark, 42, 12);
  BOOST_TEST(done.status->value == gqos::status::senders);
  check_mark(done.status->mark, 43, 13);
  BOOST_TEST(!done.bytes.has_value());
  BOOST_TEST(!done.required.has_value());
  BOOST_REQUIRE(done.sending.has_value());
  check_mark(done.sending->mark, 44, 14);
  BOOST_TEST(*done.sending->service_type == gqos::service_type::no_change);
  BOOST_TEST(!done.sending->token_rate.has_value());
  BOOST_REQUIRE(done.receiving.has_value());
  BOOST_TEST(*done.receiving->service_type == gqos::service_type::controlled_load);
  BOOST_TEST(*done.receiving->token_rate == 8000u);
  BOOST_TEST(!done.receiving->token_bucket_size.has_value());
}

BOOST_AUTO_TEST_CASE(times_resolve_from_at_after_and_the_step_before) {
  const Scenario scenario = load_ok(one_socket +
                                    "  - {at: 1ms, app: bind, socket: rx}\n"
                                    "  - {after: 2ms, app: close, socket: rx}\n"
                                    "  - {expect: call, result: 0}\n"
                                    "  - {after: 1.5ms, app: wait, timeout: 2s}\n"
                                    "  - {at: 2s, app: wait, timeout: infinite}\n"
                                    "  - {after: 7us, expect: nothing, until: 3s}\n");
  std::vector<std::int64_t> times;
  for (const Step& step : scenario.steps) times.push_back(step.at_us);
  BOOST_TEST(times == (std::vector<std::int64_t>{1'000, 3'000, 3'000, 4'500, 2'000'000, 2'000'007}),
             boost::test_tools::per_element());
  BOOST_TEST(*app<AppWait>(scenario.steps[3]).timeout_us == 2'000'000);
  BOOST_TEST(!app<AppWait>(scenario.steps[4]).timeout_us.has_value());
  BOOST_TEST(expect<ExpectNothing>(scenario.steps[5]).until_us == 3'000'000);
  BOOST_TEST(expect<ExpectCall>(scenario.steps[2]).result->value == 0);
}

BOOST_AUTO_TEST_CASE(durations_reject_what_is_not_whole_microseconds) {
  auto first_error = [](std::string_view at) {
    auto errors =
        errors_of(one_socket + "  - {at: " + std::string(at) + ", app: bind, socket: rx}\n");
    return errors.empty() ? std::string() : errors.front();
  };
  BOOST_TEST(first_error("10") ==
             "test.yaml:5:10: error: 'at' needs a time unit (us, ms or s): '10'");
  BOOST_TEST(
      first_error("0.0000001s") ==
      "test.yaml:5:10: error: 'at' must be a whole number of microseconds, not '0.0000001s'");
  BOOST_TEST(first_error("0.000001s").empty());
  BOOST_TEST(first_error("1.50ms").empty());
  BOOST_TEST(
      first_error("99999999999999999999999s") ==
      "test.yaml:5:10: error: 'at' must be at most 1000000000s, not '99999999999999999999999s'");
  BOOST_TEST(first_error("1.ms") ==
             "test.yaml:5:10: error: 'at' must be a duration such as 10ms, 5us or 2s, not '1.ms'");
  BOOST_TEST(first_error("ms") ==
             "test.yaml:5:10: error: 'at' must be a duration such as 10ms, 5us or 2s, not 'ms'");
}

BOOST_AUTO_TEST_CASE(fd_qos_objects_become_the_provider_objects_they_name) {
  const Scenario scenario = load_ok(one_socket + R"(  - sp: fd_qos
    socket: rx
    status: senders
    sending: {service_type: guaranteed, token_rate: not_specified, latency: 0x10}
    extended_status: [GQOS_NET_ADMISSION, 56101]
    objects:
      - adspec: {hop_count: 2, path_bandwidth: 125000, minimum_latency: 0, path_mtu: 1500,
                 break_bit: true, guaranteed: {c_total: 1, d_total: 2, c_sum: 3, d_sum: 4}}
      - adspec: {}
      - sd_mode: shape
      - shaping_rate: 9000
      - raw: {type: RSVP_OBJECT_ADSPEC, length: 0, hex: "01 02 0a"}
      - raw: {type: 4242}
      - end_of_list
)");
  const auto& indication = sp<SpFdQos>(scenario.steps.at(0)).indication;
  BOOST_TEST(indication.status == gqos::status::senders);
  BOOST_TEST((*indication.sending ==
              gqos::FlowSpec{ns, ns, ns, 16, ns, gqos::service_type::guaranteed, ns, ns}));
  BOOST_TEST(indication.extended_status1 == 56100u);
  BOOST_TEST(indication.extended_status2 == 56101u);

  gqos::Adspec full;
  full.general_params = {2, 125000, 0, 1500, gqos::ad_flag_break_bit};
  gqos::ControlService guaranteed{};
  guaranteed.service = gqos::service_type::guaranteed;
  guaranteed.overrides = {ns, ns, ns, ns, 0};
  guaranteed.guaranteed = {1, 2, 3, 4};
  full.services.push_back(guaranteed);
  gqos::Adspec empty;
  empty.general_params = {ns, ns, ns, ns, 0};
  gqos::ProviderObject raw;
  raw.type = gqos::object_type::adspec;
  raw.body = {std::byte{1}, std::byte{2}, std::byte{10}};
  raw.declared_length = 0;
  gqos::ProviderObject bare;
  bare.type = 4242;

  const std::vector<gqos::ProviderObject> expected = {gqos::make_adspec(full),
                                                      gqos::make_adspec(empty),
                                                      gqos::make_sd_mode(gqos::sd_mode::shape),
                                                      gqos::make_shaping_rate(9000),
                                                      raw,
                                                      bare,
                                                      gqos::make_end_of_list()};
  BOOST_TEST((indication.objects == expected));
}

BOOST_AUTO_TEST_CASE(app_verbs_read_their_keys_and_defaults) {
  const Scenario scenario = load_ok(
      "scenario: app-verbs\n"
      "profile: no-qos-provider\n"
      "pending: coalesce\n"
      "admission_limit: 100000\n"
      "sockets:\n"
      "  tx: {role: sender, protocol: tcp, remote: 10.0.0.2:5000,\n"
      "       qos: {sending: {service_type: guaranteed, token_rate: 1}, style: fixed_filter,\n"
      "             confirm: true}}\n"
      "  rx: {role: both}\n"
      "steps:\n"
      "  - {app: connect, socket: tx, qos: {sending: {service_type: guaranteed, token_rate: 2}, "
      "style: "
      "RSVP_WILDCARD_STYLE}}\n"
      "  - {app: set_qos, socket: tx, mode: overlapped}\n"
      "  - {app: get_qos, socket: rx, mode: sync}\n"
      "  - {app: get_qos, socket: rx, notify: event}\n"
      "  - {app: event_select, socket: rx, events: [fd_qos]}\n"
      "  - {app: wait, events: [rx, tx]}\n"
      "  - {app: get_overlapped_result, socket: rx, wait: true}\n"
      "  - {app: enum_network_events, socket: rx}\n"
      "  - {app: monitor, socket: rx, initial_buffer: 16}\n"
      "  - {sp: fail, socket: tx, call: set_qos, error: WSAEOPNOTSUPP}\n"
      "  - {sp: fail, socket: rx, pending: true, error: 995}\n"
      "  - {expect: wait, result: WSA_WAIT_TIMEOUT}\n"
      "  - {expect: update, socket: rx, direction: receiving, flowspec: {service_type: 2}}\n"
      "  - {expect: network_events, socket: rx, events: [fd_qos], status: WSA_QOS_RECEIVERS}\n"
      "  - {app: close, socket: tx}\n");
  BOOST_TEST((scenario.sp.profile == Profile::no_qos_provider));
  BOOST_TEST((scenario.sp.pending == PendingPolicy::coalesce));
  BOOST_TEST(*scenario.sp.admission_limit == 100000u);
  const SocketSpec& tx = scenario.sockets.at(0);
  BOOST_TEST((tx.role == provider::Role::sender));
  BOOST_TEST((tx.protocol == provider::Protocol::tcp));
  BOOST_TEST(*tx.qos->style == gqos::rsvp_style::fixed_filter);
  BOOST_TEST(tx.qos->confirm);
  BOOST_TEST((scenario.sockets.at(1).role == provider::Role::both));

  const auto& steps = scenario.steps;
  BOOST_TEST(*app<AppConnect>(steps[0]).qos->sending->token_rate == 2u);
  BOOST_TEST(*app<AppConnect>(steps[0]).qos->style == gqos::rsvp_style::wildcard);
  BOOST_TEST(app<AppSetQos>(steps[1]).overlapped);
  BOOST_TEST(!app<AppSetQos>(steps[1]).qos.has_value());
  BOOST_TEST(!app<AppGetQos>(steps[2]).overlapped);
  BOOST_TEST((app<AppGetQos>(steps[2]).buffer_kind == BufferKind::enough));
  BOOST_TEST(app<AppGetQos>(steps[3]).notify_event);
  BOOST_TEST(app<AppEventSelect>(steps[4]).network_events == gqos::fd_qos);
  BOOST_TEST(app<AppWait>(steps[5]).events == (std::vector<std::string>{"rx", "tx"}),
             boost::test_tools::per_element());
  BOOST_TEST(!app<AppWait>(steps[5]).alertable);
  BOOST_TEST(app<AppGetOverlappedResult>(steps[6]).wait);
  app<AppEnumNetworkEvents>(steps[7]);
  BOOST_TEST(app<AppMonitor>(steps[8]).initial_buffer == 16u);
  const auto& fail_call = sp<SpFail>(steps[9]);
  BOOST_TEST((*fail_call.call == provider::Call::set_qos));
  BOOST_TEST(!fail_call.pending);
  BOOST_TEST(fail_call.error == gqos::wsa::eopnotsupp);
  const auto& fail_pending = sp<SpFail>(steps[10]);
  BOOST_TEST(!fail_pending.call.has_value());
  BOOST_TEST(fail_pending.pending);
  BOOST_TEST(fail_pending.error == gqos::wsa::operation_aborted);
  BOOST_TEST(expect<ExpectWait>(steps[11]).result->value == gqos::wsa::wait_timeout);
  BOOST_TEST(steps[11].socket.empty());
  const auto& update = expect<ExpectUpdate>(steps[12]);
  BOOST_TEST((update.direction->value == gqos::Direction::receiving));
  BOOST_TEST(*update.flowspec->service_type == 2u);
  const auto& events = expect<ExpectNetworkEvents>(steps[13]);
  BOOST_TEST(events.events->value == gqos::fd_qos);
  BOOST_TEST(events.status->value == gqos::status::receivers);
  app<AppClose>(steps[14]);
}

BOOST_AUTO_TEST_CASE(hostile_input_becomes_diagnostics_never_an_exception) {
  std::vector<std::string> inputs = {
      std::string("\0\1\2\xff\xfe", 5),
      "[[[[[[",
      "{",
      "scenario: [",
      "*nowhere",
      "- - -",
      "\t\tscenario: x",
      "scenario: x\n---\nscenario: y\n",
      std::string(100000, '['),
      "scenario: x\nsockets: {rx: {role: receiver}}\nsteps:\n  - {app: get_qos, socket: rx, "
      "buffer: 99999999999999999999999}\n",
      "scenario: x\nsockets: {rx: {role: receiver}}\nsteps:\n  - {expect: call, result: "
      "99999999999999999999}\n",
      "scenario: x\nsockets: {? [a]: {role: receiver}}\nsteps: []\n",
  };
  std::mt19937 random(20240601);
  for (int i = 0; i < 200; ++i) {
    std::string bytes(static_cast<std::size_t>(random() % 300), '\0');
    for (char& c : bytes) c = static_cast<char>(random() & 0xFF);
    inputs.push_back(bytes);
  }
  // Text that passes the control-byte check and reaches yaml-cpp: its punctuation, words the
  // loader knows, and bytes above 0x7F.
  const std::string_view alphabet = "[]{}:-?,#&*!|>'\"%@` \n\tab0x9.steps:app:sockets:\xc3\xa9\xff";
  for (int i = 0; i < 500; ++i) {
    std::string text(static_cast<std::size_t>(random() % 200), ' ');
    for (char& c : text) c = alphabet[random() % alphabet.size()];
    inputs.push_back(text);
  }
  for (const std::string& input : inputs) {
    LoadResult result;
    BOOST_CHECK_NO_THROW(result = load_text(input, "hostile.yaml"));
    BOOST_TEST(!result.scenario.has_value());
    BOOST_TEST(!result.diagnostics.empty());
    for (const Diagnostic& diagnostic : result.diagnostics) {
      BOOST_TEST(diagnostic.mark.line >= 1);
      BOOST_TEST(diagnostic.mark.column >= 1);
    }
  }
}

BOOST_AUTO_TEST_CASE(load_file_marks_with_the_path_given) {
  const LoadResult missing = load_file("/nonexistent/scenario.yaml");
  BOOST_TEST(formatted(missing) ==
                 (std::vector<std::string>{"/nonexistent/scenario.yaml:1:1: error: cannot read "
                                           "'/nonexistent/scenario.yaml'"}),
             boost::test_tools::per_element());
  const std::string path = std::string(QOSBED_SCENARIOS_DIR) + "/invalid/unknown-key.yaml";
  const LoadResult result = load_file(path);
  BOOST_REQUIRE(!result.diagnostics.empty());
  BOOST_TEST(result.diagnostics.front().mark.file == path);
}

BOOST_AUTO_TEST_CASE(format_prints_file_line_column_error_message) {
  BOOST_TEST(format(Diagnostic{Mark{"a.yaml", 3, 7}, "boom"}) == "a.yaml:3:7: error: boom");
}

BOOST_AUTO_TEST_CASE(suggestions_are_near_typos_only) {
  BOOST_TEST(edit_distance("kitten", "sitting") == 3u);
  BOOST_TEST(edit_distance("", "abc") == 3u);
  const std::string_view keys[] = {"buffer", "mode", "notify"};
  BOOST_TEST(*closest("bufer", keys) == "buffer");
  BOOST_TEST(*closest("MODE", keys) == "mode");
  BOOST_TEST(!closest("socket", keys).has_value());
  BOOST_TEST(*closest_name(gqos::NameGroup::status, "sendrs") == "WSA_QOS_SENDERS");
  BOOST_TEST(*closest_name(gqos::NameGroup::error, "WSAENOBUF") == "WSAENOBUFS");
  BOOST_TEST(!closest_name(gqos::NameGroup::error, "banana").has_value());
}

BOOST_AUTO_TEST_CASE(steps_after_expect_nothing_default_to_its_until) {
  const Scenario scenario = load_ok(one_socket +
                                    "  - {at: 1ms, app: bind, socket: rx}\n"
                                    "  - {expect: nothing, until: 3s}\n"
                                    "  - {app: close, socket: rx}\n"
                                    "  - {after: 1ms, app: wait, timeout: 1ms}\n");
  std::vector<std::int64_t> times;
  for (const Step& step : scenario.steps) times.push_back(step.at_us);
  BOOST_TEST(times == (std::vector<std::int64_t>{1'000, 1'000, 3'000'000, 3'001'000}),
             boost::test_tools::per_element());
}
