#include "rsvp/routing.hpp"

#include <algorithm>
#include <limits>
#include <set>
#include <tuple>

namespace qosbed::rsvp {

const std::vector<Routing::Entry>& Routing::table(NodeId from) {
  const std::size_t n = topology_.nodes().size();
  if (tables_.size() != n) tables_.assign(n, {});
  auto& entries = tables_[from];
  if (!entries.empty()) return entries;

  // Dijkstra on (delay, hops, first link id, node): the extra keys make ties deterministic.
  constexpr auto infinity = std::numeric_limits<engine::TimeUs>::max();
  using Key = std::tuple<engine::TimeUs, std::size_t, LinkId, NodeId>;
  std::vector<Key> best(n, Key{infinity, 0, 0, 0});
  entries.assign(n, Entry{});
  std::set<Key> frontier;
  best[from] = Key{0, 0, 0, from};
  frontier.insert(best[from]);
  while (!frontier.empty()) {
    const auto [delay, hops, first, node] = *frontier.begin();
    frontier.erase(frontier.begin());
    if (node != from && topology_.node(node).kind == NodeKind::host) continue;
    for (LinkId id : topology_.links_at(node)) {
      const Link& link = topology_.link(id);
      if (!link.up) continue;
      const NodeId next = link.other_end(node);
      const LinkId next_first = node == from ? id : first;
      const Key candidate{delay + link.spec.delay_us, hops + 1, next_first, next};
      if (candidate < best[next]) {
        if (std::get<0>(best[next]) != infinity) frontier.erase(best[next]);
        best[next] = candidate;
        entries[next] = Entry{next_first, node};
        frontier.insert(candidate);
      }
    }
  }
  return entries;
}

std::optional<Interface> Routing::next_hop(NodeId from, NodeId to) {
  if (from == to) return std::nullopt;
  const auto& entries = table(from);
  if (!entries[to].first_link) return std::nullopt;
  return Interface{*entries[to].first_link, from};
}

std::vector<NodeId> Routing::path(NodeId from, NodeId to) {
  if (from == to) return {from};
  const auto& entries = table(from);
  if (!entries[to].previous) return {};
  std::vector<NodeId> nodes{to};
  for (NodeId at = to; at != from;) {
    at = *entries[at].previous;
    nodes.push_back(at);
  }
  std::reverse(nodes.begin(), nodes.end());
  return nodes;
}

}  // namespace qosbed::rsvp
