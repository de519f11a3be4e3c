#include "rsvp/sp_adapter.hpp"

#include <algorithm>
#include <utility>

#include "gqos/constants.hpp"
#include "rsvp/adspec.hpp"

namespace qosbed::rsvp {

namespace {

// Finer ExtendedStatus2 values of qossp.h that gqos/constants.hpp does not name (gqos/names.cpp
// does, under these SDK names).
constexpr std::uint32_t gqos_bandwidth = 56103;
constexpr std::uint32_t gqos_policy_error_unknown = 56200;
constexpr std::uint32_t gqos_no_path = 56301;
constexpr std::uint32_t gqos_no_sender = 56302;
constexpr std::uint32_t gqos_bad_style = 56303;
constexpr std::uint32_t gqos_bad_dstport = 56305;

gqos::Indication make(std::uint32_t status, gqos::Direction direction,
                      const gqos::FlowSpec& flowspec, std::uint32_t extended1 = 0,
                      std::uint32_t extended2 = 0) {
  gqos::Indication indication;
  indication.status = status;
  if (direction == gqos::Direction::sending) {
    indication.sending = flowspec;
  } else {
    indication.receiving = flowspec;
  }
  indication.extended_status1 = extended1;
  indication.extended_status2 = extended2;
  return indication;
}

gqos::Indication make(std::uint32_t status, const gqos::FlowSpec& flowspec) {
  return make(status, gqos::direction_of_status(status), flowspec);
}

// An RSVP error as the SP states it (W32:qos-event-codes, W32:error-codes): the status, and
// ExtendedStatus1/2 the category and detail of its RFC 2205 Appendix B code; the FLOWSPEC in the
// direction of the socket the message reaches (docs/behaviour.md D20).
gqos::Indication indication_of(ErrorCode code, gqos::Direction direction,
                               const gqos::FlowSpec& flowspec) {
  namespace status = gqos::status;
  namespace extended = gqos::extended_status;
  switch (code) {
    case ErrorCode::admission_failure:  // sub-code 2, requested bandwidth unavailable
      return make(status::admission_failure, direction, flowspec, extended::net_admission,
                  gqos_bandwidth);
    case ErrorCode::policy_failure:
      return make(status::policy_failure, direction, flowspec, extended::net_policy,
                  gqos_policy_error_unknown);
    case ErrorCode::no_path:
      return make(status::generic_error, direction, flowspec, extended::rsvp, gqos_no_path);
    case ErrorCode::no_sender:
      return make(status::generic_error, direction, flowspec, extended::rsvp, gqos_no_sender);
    case ErrorCode::conflicting_style:
      return make(status::bad_style, direction, flowspec, extended::rsvp, gqos_bad_style);
    case ErrorCode::conflicting_dest_ports:
      return make(status::generic_error, direction, flowspec, extended::rsvp, gqos_bad_dstport);
  }
  return make(status::generic_error, direction, flowspec, extended::rsvp);
}

gqos::FlowSpec merged(const std::vector<FlowDescriptor>& descriptors) {
  if (descriptors.empty()) return gqos::unspecified_flowspec(gqos::service_type::no_traffic);
  gqos::FlowSpec flowspec = descriptors.front().flowspec;
  for (const auto& descriptor : descriptors) flowspec = lub(flowspec, descriptor.flowspec);
  return flowspec;
}

// The hash of fingerprint(): 64-bit FNV-1a.
class Fnv1a {
 public:
  void add(std::uint32_t value) {
    for (int shift = 0; shift < 32; shift += 8) add_byte(static_cast<std::uint8_t>(value >> shift));
  }
  void add(const std::optional<gqos::FlowSpec>& flowspec) {
    add(flowspec ? 1u : 0u);
    if (!flowspec) return;
    for (auto field : {&gqos::FlowSpec::token_rate, &gqos::FlowSpec::token_bucket_size,
                       &gqos::FlowSpec::peak_bandwidth, &gqos::FlowSpec::latency,
                       &gqos::FlowSpec::delay_variation, &gqos::FlowSpec::service_type,
                       &gqos::FlowSpec::max_sdu_size, &gqos::FlowSpec::minimum_policed_size}) {
      add((*flowspec).*field);
    }
  }
  void add_byte(std::uint8_t byte) { hash_ = (hash_ ^ byte) * 0x100000001b3ULL; }
  std::uint64_t value() const { return hash_; }

 private:
  std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

}  // namespace

gqos::Indication senders_indication(const PathState& path) {
  auto indication = make(gqos::status::senders, path.tspec);
  indication.objects.push_back(gqos::make_adspec(adspec_object(path.adspec)));
  return indication;
}

gqos::Indication receivers_indication(const std::vector<FlowDescriptor>& reserved) {
  return receivers_indication(merged(reserved));
}

gqos::Indication receivers_indication(const gqos::FlowSpec& reserved) {
  return make(gqos::status::receivers, reserved);
}

std::optional<gqos::FlowSpec> reserved_for(const std::vector<FlowDescriptor>& reserved,
                                           const SenderId& sender) {
  for (const auto& descriptor : reserved) {
    if (descriptor.filters.empty() ||
        std::find(descriptor.filters.begin(), descriptor.filters.end(), sender) !=
            descriptor.filters.end()) {
      return descriptor.flowspec;
    }
  }
  return std::nullopt;
}

gqos::Indication no_senders_indication() {
  return make(gqos::status::no_senders, gqos::unspecified_flowspec(gqos::service_type::no_traffic));
}

gqos::Indication no_receivers_indication() {
  return make(gqos::status::no_receivers,
              gqos::unspecified_flowspec(gqos::service_type::no_traffic));
}

gqos::Indication confirmed_indication(const ResvConf& conf) {
  return make(gqos::status::request_confirmed, merged(conf.descriptors));
}

gqos::Indication error_indication(const ResvErr& err) {
  return indication_of(err.error.code, gqos::Direction::receiving, err.descriptor.flowspec);
}

gqos::Indication error_indication(const PathErr& err) {
  return indication_of(err.error.code, gqos::Direction::sending, err.tspec);
}

std::uint64_t fingerprint(const gqos::Indication& indication) {
  Fnv1a hash;
  hash.add(indication.status);
  hash.add(indication.extended_status1);
  hash.add(indication.extended_status2);
  hash.add(indication.sending);
  hash.add(indication.receiving);
  for (const auto& object : indication.objects) {
    hash.add(object.type);
    hash.add(object.declared_length.value_or(object.encoded_size()));
    for (const std::byte byte : object.body) hash.add_byte(static_cast<std::uint8_t>(byte));
  }
  return hash.value();
}

}  // namespace qosbed::rsvp
