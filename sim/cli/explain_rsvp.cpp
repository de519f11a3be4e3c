#include "cli/explain_rsvp.hpp"

#include "gqos/constants.hpp"
#include "gqos/names.hpp"

namespace qosbed::cli {
namespace {

// What a message does where it arrives, and the section that says so.
struct Rule {
  std::string_view message;
  std::string_view sent;      // what its sending means
  std::string_view received;  // what the node it reaches does with it
};

constexpr Rule rules[] = {
    {"Path",
     "A Path travels downstream along the data's route, from the sender toward the session's "
     "destination; the sender repeats it about every R (RFC 2205 section 3.1.3; soft state, "
     "section 2.3).",
     "The node keeps path state (a PSB): the sender's Tspec, the ADSPEC so far and the previous "
     "hop, which is where Resv messages for this sender go (RFC 2205 section 3.1.3)."},
    {"Resv",
     "A Resv travels hop by hop upstream, to each previous hop the path state recorded, "
     "carrying the receivers' request in its style (RFC 2205 section 3.1.4; styles, section "
     "1.3).",
     "The node admits the request on its outgoing interface toward the sender of the Resv, "
     "installs the reservation, merges it with the other downstream requests and sends the "
     "merged request upstream (RFC 2205 sections 3.1.4 and 2.2)."},
    {"PathTear",
     "A PathTear travels downstream like a Path: the sender left, or path state timed out "
     "upstream (RFC 2205 section 3.1.5; teardown, section 2.4).",
     "The node deletes the path state at once, and the reservations that depended on it, "
     "instead of waiting for them to time out (RFC 2205 section 3.1.5)."},
    {"ResvTear",
     "A ResvTear travels upstream like a Resv: the receivers below no longer want the "
     "reservation (RFC 2205 section 3.1.6; teardown, section 2.4).",
     "The node removes the reservation at once and sends upstream what the remaining "
     "requests still need, or a ResvTear when nothing is left (RFC 2205 section 3.1.6)."},
    {"PathErr",
     "A PathErr travels upstream toward the sender: a node refused its Path, e.g. for "
     "conflicting dest ports (RFC 2205 section 3.1.7; errors, section 2.5; codes, Appendix B).",
     "A PathErr changes no path state on its way (RFC 2205 section 3.1.7)."},
    {"ResvErr",
     "A ResvErr travels downstream toward the receivers whose request failed: admission "
     "control, policy, a conflicting style or missing path state refused it (RFC 2205 section "
     "3.1.8; errors, section 2.5; codes, Appendix B).",
     "After an admission failure each node it crosses keeps blockade state for the previous hop "
     "it came from, so that a request smaller in every component can still get through (RFC "
     "2205 sections 3.1.8 and 3.5)."},
    {"ResvConf",
     "A ResvConf answers a Resv that carried a RESV_CONFIRM object: it goes back to the "
     "receiver that asked (RFC 2205 section 3.1.9; confirmation, section 2.6).",
     "At the receiver's host, the reservation it asked for is confirmed (RFC 2205 section "
     "3.1.9)."},
};

const Rule* rule_of(const std::string& message) {
  for (const Rule& rule : rules) {
    if (rule.message == message) return &rule;
  }
  return nullptr;
}

}  // namespace

Explanation explain_rsvp(const engine::RsvpRecord& m) {
  Explanation explanation;
  explanation.what = m.from + " -> " + m.to + " (link " + m.link + "): " + m.message + " " +
                     m.action + ", session " + m.session;
  if (!m.style.empty()) explanation.what += ", " + m.style + " style";
  if (m.flowspec) explanation.what += ", " + std::to_string(m.flowspec->token_rate) + " bytes/s";
  if (!m.error.empty()) explanation.what += ", " + m.error;
  explanation.what += ".";
  const Rule* rule = rule_of(m.message);
  if (!rule) return explanation;
  if (m.action == "sent") {
    explanation.why = std::string(rule->sent);
  } else if (m.action == "received") {
    explanation.why = std::string(rule->received);
  } else if (m.action == "lost") {
    explanation.why =
        "The link lost it. RSVP does not retransmit: the next refresh repairs the loss, and "
        "state dies only if no refresh arrives for L = (K + 0.5) x 1.5 x R (RFC 2205 "
        "section 3.7).";
  } else {
    explanation.why =
        "The link is down, so the message is dropped. Routing has already found another way, "
        "and the next refresh takes it; the old state times out (RFC 2205 sections 2.3 and "
        "3.7).";
  }
  return explanation;
}

std::string rfc_basis_of(std::uint32_t status) {
  switch (status) {
    case gqos::status::senders:
      return "In the network: the path state it tells of came with a Path that reached this "
             "host, now or before the socket entered the session (RFC 2205 section 3.1.3).";
    case gqos::status::receivers:
      return "In the network: what is reserved for this sender came with a Resv that reached its "
             "host, now or before the socket entered the session (RFC 2205 section 3.1.4).";
    case gqos::status::no_senders:
      return "In the network: the last sender's path state is gone, torn down by a PathTear "
             "(RFC 2205 section 3.1.5) or timed out after L (sections 2.3 and 3.7).";
    case gqos::status::no_receivers:
      return "In the network: the last reservation for this sender is gone, torn down by a "
             "ResvTear (RFC 2205 section 3.1.6) or timed out after L (sections 2.3 and 3.7).";
    case gqos::status::request_confirmed:
      return "In the network: a ResvConf reached this receiver (RFC 2205 section 3.1.9).";
    case gqos::status::admission_failure:
    case gqos::status::policy_failure:
    case gqos::status::bad_style:
      return "In the network: a ResvErr reached this receiver (RFC 2205 section 3.1.8).";
    default:
      return "";
  }
}

}  // namespace qosbed::cli
