#include "rsvp/wire_form.hpp"

#include <cmath>

#include "gqos/constants.hpp"
#include "rsvp/overloaded.hpp"
#include "rsvp_wire/identity.hpp"

namespace qosbed::rsvp {

namespace {

namespace wire = rsvp_wire;

constexpr std::uint8_t send_ttl = 64;

float rate(gqos::Ulong value) {
  return value == gqos::qos_not_specified || value == gqos::positive_infinity_rate
             ? INFINITY
             : static_cast<float>(value);
}

wire::Session session_of(const Session& session) {
  return wire::Session{session.destination, session.protocol, 0, session.port};
}

wire::FilterSpec filter_of(const SenderId& sender) {
  return wire::FilterSpec{sender.address, sender.port};
}

wire::Tspec tspec_of(const gqos::FlowSpec& flowspec) {
  return wire::Tspec{rate(flowspec.token_rate), rate(flowspec.token_bucket_size),
                     rate(flowspec.peak_bandwidth), flowspec.minimum_policed_size,
                     flowspec.max_sdu_size};
}

wire::FlowSpec flowspec_of(const gqos::FlowSpec& flowspec) {
  wire::FlowSpec out{tspec_of(flowspec), std::nullopt};
  if (flowspec.service_type == gqos::service_type::guaranteed) {
    const std::uint32_t slack =
        flowspec.delay_variation == gqos::qos_not_specified ? 0 : flowspec.delay_variation;
    out.rspec = wire::Rspec{rate(flowspec.token_rate), slack};
  }
  return out;
}

// The model's ADSPEC has both fragments, neither overriding a general parameter nor broken on its
// own (PathAdspec): only the general parameters and the Guaranteed terms vary.
wire::Adspec adspec_of(const PathAdspec& adspec) {
  const gqos::AdGeneralParams& general = adspec.general;
  const gqos::AdGuaranteed& g = adspec.guaranteed;
  wire::Adspec out;
  out.general = wire::GeneralParameters{adspec.broken(), general.intserv_aware_hop_count,
                                        rate(general.path_bandwidth_estimate),
                                        general.minimum_latency, general.path_mtu};
  out.guaranteed = wire::GuaranteedFragment{
      false, wire::GuaranteedTerms{g.c_total, g.d_total, g.c_sum, g.d_sum}, {}};
  out.controlled_load = wire::ControlledLoadFragment{false, {}};
  return out;
}

wire::Style style_of(Style style) {
  switch (style) {
    case Style::wf:
      return wire::Style::wf;
    case Style::ff:
      return wire::Style::ff;
    case Style::se:
      return wire::Style::se;
  }
  return wire::Style::wf;
}

// The style a list of descriptors was made under (see the header for the one ambiguity).
wire::Style style_of(const std::vector<FlowDescriptor>& descriptors) {
  for (const FlowDescriptor& descriptor : descriptors) {
    if (descriptor.filters.empty()) return wire::Style::wf;
  }
  if (descriptors.size() == 1 && descriptors.front().filters.size() > 1) return wire::Style::se;
  return wire::Style::ff;
}

std::vector<wire::FlowDescriptor> descriptors_of(const std::vector<FlowDescriptor>& descriptors) {
  std::vector<wire::FlowDescriptor> out;
  for (const FlowDescriptor& descriptor : descriptors) {
    wire::FlowDescriptor wire_descriptor{flowspec_of(descriptor.flowspec), {}};
    for (const SenderId& sender : descriptor.filters) {
      wire_descriptor.filters.push_back(filter_of(sender));
    }
    out.push_back(std::move(wire_descriptor));
  }
  return out;
}

wire::ErrorSpec error_of(const ErrorSpec& error, const Topology& topology) {
  // RFC 2205 appendix B: the model's codes are the RFC's; its admission control counts bytes/s.
  const std::uint16_t value = error.code == ErrorCode::admission_failure
                                  ? wire::admission_value::requested_bandwidth_unavailable
                                  : 0;
  return wire::ErrorSpec{topology.node(error.node).address, 0,
                         static_cast<std::uint8_t>(error.code), value};
}

// RFC 2750 section 3.1: one POLICY_DATA object may hold several policy elements.
std::vector<wire::PolicyData> policy_of(PolicyRef policy, const PolicyTable* policies) {
  if (policy == no_policy || !policies) return {};
  wire::PolicyData data;
  for (const PolicyElement& element : policies->elements(policy)) {
    data.elements.push_back(wire::auth_user(element.user));
  }
  return {std::move(data)};
}

}  // namespace

WirePacket to_wire(const Message& message, const Topology& topology, const WireContext& context) {
  const Address from = topology.node(context.from).address;
  const Address to = topology.node(context.to).address;
  const wire::Hop hop{from, context.link};
  const wire::TimeValues times{static_cast<std::uint32_t>(context.refresh_us / 1'000)};
  WirePacket packet;
  packet.message.send_ttl = send_ttl;
  // Section 3.1: Path and PathTear go from the sender to the session's address, like its data;
  // ResvConf to the receiver; the others to the neighbour.
  packet.source = from;
  packet.destination = to;
  std::visit(
      Overloaded{
          [&](const Path& m) {
            packet.message.body = wire::Path{
                session_of(m.session),
                hop,
                times,
                policy_of(m.policy, context.policies),
                wire::SenderDescriptor{filter_of(m.sender), tspec_of(m.tspec), adspec_of(m.adspec)},
                {}};
            packet.source = m.sender.address;
            packet.destination = m.session.destination;
          },
          [&](const Resv& m) {
            std::optional<wire::ResvConfirm> confirm;
            if (m.confirm_to) confirm = wire::ResvConfirm{topology.node(*m.confirm_to).address};
            packet.message.body = wire::Resv{session_of(m.session),
                                             hop,
                                             times,
                                             confirm,
                                             {},
                                             policy_of(m.policy, context.policies),
                                             style_of(m.style),
                                             descriptors_of(m.descriptors),
                                             {}};
          },
          [&](const PathTear& m) {
            packet.message.body = wire::PathTear{
                session_of(m.session),
                hop,
                wire::SenderDescriptor{filter_of(m.sender), std::nullopt, std::nullopt},
                {}};
            packet.source = m.sender.address;
            packet.destination = m.session.destination;
          },
          [&](const ResvTear& m) {
            packet.message.body =
                wire::ResvTear{session_of(m.session), hop, {}, wire::Style::wf, {}, {}};
          },
          [&](const PathErr& m) {
            // The sender descriptor copied from the Path in error (section 3.1.7).
            const wire::SenderDescriptor sender{filter_of(m.sender), tspec_of(m.tspec),
                                                std::nullopt};
            packet.message.body =
                wire::PathErr{session_of(m.session), error_of(m.error, topology), {}, sender, {}};
          },
          [&](const ResvErr& m) {
            const std::vector<FlowDescriptor> failed{m.descriptor};
            packet.message.body = wire::ResvErr{session_of(m.session),
                                                hop,
                                                error_of(m.error, topology),
                                                {},
                                                {},
                                                style_of(failed),
                                                descriptors_of(failed).front(),
                                                {}};
          },
          [&](const ResvConf& m) {
            const wire::ErrorSpec confirmed{from, 0, wire::error_code::confirmation, 0};
            packet.message.body =
                wire::ResvConf{session_of(m.session),
                               confirmed,
                               wire::ResvConfirm{topology.node(m.receiver).address},
                               style_of(m.descriptors),
                               descriptors_of(m.descriptors),
                               {}};
            packet.destination = topology.node(m.receiver).address;
          },
      },
      message);
  return packet;
}

}  // namespace qosbed::rsvp
