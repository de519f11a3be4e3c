#include "runner/guaranteed_check.hpp"

#include <algorithm>
#include <cmath>

#include "gqos/constants.hpp"
#include "rsvp/adspec.hpp"

namespace qosbed::runner {
namespace {

// As the scenario language writes a field.
std::string field_text(std::uint32_t value) {
  return value == gqos::qos_not_specified ? "not_specified" : std::to_string(value);
}

}  // namespace

void check_adspec(const scenario::AdspecFields& expected, const gqos::Adspec& actual,
                  const std::string& where, std::vector<Failure>& failures) {
  auto compare = [&](std::string_view key, const std::optional<std::uint32_t>& wanted,
                     std::uint32_t value) {
    if (wanted && *wanted != value) {
      failures.push_back(Failure{expected.mark, "expected adspec " + std::string(key) + " " +
                                                    where + " " + field_text(*wanted) +
                                                    " vs actual " + field_text(value)});
    }
  };
  const gqos::AdGeneralParams& general = actual.general_params;
  compare("hop_count", expected.hop_count, general.intserv_aware_hop_count);
  compare("path_bandwidth", expected.path_bandwidth, general.path_bandwidth_estimate);
  compare("minimum_latency", expected.minimum_latency, general.minimum_latency);
  compare("path_mtu", expected.path_mtu, general.path_mtu);
  const bool broken = (general.flags & gqos::ad_flag_break_bit) != 0;
  if (expected.break_bit && *expected.break_bit != broken) {
    failures.push_back(Failure{expected.mark, "expected adspec break_bit " + where + " " +
                                                  (*expected.break_bit ? "true" : "false") +
                                                  " vs actual " + (broken ? "true" : "false")});
  }
  if (!expected.guaranteed) return;
  const gqos::AdGuaranteed* terms = rsvp::guaranteed_terms(actual);
  if (!terms) {
    failures.push_back(
        Failure{expected.mark, "expected adspec guaranteed " + where + ": the ADSPEC has none"});
    return;
  }
  compare("c_total", expected.c_total, terms->c_total);
  compare("d_total", expected.d_total, terms->d_total);
  compare("c_sum", expected.c_sum, terms->c_sum);
  compare("d_sum", expected.d_sum, terms->d_sum);
}

void check_delay_bound(const scenario::Field<std::int64_t>& expected,
                       const std::vector<rsvp::GuaranteedPromise>& promises,
                       const rsvp::SenderId& sender, const std::string& where,
                       std::vector<Failure>& failures) {
  const std::string wanted =
      "expected delay_bound " + where + " " + std::to_string(expected.value) + " us vs actual ";
  const auto promise =
      std::find_if(promises.begin(), promises.end(),
                   [&](const rsvp::GuaranteedPromise& p) { return p.sender == sender; });
  if (promise == promises.end()) {
    failures.push_back(Failure{expected.mark, wanted + "none: the node holds no Guaranteed "
                                                       "request of its own for this sender"});
  } else if (!promise->bound) {
    failures.push_back(Failure{expected.mark, wanted + "none: " + promise->no_bound});
  } else if (const auto actual = std::llround(promise->bound->total_us());
             actual != expected.value) {
    failures.push_back(Failure{expected.mark, wanted + std::to_string(actual) + " us"});
  }
}

}  // namespace qosbed::runner
