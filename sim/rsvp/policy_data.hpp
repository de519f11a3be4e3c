// The POLICY_DATA a message carries (RFC 2205 section 3.1, RFC 2750), interned. Few distinct
// sets of policy elements exist in a network (one per user identity, and the merges of those a
// router sends on), while every PATH, RESV, PSB and RSB of every flow carries one: each holds a
// PolicyRef, four bytes, into the network's PolicyTable rather than a list of its own.
#pragma once

#include <compare>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace qosbed::rsvp {

// A policy element the model carries (RFC 2750 section 3.2). The hosts' SPs put in only the
// identity of the application's user: AUTH_USER, RFC 3182, its identity as a CREDENTIAL
// ASCII_ID (the wire form, rsvp_wire/identity.hpp).
struct PolicyElement {
  std::string user;  // AUTH_USER's identity, e.g. a Kerberos principal name
  friend auto operator<=>(const PolicyElement&, const PolicyElement&) = default;
};

// A set of policy elements, sorted and without repeats.
using PolicyElements = std::vector<PolicyElement>;

// An interned set of policy elements; 0 is none (a message without POLICY_DATA).
using PolicyRef = std::uint32_t;
inline constexpr PolicyRef no_policy = 0;

class PolicyTable {
 public:
  // The reference of the set `elements` holds (sorted and made unique first); the same set
  // gives the same reference. An empty set is no_policy.
  PolicyRef intern(PolicyElements elements);
  // The elements of `ref`; none for no_policy.
  const PolicyElements& elements(PolicyRef ref) const;
  // The union of two sets: what a RESV merged from requests carrying them carries upstream.
  PolicyRef merged(PolicyRef a, PolicyRef b);
  // The number of distinct non-empty sets interned.
  std::size_t size() const { return sets_.size(); }

 private:
  std::vector<PolicyElements> sets_;  // sets_[ref - 1]
  std::map<PolicyElements, PolicyRef> refs_;
};

// Whether `elements` hold an AUTH_USER element naming one of `users`.
bool names_a_user(const PolicyElements& elements, const std::vector<std::string>& users);

}  // namespace qosbed::rsvp
