// `qosbed run NET.yaml --pcap FILE`: the capture holds one packet per message the trace sent, and
// every way of asking for it wrongly exits 2 and leaves no file. (capture_tshark_test.py reads
// the captures of every bundled network scenario with tshark.)
#define BOOST_TEST_MODULE capture_cli
#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "cli_harness.hpp"

namespace {

using qosbed::test::command;
using qosbed::test::TempFolder;

const std::string network_scenario =
    QOSBED_SOURCE_DIR "/scenarios/network/reservation-confirmed.yaml";

std::vector<unsigned char> bytes_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::uint32_t u32_at(const std::vector<unsigned char>& bytes, std::size_t at) {
  return bytes[at] | bytes[at + 1] << 8 | bytes[at + 2] << 16 |
         static_cast<std::uint32_t>(bytes[at + 3]) << 24;
}

// The type of each pcapng block, in file order.
std::vector<std::uint32_t> block_types(const std::vector<unsigned char>& bytes) {
  std::vector<std::uint32_t> types;
  for (std::size_t at = 0; at + 8 <= bytes.size();) {
    types.push_back(u32_at(bytes, at));
    const std::uint32_t length = u32_at(bytes, at + 4);
    if (length < 12) break;
    at += length;
  }
  return types;
}

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t count = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++count;
  return count;
}

}  // namespace

BOOST_AUTO_TEST_CASE(one_packet_per_message_sent_one_interface_per_link) {
  const TempFolder folder("capture-cli");
  const std::string capture = folder.file("run.pcapng");
  const auto run = command({"run", "--trace", "json", "--pcap", capture, network_scenario});
  BOOST_TEST(run.code == 0, run.err);
  BOOST_TEST(run.err.find(capture + ": capture written") != std::string::npos, run.err);

  const std::vector<std::uint32_t> types = block_types(bytes_of(capture));
  BOOST_TEST_REQUIRE(!types.empty());
  BOOST_TEST(types.front() == 0x0A0D0D0Au);  // Section Header Block
  std::size_t interfaces = 0;
  std::size_t packets = 0;
  for (std::uint32_t type : types) {
    interfaces += type == 1;  // Interface Description Block
    packets += type == 6;     // Enhanced Packet Block
  }
  BOOST_TEST(interfaces == 2u);  // the scenario's two links
  const std::size_t sent = count_of(run.out, "\"action\":\"sent\"");
  BOOST_TEST(sent == 6u);  // Path twice, Resv twice, ResvConf twice
  BOOST_TEST(packets == sent);
}

BOOST_AUTO_TEST_CASE(wrong_uses_exit_2_and_leave_no_file) {
  const TempFolder folder("capture-cli-errors");
  const std::string capture = folder.file("out.pcapng");

  const auto several = command({"run", "--pcap", capture, QOSBED_SOURCE_DIR "/scenarios/network"});
  BOOST_TEST(several.code == 2);
  BOOST_TEST(several.err.find("--pcap captures one network: name one scenario file, not ") !=
                 std::string::npos,
             several.err);

  const std::string scripted = QOSBED_SOURCE_DIR "/scenarios/teaching/receiver-session.yaml";
  const auto no_network = command({"run", "--pcap", capture, scripted});
  BOOST_TEST(no_network.code == 2);
  BOOST_TEST(no_network.err.find(scripted +
                                 ": --pcap captures the RSVP messages of a network scenario "
                                 "played on the emulator; this one has no 'network:' section") !=
                 std::string::npos,
             no_network.err);

  const std::string missing = folder.file("no-such-folder/out.pcapng");
  const auto unwritable = command({"run", "--pcap", missing, network_scenario});
  BOOST_TEST(unwritable.code == 2);
  BOOST_TEST(unwritable.err.find("No such file or directory") != std::string::npos, unwritable.err);

  BOOST_TEST(!std::filesystem::exists(capture));
  BOOST_TEST(std::filesystem::is_empty(folder.path));
}
