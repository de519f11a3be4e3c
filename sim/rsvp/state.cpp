#include "rsvp/state.hpp"

namespace qosbed::rsvp {

namespace {

void add_to(WordHash& hash, const std::optional<std::uint32_t>& value) {
  hash.add(value ? std::uint64_t{*value} : std::uint64_t{1} << 32);
}

}  // namespace

std::size_t PathStateHash::operator()(const PathState& state) const {
  WordHash hash;
  add_to(hash, state.tspec);
  const gqos::AdGeneralParams& general = state.adspec.general;
  hash.add((std::uint64_t{general.intserv_aware_hop_count} << 32) | general.path_bandwidth_estimate)
      .add((std::uint64_t{general.minimum_latency} << 32) | general.path_mtu)
      .add(general.flags);
  const gqos::AdGuaranteed& guaranteed = state.adspec.guaranteed;
  hash.add((std::uint64_t{guaranteed.c_total} << 32) | guaranteed.d_total)
      .add((std::uint64_t{guaranteed.c_sum} << 32) | guaranteed.d_sum);
  add_to(hash, state.phop);
  add_to(hash, state.in_link);
  hash.add((std::uint64_t{state.node} << 32) | state.policy);
  for (const Interface& itf : state.outs) hash.add((std::uint64_t{itf.link} << 32) | itf.from);
  hash.add(state.outs.size());
  return hash.value();
}

std::size_t ReservedListHash::operator()(const std::vector<FlowDescriptor>& list) const {
  WordHash hash;
  add_to(hash, list);
  return hash.value();
}

std::size_t ResvStateHash::operator()(const ResvState& state) const {
  WordHash hash;
  hash.add((std::uint64_t{state.node} << 32) | state.policy)
      .add(static_cast<unsigned>(state.style));
  add_to(hash, state.descriptors);
  add_to(hash, state.confirm_to);
  add_to(hash, state.link);
  return hash.value();
}

}  // namespace qosbed::rsvp
