// SessionMap against std::map: the same insertions, finds and erasures give the same contents,
// across growth, long probe runs and erasures whose backward shift wraps past the table's end.
#define BOOST_TEST_MODULE rsvp_session_map
#include <boost/test/unit_test.hpp>
#include <map>
#include <random>
#include <vector>

#include "rsvp/session_map.hpp"

using qosbed::rsvp::Session;
using qosbed::rsvp::SessionMap;

namespace {

std::map<Session, int> contents(const SessionMap<int>& table) {
  std::map<Session, int> out;
  table.for_each([&](const Session& session, int value) {
    BOOST_REQUIRE(out.emplace(session, value).second);  // each session once
  });
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_new_session_reads_as_zero_and_keeps_what_is_written) {
  SessionMap<int> table;
  const Session session{0x0a000002, 5000, 17};
  BOOST_TEST(table.find(session) == nullptr);
  BOOST_TEST(table[session] == 0);
  table[session] = 7;
  BOOST_TEST_REQUIRE(table.find(session) != nullptr);
  BOOST_TEST(*table.find(session) == 7);
  BOOST_TEST(table.size() == 1u);
  BOOST_TEST(!table.erase(Session{0x0a000002, 5000, 6}));  // another protocol: another session
  BOOST_TEST(table.erase(session));
  BOOST_TEST(table.find(session) == nullptr);
  BOOST_TEST(table.size() == 0u);
}

BOOST_AUTO_TEST_CASE(random_inserts_and_erasures_match_std_map) {
  SessionMap<int> table;
  std::map<Session, int> model;
  std::mt19937 random(2205);
  // Few distinct keys, so the table stays small and full: long runs, wrap-around, many erasures.
  std::uniform_int_distribution<int> key(0, 299);
  for (int round = 0; round < 200'000; ++round) {
    const int k = key(random);
    const Session session{0x0a000000u + static_cast<std::uint32_t>(k % 7),
                          static_cast<std::uint16_t>(5000 + k / 7), 17};
    switch (random() % 3) {
      case 0:
        table[session] = round;
        model[session] = round;
        break;
      case 1:
        BOOST_REQUIRE(table.erase(session) == (model.erase(session) == 1));
        break;
      default: {
        const int* found = table.find(session);
        const auto it = model.find(session);
        BOOST_REQUIRE((found != nullptr) == (it != model.end()));
        if (found) BOOST_REQUIRE(*found == it->second);
      }
    }
    BOOST_REQUIRE(table.size() == model.size());
  }
  BOOST_TEST(contents(table) == model);
}
