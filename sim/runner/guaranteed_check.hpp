// The Integrated Services checks: an ADSPEC against the `adspec:` map written (`expect: state`
// on the one a sender's PATH brought to a node, RFC 2210 section 3.3 composed as docs/rsvp.md
// says; `expect: call` and `completion` on the RSVP_ADSPEC an application read), and the
// end-to-end delay bound RFC 2212 gives a node's own Guaranteed request for a sender
// (rsvp/guaranteed_promise.hpp).
#pragma once

#include <string>
#include <vector>

#include "rsvp/guaranteed_promise.hpp"
#include "runner/runner.hpp"
#include "scenario/scenario.hpp"

namespace qosbed::runner {

// A field written that `actual` does not hold, as the language writes both.
struct FieldMiss {
  std::string key;  // "path_mtu", "c_total"
  std::string expected;
  std::string actual;
};
// Each field written against `actual` (none: every field written is missed, vs "none").
std::vector<FieldMiss> adspec_misses(const scenario::AdspecFields& expected,
                                     const gqos::Adspec* actual);

// Each field written against `actual`; `where` names the node and sender ("at d for
// 10.0.0.1:6000").
void check_adspec(const scenario::AdspecFields& expected, const gqos::Adspec& actual,
                  const std::string& where, std::vector<Failure>& failures);

// The bound, in whole microseconds (rounded), against the promise to `sender`; a failure says
// why there is none when there is none.
void check_delay_bound(const scenario::Field<std::int64_t>& expected,
                       const std::vector<rsvp::GuaranteedPromise>& promises,
                       const rsvp::SenderId& sender, const std::string& where,
                       std::vector<Failure>& failures);

}  // namespace qosbed::runner
