// POLICY_DATA in the model: the identity a host's SP puts in its PATH and RESV (docs/behaviour.md
// D39), interned, carried hop by hop in every refresh, kept with path and reservation state,
// merged where requests merge, and read by a router's policy, which refuses with PathErr or
// ResvErr "policy control failure" (code 2). Every time is virtual and exact.
#define BOOST_TEST_MODULE rsvp_policy_data
#include <boost/test/unit_test.hpp>
#include <map>

#include "rsvp_fixture.hpp"

using namespace rsvp_test;

namespace {

// a - r1 - d, b - r1, r1 - e; 1 ms a link.
struct Star {
  Topology t;
  NodeId a, b, r1, d, e;
  LinkId a_r1, b_r1, r1_d, r1_e;

  Star() {
    a = t.add_host("a", 0x0A000001);
    b = t.add_host("b", 0x0A000002);
    r1 = t.add_router("r1", 0x0A0000F1);
    d = t.add_host("d", 0x0A000003);
    e = t.add_host("e", 0x0A000004);
    a_r1 = t.add_link(a, r1, link(1'000'000, 1 * ms));
    b_r1 = t.add_link(b, r1, link(1'000'000, 1 * ms));
    r1_d = t.add_link(r1, d, link(1'000'000, 1 * ms));
    r1_e = t.add_link(r1, e, link(1'000'000, 1 * ms));
  }
};

ReservationRequest wf(std::uint32_t rate) {
  return ReservationRequest{Style::wf, {FlowDescriptor{flowspec(rate), {}}}, false};
}

// The users named by each Path and Resv sent, "<time us> <Kind> <from>-><to> <users>".
class PolicyLog final : public MessageObserver {
 public:
  PolicyLog(engine::EventQueue& queue, const Network& net) : queue_(queue), net_(net) {}
  void on_sent(NodeId from, NodeId to, LinkId, const Message& message) override {
    PolicyRef policy = no_policy;
    if (const auto* path = std::get_if<Path>(&message)) policy = path->policy;
    if (const auto* resv = std::get_if<Resv>(&message)) policy = resv->policy;
    if (!std::holds_alternative<Path>(message) && !std::holds_alternative<Resv>(message)) return;
    std::string users;
    for (const PolicyElement& element : net_.policy_table().elements(policy)) {
      users += (users.empty() ? "" : ",") + element.user;
    }
    lines.push_back(std::to_string(queue_.now_us()) + " " + std::string{name_of(message)} + " " +
                    std::to_string(from) + "->" + std::to_string(to) + " " +
                    (users.empty() ? "none" : users));
  }
  void on_received(NodeId, NodeId, LinkId, const Message&) override {}
  void on_dropped(NodeId, NodeId, LinkId, const Message&, Drop) override {}
  std::vector<std::string> lines;

