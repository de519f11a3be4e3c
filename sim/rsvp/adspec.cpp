#include "rsvp/adspec.hpp"

#include <algorithm>

#include "gqos/constants.hpp"

namespace qosbed::rsvp {

namespace {

// Composed values stop at the largest the ADSPEC can say, which reads as "infinite".
gqos::Ulong saturate(std::uint64_t value) {
  return static_cast<gqos::Ulong>(std::min<std::uint64_t>(value, gqos::positive_infinity_rate));
}

gqos::Ulong add(gqos::Ulong sum, std::uint64_t term) {
  return saturate(std::uint64_t{sum} + term);
}

// A fragment's overrides: every parameter QOS_NOT_SPECIFIED (not overridden), no break bit.
constexpr gqos::AdGeneralParams no_overrides{gqos::qos_not_specified, gqos::qos_not_specified,
                                             gqos::qos_not_specified, gqos::qos_not_specified, 0};

}  // namespace

void compose_hop(PathAdspec& adspec, const LinkSpec& link) {
  gqos::AdGeneralParams& general = adspec.general;
  general.intserv_aware_hop_count = add(general.intserv_aware_hop_count, 1);
  general.path_bandwidth_estimate =
      std::min(general.path_bandwidth_estimate, saturate(link.bandwidth));
  general.minimum_latency = add(general.minimum_latency, static_cast<std::uint64_t>(link.delay_us));
  general.path_mtu = std::min(general.path_mtu, link.mtu);
  const auto d_us = static_cast<std::uint64_t>(link.d_us);
  gqos::AdGuaranteed& terms = adspec.guaranteed;
  terms.c_total = add(terms.c_total, link.c);
  terms.d_total = add(terms.d_total, d_us);
  terms.c_sum = add(terms.c_sum, link.c);
  terms.d_sum = add(terms.d_sum, d_us);
}

gqos::Adspec adspec_object(const PathAdspec& adspec) {
  gqos::Adspec object;
  object.general_params = adspec.general;
  object.services.push_back(
      gqos::ControlService{0, gqos::service_type::guaranteed, no_overrides, adspec.guaranteed});
  object.services.push_back(gqos::ControlService{0, gqos::service_type::controlled_load,
                                                 no_overrides, gqos::AdGuaranteed{0, 0, 0, 0}});
  return object;
}

}  // namespace qosbed::rsvp
