// Each object summed up as Wireshark's RSVP dissector does (the report_objects_tshark test holds
// them against tshark itself), and a message cut short summed up only as far as it goes.
#define BOOST_TEST_MODULE rsvp_wire_summary
#include <boost/test/unit_test.hpp>

#include "rsvp_wire/encode.hpp"
#include "rsvp_wire/summary.hpp"
#include "rsvp_wire_samples.hpp"

using namespace qosbed::rsvp_wire;
using namespace rsvp_wire_samples;

namespace {

Message guaranteed_resv() {
  Resv resv;
  resv.session = session();
  resv.hop = Hop{r, 2};
  resv.confirm = ResvConfirm{d};
  resv.style = Style::ff;
  resv.descriptors.push_back(FlowDescriptor{guaranteed(8000, 12000, 0), {FilterSpec{s, 6000}}});
  return message(resv);
}

}  // namespace

BOOST_AUTO_TEST_CASE(each_object_of_a_resv_as_wireshark_sums_it_up) {
  const std::vector<std::string> expected = {
      "SESSION: IPv4, Destination 10.0.0.2, Protocol 17, Port 5000.",
      "HOP: IPv4, 10.0.0.254",
      "TIME VALUES: 30000 ms",
      "CONFIRM: Receiver 10.0.0.2",
      "STYLE: Fixed Filter (10)",
      "FLOWSPEC: Guaranteed Rate: Token Bucket, 8000 bytes/sec. RSpec, 12000 bytes/sec.",
      "FILTERSPEC: IPv4, Sender 10.0.0.1, Port 6000."};
  BOOST_TEST(object_summaries(guaranteed_resv()) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(an_error_names_its_code_as_wireshark_does) {
  ResvErr err;
  err.session = session();
  err.hop = Hop{r, 0};
  err.error = ErrorSpec{r, 0, error_code::admission_control_failure, 2};
  err.descriptor = FlowDescriptor{controlled_load(8000), {}};
  const auto lines = object_summaries(message(err));
  BOOST_TEST_REQUIRE(lines.size() == 5u);
  BOOST_TEST(lines[2] ==
             "ERROR: IPv4, Error code: Admission Control Failure , Value: 2, Error Node: "
             "10.0.0.254");
  BOOST_TEST(lines[3] == "STYLE: Wildcard Filter (17)");
  BOOST_TEST(lines[4] == "FLOWSPEC: Controlled Load: Token Bucket, 8000 bytes/sec.");
}

BOOST_AUTO_TEST_CASE(a_message_cut_short_is_summed_up_as_far_as_its_objects_fit) {
  const std::vector<std::byte> whole = encode(guaranteed_resv());
  // The common header, SESSION (12 bytes) and half of RSVP_HOP.
  const auto lines = object_summaries(std::span(whole).first(8 + 12 + 6));
  BOOST_TEST_REQUIRE(lines.size() == 1u);
  BOOST_TEST(lines[0].starts_with("SESSION:"));
  BOOST_TEST(object_summaries(std::span(whole).first(5)).empty());
}
