#include "runner/guaranteed_check.hpp"

#include <algorithm>
#include <cmath>

#include "gqos/constants.hpp"

namespace qosbed::runner {
namespace {

// As the scenario language writes a field.
std::string field_text(std::uint32_t value) {
  return value == gqos::qos_not_specified ? "not_specified" : std::to_string(value);
}

// The Guaranteed fragment's terms, if the ADSPEC has one.
const gqos::AdGuaranteed* guaranteed_terms(const gqos::Adspec& adspec) {
  for (const gqos::ControlService& service : adspec.services) {
    if (service.service == gqos::service_type::guaranteed) return &service.guaranteed;
  }
  return nullptr;
}

}  // namespace

std::vector<FieldMiss> adspec_misses(const scenario::AdspecFields& expected,
                                     const gqos::Adspec* actual) {
  std::vector<FieldMiss> misses;
  auto compare = [&](std::string_view key, const std::optional<std::uint32_t>& wanted,
                     std::optional<std::uint32_t> value) {
    if (wanted && wanted != value) {
      misses.push_back({std::string(key), field_text(*wanted),
                        value ? field_text(*value) : std::string("none")});
    }
  };
  const gqos::AdGeneralParams* general = actual ? &actual->general_params : nullptr;
  auto of = [general](gqos::Ulong gqos::AdGeneralParams::*member) {
    return general ? std::optional<std::uint32_t>(general->*member) : std::nullopt;
  };
  compare("hop_count", expected.hop_count, of(&gqos::AdGeneralParams::intserv_aware_hop_count));
  compare("path_bandwidth", expected.path_bandwidth,
          of(&gqos::AdGeneralParams::path_bandwidth_estimate));
  compare("minimum_latency", expected.minimum_latency, of(&gqos::AdGeneralParams::minimum_latency));
  compare("path_mtu", expected.path_mtu, of(&gqos::AdGeneralParams::path_mtu));
  if (expected.break_bit) {
    const auto text = [](bool set) { return std::string(set ? "true" : "false"); };
    if (!general) {
      misses.push_back({"break_bit", text(*expected.break_bit), "none"});
    } else if (const bool set = (general->flags & gqos::ad_flag_break_bit) != 0;
               set != *expected.break_bit) {
      misses.push_back({"break_bit", text(*expected.break_bit), text(set)});
    }
  }
  if (!expected.guaranteed) return misses;
  const gqos::AdGuaranteed* terms = actual ? guaranteed_terms(*actual) : nullptr;
  auto term = [terms](gqos::Ulong gqos::AdGuaranteed::*member) {
    return terms ? std::optional<std::uint32_t>(terms->*member) : std::nullopt;
  };
  compare("c_total", expected.c_total, term(&gqos::AdGuaranteed::c_total));
  compare("d_total", expected.d_total, term(&gqos::AdGuaranteed::d_total));
  compare("c_sum", expected.c_sum, term(&gqos::AdGuaranteed::c_sum));
  compare("d_sum", expected.d_sum, term(&gqos::AdGuaranteed::d_sum));
  return misses;
}

void check_adspec(const scenario::AdspecFields& expected, const gqos::Adspec& actual,
                  const std::string& where, std::vector<Failure>& failures) {
  for (const FieldMiss& miss : adspec_misses(expected, &actual)) {
    failures.push_back(Failure{expected.mark, "expected adspec " + miss.key + " " + where + " " +
                                                  miss.expected + " vs actual " + miss.actual});
  }
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
