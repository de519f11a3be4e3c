// The network a simulation runs on: hosts and routers, and full-duplex point-to-point links with
// bandwidth, propagation delay, loss probability, reservable bandwidth and an up/down state.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/clock.hpp"
#include "rsvp/session.hpp"

namespace qosbed::rsvp {

enum class NodeKind { host, router };

struct Node {
  std::string name;
  NodeKind kind = NodeKind::host;
  Address address = 0;
  // False for a router that does not run RSVP: it forwards RSVP messages as plain datagrams,
  // untouched, and keeps no state (RFC 2205 section 2.9, non-RSVP clouds).
  bool runs_rsvp = true;
};

inline constexpr std::uint32_t default_mtu = 1500;

struct LinkSpec {
  std::uint64_t bandwidth = 0;  // bytes per second, each direction
  engine::TimeUs delay_us = 0;
  double loss = 0.0;  // probability that one message is lost, in [0, 1]
  // Bytes per second admission control may hand out in each direction; the bandwidth if unset.
  std::optional<std::uint64_t> reservable;
  // What the link adds to a PATH's ADSPEC: its MTU (bytes; Ethernet's unless given) and
  // Guaranteed service's error terms of RFC 2212, C (bytes) and D (microseconds).
  std::uint32_t mtu = default_mtu;
  std::uint32_t c = 0;
  engine::TimeUs d_us = 0;
};

struct Link {
  NodeId a = 0;
  NodeId b = 0;
  LinkSpec spec;
  bool up = true;

  std::uint64_t reservable() const { return spec.reservable.value_or(spec.bandwidth); }
  NodeId other_end(NodeId node) const { return node == a ? b : a; }
};

// One direction of a link, named by the node that sends on it: an outgoing interface.
struct Interface {
  LinkId link = 0;
  NodeId from = 0;
  friend auto operator<=>(const Interface&, const Interface&) = default;
};

class Topology {
 public:
  NodeId add_host(std::string name, Address address);
  NodeId add_router(std::string name, Address address);
  NodeId add_non_rsvp_router(std::string name, Address address);
  // std::invalid_argument for an unknown node, a self loop or a loss outside [0, 1].
  LinkId add_link(NodeId a, NodeId b, LinkSpec spec);

  const std::vector<Node>& nodes() const { return nodes_; }
  const std::vector<Link>& links() const { return links_; }
  const Node& node(NodeId id) const { return nodes_.at(id); }
  const Link& link(LinkId id) const { return links_.at(id); }
  Link& link(LinkId id) { return links_.at(id); }
  std::optional<NodeId> find_address(Address address) const;
  std::optional<NodeId> find_name(const std::string& name) const;
  // The links at a node, in the order they were added.
  const std::vector<LinkId>& links_at(NodeId node) const { return adjacency_.at(node); }
  // The link between two neighbours, if any (the first added when there are several).
  std::optional<LinkId> link_between(NodeId a, NodeId b) const;

 private:
  NodeId add_node(std::string name, NodeKind kind, Address address);

  std::vector<Node> nodes_;
  std::vector<Link> links_;
  std::vector<std::vector<LinkId>> adjacency_;
};

}  // namespace qosbed::rsvp
