#include "cli/behaviour_rules.hpp"

#include <algorithm>
#include <array>

namespace qosbed::cli {
namespace {

constexpr std::array<BehaviourRule, 49> rules{{
    {"R1", "an overlapped SIO_GET_QOS pends until the next FD_QOS indication"},
    {"R2", "a completion carries one direction's FLOWSPEC"},
    {"R3", "a sender may ask once connected, a receiver once bound"},
    {"R4", "RSVP_STATUS_INFO comes first in ProviderSpecific"},
    {"R5", "a buffer too small fails with WSAENOBUFS and the required size"},
    {"R6", "completion routines run only in an alertable wait"},
    {"R7", "FD_QOS is edge-triggered: drain with SIO_GET_QOS"},
    {"R8", "close aborts pending queries with WSA_OPERATION_ABORTED"},
    {"R9", "indications arriving with no query pending are kept in order"},
    {"R10", "QoS is requested by connect or SIO_SET_QOS"},
    {"D1", "checks run in order: socket, injected failure, parameters, state, profile"},
    {"D2", "too early: a sender gets WSAENOTCONN, a receiver WSAEINVAL"},
    {"D3", "a socket of role both may ask once bound or connected"},
    {"D4", "an overlapped query finding an indication queued finishes at once"},
    {"D5", "WSAENOBUFS on a pending query keeps the indication for the reissue"},
    {"D6", "an overlapped query finding too large an indication fails at once"},
    {"D7", "a buffer under 4 bytes fails with WSAEFAULT"},
    {"D8", "a synchronous query with nothing queued fails with WSAEWOULDBLOCK"},
    {"D9", "the other FLOWSPEC is NOCHANGE, its fields QOS_NOT_SPECIFIED"},
    {"D10", "with no FLOWSPEC scripted, the status picks the direction"},
    {"D11", "ProviderSpecific.buf points past the QOS; END_OF_LIST only when scripted"},
    {"D12", "indications with nothing pending are queued (or coalesced, dropped)"},
    {"D13", "FD_QOS is recorded for every indication that reaches the socket"},
    {"D14", "a wait runs every routine queued, those queued meanwhile too"},
    {"D15", "a signalled event wins over queued routines"},
    {"D16", "an infinite wait nothing can end returns WSA_WAIT_TIMEOUT (stalled)"},
    {"D17", "SIO_SET_QOS and connect check the QOS and the admission limit"},
    {"D18", "no-qos-provider: an overlapped query fails at once too"},
    {"D19", "event_select records FD_QOS at once for an indication already queued"},
    {"D20", "an RSVP error's FLOWSPEC is in the direction of the socket it reaches"},
    // D21-D33 are the network's host SP's (rsvp::HostSp): explain cites them where a trace
    // shows them at work (explain_decisions.cpp).
    {"D21", "an unspecified sending TokenBucketSize gives b = M"},
    {"D22", "an unspecified sending PeakBandwidth gives p = +infinity"},
    {"D23", "QoS that ends sends PathTear or ResvTear at once"},
    {"D24", "a NO_QOS_SIGNALING receiver hears PATH and sends no RESV"},
    {"D25", "a socket entering a session is told the state the session has"},
    {"D26", "a RESV's FLOWSPEC takes unspecified fields from the sender's Tspec"},
    {"D27", "FF or SE without flow descriptors reserves for every sender"},
    {"D28", "a socket is not told again what it was last told"},
    {"D29", "a multicast receiver's FLOWSPEC applies to every group it joined"},
    {"D30", "SIO_CHK_QOS is answered from the network"},
    {"D31", "SIO_CHK_QOS takes a 4-byte selector and answers at once"},
    {"D32", "a socket that connects unbound is bound to an ephemeral port"},
    {"D33", "a driven entry's signalling starts and ends with its application's calls"},
    {"D34", "a FLOWSPEC that asks for a service is refused for what the SDK forbids"},
    {"D35", "NOTRAFFIC with NOCHANGE keeps the other direction's ConfirmRequest"},
    {"D36", "join_leaf checks its QOS as connect does; only UDP joins, only a class D group"},
    {"D37", "an RSVP_RESERVE_INFO the SP cannot honour fails with its WSA_QOS_E* code"},
    {"D38", "accept connects the listening socket to its peer with the condition's QOS"},
    {"D39", "a host's user is named in the POLICY_DATA of every PATH and RESV it sends"},
}};

bool is_rule(std::string_view id) {
  return std::any_of(rules.begin(), rules.end(),
                     [id](const BehaviourRule& rule) { return rule.id == id; });
}

// The ids of "R3, D2, D3", or nothing when a piece is not a rule id.
std::vector<std::string_view> citation(std::string_view list) {
  std::vector<std::string_view> ids;
  while (true) {
    const std::size_t comma = list.find(", ");
    const std::string_view id = list.substr(0, comma);
    if (!is_rule(id)) return {};
    ids.push_back(id);
    if (comma == std::string_view::npos) return ids;
    list.remove_prefix(comma + 2);
  }
}

}  // namespace

std::span<const BehaviourRule> behaviour_rules() {
  return rules;
}

std::vector<std::string_view> rules_cited(std::string_view text) {
  std::vector<bool> cited(rules.size(), false);
  for (std::size_t open = text.find('('); open != std::string_view::npos;
       open = text.find('(', open + 1)) {
    const std::size_t close = text.find(')', open);
    if (close == std::string_view::npos) break;
    for (std::string_view id : citation(text.substr(open + 1, close - open - 1))) {
      for (std::size_t i = 0; i < rules.size(); ++i) cited[i] = cited[i] || rules[i].id == id;
    }
  }
  std::vector<std::string_view> ids;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    if (cited[i]) ids.push_back(rules[i].id);
  }
  return ids;
}

}  // namespace qosbed::cli
