// Unicast routing over a Topology: the shortest path by total link delay, ties broken by fewer
// hops and then by the lower link id, so the choice is deterministic. Delay rather than hop count
// because it is what a message actually experiences in the model. Hosts are never transit nodes.
// Down links are ignored; forget() drops the cached tables when a link changes.
#pragma once

#include <optional>
#include <vector>

#include "rsvp/topology.hpp"

namespace qosbed::rsvp {

class Routing {
 public:
  explicit Routing(const Topology& topology) : topology_(topology) {}

  // The outgoing interface at `from` on the shortest path to `to`; nullopt when `to` is `from`
  // or unreachable.
  std::optional<Interface> next_hop(NodeId from, NodeId to);
  // The nodes from `from` to `to`, both included; empty when unreachable.
  std::vector<NodeId> path(NodeId from, NodeId to);
  // Called when a link goes up or down: every table is recomputed on its next use.
  void forget() { tables_.clear(); }

 private:
  struct Entry {
    std::optional<LinkId> first_link;  // the link leaving the source
    std::optional<NodeId> previous;
  };
  const std::vector<Entry>& table(NodeId from);

  const Topology& topology_;
  std::vector<std::vector<Entry>> tables_;  // per source, empty until used
};

}  // namespace qosbed::rsvp
