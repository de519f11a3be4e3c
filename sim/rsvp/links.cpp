#include "rsvp/links.hpp"

#include <algorithm>
#include <functional>
#include <stdexcept>
#include <utility>

namespace qosbed::rsvp {

Links::Links(engine::Scheduler& queue, Topology topology, Random& random)
    : queue_(queue), topology_(std::move(topology)), routing_(topology_), random_(random) {}

Links::~Links() {
  halt();
}

void Links::halt() {
  for (InFlight& message : in_flight_) {
    if (message.event != 0) queue_.cancel(message.event);
    message.event = 0;
  }
}

void Links::set_link_up(LinkId link, bool up) {
  topology_.link(link).up = up;
  routing_.forget();
}

void Links::set_link_loss(LinkId link, double loss) {
  if (!(loss >= 0.0 && loss <= 1.0)) throw std::invalid_argument("loss outside [0, 1]");
  topology_.link(link).spec.loss = loss;
}

std::optional<Interface> Links::interface_toward(NodeId from, NodeId neighbour) const {
  if (auto link = topology_.link_between(from, neighbour)) return Interface{*link, from};
  return std::nullopt;
}

void Links::send(Interface itf, Message message, std::optional<NodeId> target) {
  const Link& link = topology_.link(itf.link);
  const NodeId to = link.other_end(itf.from);
  const Routed via{itf.from, itf.link, target, 0};
  if (observer_ && topology_.node(to).runs_rsvp) {
    observer_->on_sent(itf.from, to, itf.link, message);
  } else if (observer_) {
    observer_->on_routed(itf.from, to, itf.link, message, via);
  }
  transmit(itf, std::move(message), via);
}

void Links::transmit(Interface itf, Message message, const Routed& via) {
  const Link& link = topology_.link(itf.link);
  const NodeId to = link.other_end(itf.from);
  if (!link.up || random_.lost(link.spec.loss)) {
    if (observer_) {
      observer_->on_dropped(itf.from, to, itf.link, message,
                            link.up ? Drop::lost : Drop::link_down);
    }
    return;
  }
  const std::uint32_t slot = take_slot();
  InFlight& in_flight = in_flight_[slot];
  in_flight.message = std::move(message);
  in_flight.to = to;
  in_flight.itf = itf;
  in_flight.via = via;
  in_flight.event =
      queue_.schedule_at(queue_.now_us() + link.spec.delay_us, [this, slot] { arrive(slot); });
}

// The pool hands out its lowest free slot, so that what stays in flight gathers at its start
// and the slots past the last one in use can be dropped: a burst, such as every flow of a
// network starting at once, would otherwise leave the pool as large as the burst for good,
// however few messages the refreshes after it keep in flight. A free slot's event is 0.
std::uint32_t Links::take_slot() {
  const auto lowest_first = std::greater<std::uint32_t>{};
  while (!free_in_flight_.empty()) {
    std::pop_heap(free_in_flight_.begin(), free_in_flight_.end(), lowest_first);
    const std::uint32_t slot = free_in_flight_.back();
    free_in_flight_.pop_back();
    if (slot < in_flight_.size()) return slot;
    // Past the end: dropped with the slots after the last in use. So are all that remain.
    free_in_flight_.clear();
  }
  in_flight_.emplace_back();
  return static_cast<std::uint32_t>(in_flight_.size() - 1);
}

void Links::free_slot(std::uint32_t slot) {
  in_flight_[slot].event = 0;
  if (slot + 1 < in_flight_.size()) {
    free_in_flight_.push_back(slot);
    std::push_heap(free_in_flight_.begin(), free_in_flight_.end(), std::greater<std::uint32_t>{});
    return;
  }
  while (!in_flight_.empty() && in_flight_.back().event == 0) in_flight_.pop_back();
  if (in_flight_.size() < in_flight_.capacity() / 4 && in_flight_.capacity() > kept_in_flight) {
    in_flight_.shrink_to_fit();
    std::erase_if(free_in_flight_,
                  [this](std::uint32_t free) { return free >= in_flight_.size(); });
    std::make_heap(free_in_flight_.begin(), free_in_flight_.end(), std::greater<std::uint32_t>{});
    free_in_flight_.shrink_to_fit();
  }
}

void Links::arrive(std::uint32_t slot) {
  // Out of the pool first: delivering sends further messages, which may reuse the slot or grow
  // the pool.
  InFlight& in_flight = in_flight_[slot];
  const Message message = std::move(in_flight.message);
  const NodeId to = in_flight.to;
  const Interface itf = in_flight.itf;
  const Routed via = in_flight.via;
  free_slot(slot);
  if (observer_) observer_->on_received(to, itf.from, itf.link, message);
  if (!topology_.node(to).runs_rsvp) return forward(to, message, via);
  if (receiver_) receiver_->deliver(to, via.hop, itf.link, message);
}

void Links::forward(NodeId at, Message message, Routed via) {
  // Path and PathTear go to the session's address; the model routes it when a host has it (a
  // group's members are known to the protocol alone, so a group's PATH stops here).
  std::optional<NodeId> target = via.target;
  if (!target) target = topology_.find_address(session_of(message).destination);
  if (!target || *target == at) return;
  const auto hop = routing_.next_hop(at, *target);
  if (!hop) return;
  ++via.routers;  // this one, for the IP TTL
  if (observer_) {
    const Link& link = topology_.link(hop->link);
    observer_->on_routed(at, link.other_end(at), hop->link, message, via);
  }
  transmit(*hop, std::move(message), via);
}

void Links::send_toward(NodeId from, NodeId target, Message message) {
  if (from == target) {
    deliver(target, from, 0, message);
    return;
  }
  if (auto hop = routing_.next_hop(from, target)) send(*hop, std::move(message), target);
}

void Links::deliver(NodeId at, NodeId from, LinkId link, const Message& message) {
  if (observer_ && from != at) observer_->on_received(at, from, link, message);
  if (receiver_) receiver_->deliver(at, from, link, message);
}

}  // namespace qosbed::rsvp
