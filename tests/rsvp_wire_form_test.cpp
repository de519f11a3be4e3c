// The network model's messages in their wire form: the rules of wire_form.hpp on one message of
// each kind, then every message a small network sends, encoded, framed and read back.
#define BOOST_TEST_MODULE rsvp_wire_form
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <map>
#include <string>

#include "rsvp/wire_form.hpp"
#include "rsvp_fixture.hpp"
#include "rsvp_wire/decode.hpp"
#include "rsvp_wire/encode.hpp"
#include "rsvp_wire/identity.hpp"
#include "rsvp_wire/ipv4.hpp"

using namespace rsvp_test;
namespace wire = qosbed::rsvp_wire;

namespace {

constexpr Address s_address = 0x0A000001;
constexpr Address r_address = 0x0A0000FE;
constexpr Address d_address = 0x0A000002;

// s - r - d, 1 ms a link; r -> d may reserve 10,000 bytes/s.
struct Line {
  Topology t;
  NodeId s, r, d;
  LinkId s_r, r_d;

  Line() {
    s = t.add_host("s", s_address);
    r = t.add_router("r", r_address);
    d = t.add_host("d", d_address);
    s_r = t.add_link(s, r, link(1'000'000, 1 * ms));
    LinkSpec narrow = link(1'000'000, 1 * ms);
    narrow.reservable = 10'000;
    r_d = t.add_link(r, d, narrow);
  }
};

const Session session{d_address, 5000, 17};
const SenderId sender{s_address, 6000};

// The hop from `from` to `to` over `link`, R 30 s, no PathErr Tspec.
WireContext on(NodeId from, NodeId to, LinkId link) {
  return WireContext{from, to, link, 30'000'000};
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_path_goes_from_the_sender_to_the_session_with_the_hop_it_left) {
  Line line;
  PathAdspec adspec;
  adspec.general = {1, 1'000'000, 1'000, gqos::qos_not_specified, 0};
  adspec.guaranteed = {1500, 1000, 1500, 1000};
  const Path path{session, sender, flowspec(8000), adspec};
  const WirePacket packet =
      to_wire(path, line.t, WireContext{line.r, line.d, line.r_d, 45'000'000});
  BOOST_TEST(packet.source == s_address);
  BOOST_TEST(packet.destination == d_address);
  const auto& m = std::get<wire::Path>(packet.message.body);
  BOOST_TEST((m.session == wire::Session{d_address, 17, 0, 5000}));
  BOOST_TEST((m.hop == wire::Hop{r_address, line.r_d}));
  BOOST_TEST(m.time_values.refresh_ms == 45'000u);
  BOOST_REQUIRE(m.sender.has_value());
  BOOST_TEST((m.sender->sender_template == wire::FilterSpec{s_address, 6000}));
  // flowspec(): rate 8000, bucket 2048, peak 16000, latency and jitter unspecified, M 1500, m 64.
  BOOST_TEST((m.sender->tspec == wire::Tspec{8000, 2048, 16000, 64, 1500}));
  BOOST_REQUIRE(m.sender->adspec.has_value());
  BOOST_TEST((m.sender->adspec->general ==
              wire::GeneralParameters{false, 1, 1'000'000, 1'000, gqos::qos_not_specified}));
  BOOST_REQUIRE(m.sender->adspec->guaranteed.has_value());
  BOOST_TEST(
      (m.sender->adspec->guaranteed->terms == wire::GuaranteedTerms{1500, 1000, 1500, 1000}));
  BOOST_TEST(m.sender->adspec->controlled_load.has_value());
}

BOOST_AUTO_TEST_CASE(unspecified_rates_and_an_infinite_bandwidth_are_infinity) {
  Line line;
  gqos::FlowSpec tspec = flowspec(8000);
  tspec.peak_bandwidth = gqos::qos_not_specified;
  const WirePacket packet =
      to_wire(Path{session, sender, tspec, PathAdspec{}}, line.t, on(line.s, line.r, line.s_r));
  const auto& descriptor = *std::get<wire::Path>(packet.message.body).sender;
  BOOST_TEST(std::isinf(descriptor.tspec->peak));
  BOOST_TEST(std::isinf(descriptor.adspec->general.path_bandwidth));
}

BOOST_AUTO_TEST_CASE(a_resv_goes_to_the_previous_hop_with_its_style_and_confirmation) {
  Line line;
  gqos::FlowSpec guaranteed = flowspec(8000);
  guaranteed.service_type = gqos::service_type::guaranteed;
  const Resv resv{session, Style::ff, {{guaranteed, {sender}}}, line.d};
  const WirePacket packet = to_wire(resv, line.t, on(line.d, line.r, line.r_d));
  BOOST_TEST(packet.source == d_address);
  BOOST_TEST(packet.destination == r_address);
  const auto& m = std::get<wire::Resv>(packet.message.body);
  BOOST_TEST((m.hop == wire::Hop{d_address, line.r_d}));
  BOOST_TEST((m.confirm == wire::ResvConfirm{d_address}));
  BOOST_TEST((m.style == wire::Style::ff));
  BOOST_REQUIRE(m.descriptors.size() == 1u);
  BOOST_TEST((m.descriptors[0].filters == std::vector<wire::FilterSpec>{{s_address, 6000}}));
  BOOST_TEST((m.descriptors[0].flowspec->rspec == wire::Rspec{8000, 0}));
}

// RFC 2205 section 3.1.3: POLICY_DATA after TIME_VALUES, before the sender descriptor; RFC 3182:
// one AUTH_USER element per user, its identity a CREDENTIAL ASCII_ID attribute.
BOOST_AUTO_TEST_CASE(a_path_with_policy_data_encodes_and_decodes_to_its_users) {
  Line line;
  PolicyTable policies;
  const PolicyRef alice = policies.intern({PolicyElement{"alice"}});
  Path path{session, sender, flowspec(8000), PathAdspec{}, alice};
  WireContext context = on(line.s, line.r, line.s_r);
  context.policies = &policies;
  const WirePacket packet = to_wire(path, line.t, context);
  const auto& m = std::get<wire::Path>(packet.message.body);
  BOOST_REQUIRE(m.policy.size() == 1u);
  BOOST_REQUIRE(m.policy[0].elements.size() == 1u);
  const wire::PolicyElement& element = m.policy[0].elements[0];
  BOOST_TEST(element.type == 2u);  // AUTH_USER
  // Length 9 (4 + "alice"), A-Type 2 CREDENTIAL, SubType 1 ASCII_ID, "alice", 3 bytes of padding.
  const std::vector<std::byte> expected{
      std::byte{0},   std::byte{9},   std::byte{2},   std::byte{1}, std::byte{'a'}, std::byte{'l'},
      std::byte{'i'}, std::byte{'c'}, std::byte{'e'}, std::byte{0}, std::byte{0},   std::byte{0}};
  BOOST_TEST((element.data == expected));

  const std::vector<std::byte> bytes = wire::encode(packet.message);
  const wire::DecodeResult decoded = wire::decode(bytes);
  BOOST_REQUIRE(decoded.ok());
  BOOST_TEST((decoded.message == packet.message));
  const auto& back = std::get<wire::Path>(decoded.message.body);
  BOOST_TEST(wire::auth_user_identity(back.policy[0].elements[0]).value_or("") == "alice");

  // Without a table, or without POLICY_DATA, the object is left out.
  const WirePacket no_table = to_wire(path, line.t, on(line.s, line.r, line.s_r));
  BOOST_TEST(std::get<wire::Path>(no_table.message.body).policy.empty());
  path.policy = no_policy;
  const WirePacket none = to_wire(path, line.t, context);
  BOOST_TEST(std::get<wire::Path>(none.message.body).policy.empty());
}

BOOST_AUTO_TEST_CASE(a_resv_carries_every_user_of_its_policy_data_in_one_object) {
  Line line;
  PolicyTable policies;
  const PolicyRef both = policies.intern({PolicyElement{"bob"}, PolicyElement{"alice"}});
  const Resv resv{session, Style::wf, {{flowspec(8000), {}}}, std::nullopt, both};
  WireContext context = on(line.d, line.r, line.r_d);
  context.policies = &policies;
  const WirePacket packet = to_wire(resv, line.t, context);
  const auto& m = std::get<wire::Resv>(packet.message.body);
  BOOST_REQUIRE(m.policy.size() == 1u);
  BOOST_REQUIRE(m.policy[0].elements.size() == 2u);
  BOOST_TEST(wire::auth_user_identity(m.policy[0].elements[0]).value_or("") == "alice");
  BOOST_TEST(wire::auth_user_identity(m.policy[0].elements[1]).value_or("") == "bob");
}

BOOST_AUTO_TEST_CASE(an_identity_is_read_only_from_a_well_formed_auth_user) {
  BOOST_TEST(wire::auth_user_identity(wire::auth_user("bob")).value_or("") == "bob");
  // Exactly four letters: no padding.
  BOOST_TEST(wire::auth_user("dave").data.size() == 8u);
  wire::PolicyElement app = wire::auth_user("bob");
  app.type = wire::p_type::auth_app;
  BOOST_TEST(!wire::auth_user_identity(app).has_value());
  wire::PolicyElement cut = wire::auth_user("bob");
  cut.data.resize(4);  // the attribute says 7 bytes, the element holds its header only
  BOOST_TEST(!wire::auth_user_identity(cut).has_value());
}

BOOST_AUTO_TEST_CASE(a_guaranteed_flowspec_carries_its_delay_variation_as_the_slack_term) {
  Line line;
  gqos::FlowSpec guaranteed = flowspec(8000);
  guaranteed.service_type = gqos::service_type::guaranteed;
  guaranteed.delay_variation = 750;
  const Resv resv{session, Style::ff, {{guaranteed, {sender}}}, std::nullopt};
  const WirePacket packet = to_wire(resv, line.t, on(line.d, line.r, line.r_d));
  const auto& m = std::get<wire::Resv>(packet.message.body);
  BOOST_REQUIRE(m.descriptors.size() == 1u);
  BOOST_TEST((m.descriptors[0].flowspec->rspec == wire::Rspec{8000, 750}));
}

BOOST_AUTO_TEST_CASE(errors_name_the_node_that_found_them_and_the_style_of_their_request) {
  Line line;
  const ResvErr admission{session, {ErrorCode::admission_failure, line.r}, {flowspec(50'000), {}}};
  const WirePacket packet = to_wire(admission, line.t, on(line.r, line.d, line.r_d));
  const auto& m = std::get<wire::ResvErr>(packet.message.body);
  BOOST_TEST((m.error == wire::ErrorSpec{r_address, 0, 1, 2}));  // requested bandwidth unavailable
  BOOST_TEST((m.style == wire::Style::wf));
  BOOST_TEST(packet.destination == d_address);

  const SenderId other{0x0A000003, 6001};
  const ResvErr shared{
      session, {ErrorCode::policy_failure, line.r}, {flowspec(8000), {sender, other}}};
  // The packet is kept: a reference into a temporary's body would dangle.
  const WirePacket shared_packet = to_wire(shared, line.t, on(line.r, line.d, line.r_d));
  const auto& se = std::get<wire::ResvErr>(shared_packet.message.body);
  BOOST_TEST((se.style == wire::Style::se));
  BOOST_TEST((se.error == wire::ErrorSpec{r_address, 0, 2, 0}));

  // A PathErr carries the sender descriptor of the Path in error (RFC 2205 section 3.1.7).
  const PathErr ports{session, sender, {ErrorCode::conflicting_dest_ports, line.r}, flowspec(8000)};
  const auto full = to_wire(ports, line.t, on(line.r, line.s, line.s_r));
  BOOST_TEST(full.destination == s_address);
  const auto& path_err = std::get<wire::PathErr>(full.message.body);
  BOOST_TEST((path_err.error == wire::ErrorSpec{r_address, 0, 7, 0}));
  const auto& descriptor = path_err.sender;
  BOOST_REQUIRE(descriptor.has_value());
  BOOST_TEST((descriptor->tspec == wire::Tspec{8000, 2048, 16000, 64, 1500}));
}

BOOST_AUTO_TEST_CASE(teardown_and_confirmation) {
  Line line;
  const auto tear = to_wire(ResvTear{session}, line.t, on(line.d, line.r, line.r_d));
  const auto& resv_tear = std::get<wire::ResvTear>(tear.message.body);
  BOOST_TEST((resv_tear.style == wire::Style::wf));
  BOOST_TEST(resv_tear.descriptors.empty());

  const auto path_tear = to_wire(PathTear{session, sender}, line.t, on(line.r, line.d, line.r_d));
  BOOST_TEST(path_tear.source == s_address);
  BOOST_TEST(path_tear.destination == d_address);
  BOOST_TEST((std::get<wire::PathTear>(path_tear.message.body).sender ==
              wire::SenderDescriptor{{s_address, 6000}, std::nullopt, std::nullopt}));

  const ResvConf conf{session, line.d, {{flowspec(8000), {}}}};
  const auto confirmed = to_wire(conf, line.t, on(line.s, line.r, line.s_r));
  BOOST_TEST(confirmed.destination == d_address);
  const auto& m = std::get<wire::ResvConf>(confirmed.message.body);
  BOOST_TEST((m.error == wire::ErrorSpec{s_address, 0, 0, 0}));
  BOOST_TEST((m.confirm == wire::ResvConfirm{d_address}));
}

namespace {

// Maps every message sent, and checks its wire form survives encoding, framing and decoding.
class WireCheck final : public MessageObserver {
 public:
  explicit WireCheck(const Topology& topology) : topology_(topology) {}
  void on_sent(NodeId from, NodeId to, LinkId link, const Message& message) override {
    const WirePacket packet = to_wire(message, topology_, on(from, to, link));
    const std::string name{name_of(message)};
    BOOST_TEST(wire::name_of(wire::type_of(packet.message)) == name);
    const auto datagram = wire::frame(packet.message, packet.source, packet.destination);
    const wire::UnframeResult ip = wire::unframe(datagram);
    BOOST_REQUIRE(ip.ok());
    const wire::DecodeResult decoded = wire::decode(ip.payload);
    BOOST_TEST(decoded.ok(), name << ": " << to_string(decoded));
    BOOST_TEST((decoded.message == packet.message), name);
    ++sent[name];
  }
  void on_received(NodeId, NodeId, LinkId, const Message&) override {}
  void on_dropped(NodeId, NodeId, LinkId, const Message&, Drop) override {}

  std::map<std::string, int> sent;

 private:
  const Topology& topology_;
};

}  // namespace

BOOST_AUTO_TEST_CASE(every_message_a_network_sends_reads_back_from_the_wire) {
  Line line;
  const NodeId s2 = line.t.add_host("s2", 0x0A000003);
  line.t.add_link(s2, line.r, link(1'000'000, 1 * ms));
  engine::EventQueue queue;
  Network net(queue, line.t);
  WireCheck check(net.topology());
  net.set_message_observer(&check);
  net.start_sender(line.s, session, 6000, flowspec(8000));
  net.reserve(line.d, session, {Style::wf, {{flowspec(8000), {}}}, true});
  queue.run_until(1 * s);
  // A second session asks for more than r -> d may reserve: ResvErr.
  const Session big{d_address, 5001, 17};
  net.start_sender(line.s, big, 6001, flowspec(50'000));
  net.reserve(line.d, big, {Style::ff, {{flowspec(50'000), {{s_address, 6001}}}}, false});
  queue.run_until(2 * s);
  net.release(line.d, session);
  net.stop_sender(line.s, session, 6000);
  queue.run_until(3 * s);
  // A second sender's session to d with DstPort zero, beside 5001 at r: PathErr, conflicting
  // dest ports.
  net.start_sender(s2, Session{d_address, 0, 17}, 6002, flowspec(1000));
  queue.run_until(4 * s);
  net.halt();
  for (const char* name :
       {"Path", "Resv", "ResvConf", "ResvErr", "ResvTear", "PathTear", "PathErr"}) {
    BOOST_TEST(check.sent[name] > 0, name);
  }
}
