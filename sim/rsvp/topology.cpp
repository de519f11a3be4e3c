#include "rsvp/topology.hpp"

#include <stdexcept>
#include <utility>

namespace qosbed::rsvp {

NodeId Topology::add_node(std::string name, NodeKind kind, Address address) {
  nodes_.push_back(Node{std::move(name), kind, address});
  adjacency_.emplace_back();
  return static_cast<NodeId>(nodes_.size() - 1);
}

NodeId Topology::add_host(std::string name, Address address) {
  return add_node(std::move(name), NodeKind::host, address);
}

NodeId Topology::add_router(std::string name, Address address) {
  return add_node(std::move(name), NodeKind::router, address);
}

NodeId Topology::add_non_rsvp_router(std::string name, Address address) {
  const NodeId id = add_node(std::move(name), NodeKind::router, address);
  nodes_[id].runs_rsvp = false;
  return id;
}

LinkId Topology::add_link(NodeId a, NodeId b, LinkSpec spec) {
  if (a >= nodes_.size() || b >= nodes_.size()) throw std::invalid_argument("unknown node");
  if (a == b) throw std::invalid_argument("a link needs two different nodes");
  if (!(spec.loss >= 0.0 && spec.loss <= 1.0)) throw std::invalid_argument("loss outside [0, 1]");
  links_.push_back(Link{a, b, spec, true});
  const auto id = static_cast<LinkId>(links_.size() - 1);
  adjacency_[a].push_back(id);
  adjacency_[b].push_back(id);
  return id;
}

std::optional<NodeId> Topology::find_address(Address address) const {
  for (NodeId id = 0; id < nodes_.size(); ++id) {
    if (nodes_[id].address == address) return id;
  }
  return std::nullopt;
}

std::optional<NodeId> Topology::find_name(const std::string& name) const {
  for (NodeId id = 0; id < nodes_.size(); ++id) {
    if (nodes_[id].name == name) return id;
  }
  return std::nullopt;
}

std::optional<LinkId> Topology::link_between(NodeId a, NodeId b) const {
  for (LinkId id : adjacency_.at(a)) {
    if (links_[id].other_end(a) == b) return id;
  }
  return std::nullopt;
}

}  // namespace qosbed::rsvp