 private:
  engine::EventQueue& queue_;
  const Network& net_;
};

// r1's policy admits only what names `admitted`, sender and request alike.
void admit_only(Network& net, NodeId router, const std::string& admitted) {
  const std::vector<std::string> users{admitted};
  net.set_path_policy(
      router, [users](const Session&, const gqos::FlowSpec&, const PolicyElements& policy_data) {
        return names_a_user(policy_data, users);
      });
  net.set_policy(router,
                 [users](const Session&, const FlowDescriptor&, const PolicyElements& policy_data) {
                   return names_a_user(policy_data, users);
                 });
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_table_interns_sets_and_merges_them_as_unions) {
  PolicyTable table;
  BOOST_TEST(table.intern({}) == no_policy);
  const PolicyRef alice = table.intern({PolicyElement{"alice"}});
  const PolicyRef bob = table.intern({PolicyElement{"bob"}});
  BOOST_TEST(alice == 1u);
  BOOST_TEST(bob == 2u);
  BOOST_TEST(table.intern({PolicyElement{"alice"}, PolicyElement{"alice"}}) == alice);
  const PolicyRef both = table.merged(bob, alice);
  BOOST_TEST(both == 3u);
  BOOST_TEST(table.merged(alice, bob) == both);  // sorted: the same set, the same reference
  BOOST_TEST(table.elements(both).size() == 2u);
  BOOST_TEST(table.elements(both)[0].user == "alice");
  BOOST_TEST(table.elements(both)[1].user == "bob");
  BOOST_TEST(table.merged(no_policy, alice) == alice);
  BOOST_TEST(table.merged(alice, no_policy) == alice);
  BOOST_TEST(table.merged(both, alice) == both);
  BOOST_TEST(table.size() == 3u);
  BOOST_TEST(table.elements(no_policy).empty());
}

BOOST_AUTO_TEST_CASE(a_users_policy_data_is_carried_hop_by_hop_in_every_refresh) {
  engine::EventQueue queue;
  Star s;
  Network net(queue, s.t, {SoftStateTimes{30 * 1'000'000, 3}, 7});
  PolicyLog log(queue, net);
  net.set_message_observer(&log);
  net.set_user(s.a, "alice");
  net.set_user(s.d, "carol");
  const Session session = session_to(0x0A000003);
  net.start_sender(s.a, session, 6000, flowspec(8'000));
  net.reserve(s.d, session, wf(8'000));
  queue.run_until(100 * 1'000'000);

  // Path state and reservation state keep what their message brought.
  const PolicyRef alice = net.state(s.r1).psbs.front().second.path->policy;
  BOOST_TEST(net.policy_table().elements(alice).front().user == "alice");
  BOOST_TEST(net.state(s.d).psbs.front().second.path->policy == alice);
  const ResvState& at_r1 = *net.state(s.r1).rsbs.front().second.resv;
  BOOST_TEST(net.policy_table().elements(at_r1.policy).front().user == "carol");

  // Every PATH names alice on both hops, every RESV carol on both: the first ones and the
  // refreshes alike.
  std::map<std::string, int> sent;
  for (const std::string& line : log.lines) ++sent[line.substr(line.find(' ') + 1)];
  BOOST_TEST(sent.size() == 4u);
  BOOST_TEST(sent["Path 0->2 alice"] >= 3);
  BOOST_TEST(sent["Path 2->3 alice"] == sent["Path 0->2 alice"]);
  BOOST_TEST(sent["Resv 3->2 carol"] >= 3);
  BOOST_TEST(sent["Resv 2->0 carol"] >= sent["Resv 3->2 carol"]);
  BOOST_TEST(log.lines.front() == "0 Path 0->2 alice");
}

BOOST_AUTO_TEST_CASE(a_host_without_a_user_sends_no_policy_data) {
  engine::EventQueue queue;
  Star s;
  Network net(queue, s.t);
  PolicyLog log(queue, net);
  net.set_message_observer(&log);
  const Session session = session_to(0x0A000003);
  net.start_sender(s.a, session, 6000, flowspec(8'000));
  net.reserve(s.d, session, wf(8'000));
  queue.run_until(10 * ms);
  BOOST_TEST(log.lines.size() == 4u);
  for (const std::string& line : log.lines) BOOST_TEST(line.ends_with(" none"));
  BOOST_TEST(net.policy_table().size() == 0u);
}

// r1 merges d's and e's requests toward a: the RESV upstream names both users.
BOOST_AUTO_TEST_CASE(a_merged_resv_carries_the_union_of_its_requests_policy_data) {
  engine::EventQueue queue;
  Star s;
  Network net(queue, s.t);
  PolicyLog log(queue, net);
  net.set_message_observer(&log);
  net.set_user(s.d, "carol");
  net.set_user(s.e, "alice");
  const Address group = 0xE0000001;
  net.join(s.d, group);
  net.join(s.e, group);
  const Session session = session_to(group);
  net.start_sender(s.a, session, 6000, flowspec(8'000));
  net.reserve(s.d, session, wf(8'000));
  queue.run_until(10 * ms);
  net.reserve(s.e, session, wf(9'000));
  queue.run_until(20 * ms);
  BOOST_TEST(count(log.lines, "Resv 2->0 carol") == 1u);
  BOOST_TEST(count(log.lines, "10000 Resv 4->2 alice") == 1u);
  BOOST_TEST(count(log.lines, "11000 Resv 2->0 alice,carol") == 1u);
}

BOOST_AUTO_TEST_CASE(a_policy_refuses_a_path_naming_no_admitted_user_with_a_path_err) {
  engine::EventQueue queue;
  Star s;
  Network net(queue, s.t);
  std::vector<std::string> log;
  Recorder at_a(queue, "a", log);
  Recorder at_b(queue, "b", log);
  Recorder at_d(queue, "d", log);
  net.set_host_observer(s.a, &at_a);
  net.set_host_observer(s.b, &at_b);
  net.set_host_observer(s.d, &at_d);
  net.set_user(s.a, "alice");
  net.set_user(s.b, "bob");
  net.set_user(s.d, "alice");
  admit_only(net, s.r1, "alice");
  const Session session = session_to(0x0A000003);
  net.start_sender(s.a, session, 6000, flowspec(8'000));
  net.start_sender(s.b, session, 6001, flowspec(8'000));
  net.reserve(s.d, session, wf(8'000));
  queue.run_until(20 * ms);
  BOOST_TEST(count(log, "2000 b path_err policy failure") == 1u);
  BOOST_TEST(count(log, "a path_err") == 0u);
  BOOST_TEST(count(log, "d path 6000") == 1u);
  BOOST_TEST(count(log, "d path 6001") == 0u);
  BOOST_TEST(net.state(s.r1).psbs.size() == 1u);  // alice's only
  BOOST_TEST(count(log, "4000 a reservation WF 8000") == 1u);
  BOOST_TEST(net.reserved(Interface{s.r1_d, s.r1}) == 8'000u);
}

BOOST_AUTO_TEST_CASE(a_policy_refuses_a_resv_naming_no_admitted_user_with_a_resv_err) {
  engine::EventQueue queue;
  Star s;
  Network net(queue, s.t);
  std::vector<std::string> log;
  Recorder at_a(queue, "a", log);
  Recorder at_e(queue, "e", log);
  net.set_host_observer(s.a, &at_a);
  net.set_host_observer(s.e, &at_e);
  net.set_user(s.a, "alice");
  net.set_user(s.e, "bob");
  admit_only(net, s.r1, "alice");
  const Session session = session_to(0x0A000004);
  net.start_sender(s.a, session, 6000, flowspec(8'000));
  net.reserve(s.e, session, wf(8'000));
  queue.run_until(20 * ms);
  // alice's PATH passes r1; bob's RESV does not: ResvErr code 2 back to e, nothing reserved,
  // nothing reaches the sender.
  BOOST_TEST(count(log, "e path 6000") == 1u);
  BOOST_TEST(count(log, "4000 e resv_err policy failure 8000") == 1u);
  BOOST_TEST(net.reserved(Interface{s.r1_e, s.r1}) == 0u);
  BOOST_TEST(net.state(s.r1).rsbs.empty());
  BOOST_TEST(count(log, "a reservation") == 0u);
}
