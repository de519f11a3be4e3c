#include "rsvp/merge.hpp"

#include <map>
#include <set>

namespace qosbed::rsvp {

void merge_into(Style style, const std::vector<FlowDescriptor>& parts,
                std::vector<FlowDescriptor>& merged) {
  if (parts.empty()) return;
  if (style == Style::ff) {
    std::map<SenderId, gqos::FlowSpec> per_sender;
    for (const auto& part : parts) {
      for (const auto& sender : part.filters) {
        auto [it, added] = per_sender.try_emplace(sender, part.flowspec);
        if (!added) it->second = lub(it->second, part.flowspec);
      }
    }
    for (const auto& [sender, flowspec] : per_sender) merged.push_back({flowspec, {sender}});
    return;
  }
  FlowDescriptor one{parts.front().flowspec, {}};
  std::set<SenderId> filters;
  for (const auto& part : parts) {
    one.flowspec = lub(one.flowspec, part.flowspec);
    filters.insert(part.filters.begin(), part.filters.end());
  }
  if (style == Style::se) one.filters.assign(filters.begin(), filters.end());
  merged.push_back(std::move(one));
}

std::vector<FlowDescriptor> merge(Style style, const std::vector<FlowDescriptor>& parts) {
  std::vector<FlowDescriptor> merged;
  merge_into(style, parts, merged);
  return merged;
}

bool blockades_request(const gqos::FlowSpec& qb, const gqos::FlowSpec& qi) {
  return qb.token_rate <= qi.token_rate || qb.token_bucket_size <= qi.token_bucket_size ||
         qb.peak_bandwidth <= qi.peak_bandwidth || qb.max_sdu_size <= qi.max_sdu_size ||
         qb.minimum_policed_size >= qi.minimum_policed_size;
}

}  // namespace qosbed::rsvp
