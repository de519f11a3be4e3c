// The behaviour rules of the emulated RSVP SP (docs/behaviour.md): R1-R10, from Windows'
// documentation, and the DECISIONs D1-D20, D36 and D37 qosbed takes where it is silent (D21-D35
// are the network's host SP's), each with a short title; and reading back which of them a text
// cites. `qosbed explain` attributes each event of a run to its rules in words ("... stays queued
// (R5, D6)."), and `qosbed coverage` counts those citations, so the two never disagree on which
// rules a run exercised.
#pragma once

#include <span>
#include <string_view>
#include <vector>

namespace qosbed::cli {

struct BehaviourRule {
  std::string_view id;     // "R5", "D12"
  std::string_view title;  // what it says, in a few words
};

// R1-R10, then D1-D20, D36, D37.
std::span<const BehaviourRule> behaviour_rules();

// The ids of the rules `text` cites, in the order of behaviour_rules(), each once. A citation is a
// parenthesised list of rule ids only, "(R1)" or "(R3, D2, D3)", as Explanation::why writes them;
// other parentheses ("(RFC 2205 section 3.1.3)", "(windows-xp, ...)") cite nothing.
std::vector<std::string_view> rules_cited(std::string_view text);

}  // namespace qosbed::cli
