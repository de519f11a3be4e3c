// Messages on their way between neighbours: the topology, unicast routing and every message in
// flight. A message sent on an interface is seen by the MessageObserver, then lost (by the link's
// loss, drawn from the run's one generator) or dropped (the link is down), or else handed to the
// MessageReceiver after the link's delay. A router that does not run RSVP receives nothing: it
// routes the message on, untouched, toward its IP destination, until an RSVP node gets it as
// sent by the RSVP node it came from (RFC 2205 section 2.9). Nothing here knows what a message
// means beyond where it is addressed.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "engine/scheduler.hpp"
#include "rsvp/messages.hpp"
#include "rsvp/observer.hpp"
#include "rsvp/routing.hpp"
#include "rsvp/soft_state.hpp"
#include "rsvp/topology.hpp"

namespace qosbed::rsvp {

// Where messages arrive: the protocol running at every node.
class MessageReceiver {
 public:
  virtual void deliver(NodeId at, NodeId from, LinkId link, const Message& message) = 0;

 protected:
  ~MessageReceiver() = default;
};

class Links {
 public:
  Links(engine::Scheduler& queue, Topology topology, Random& random);
  // Cancels every delivery still scheduled: the queue may outlive the links.
  ~Links();
  Links(const Links&) = delete;
  Links& operator=(const Links&) = delete;

  void set_receiver(MessageReceiver* receiver) { receiver_ = receiver; }
  void set_observer(MessageObserver* observer) { observer_ = observer; }

  const Topology& topology() const { return topology_; }
  Routing& routing() { return routing_; }

  // A link change recomputes routes on their next use.
  void set_link_up(LinkId link, bool up);
  // std::invalid_argument outside [0, 1].
  void set_link_loss(LinkId link, double loss);
  std::optional<Interface> interface_toward(NodeId from, NodeId neighbour) const;

  // `target`: the RSVP node the message is addressed to, when routers that do not run RSVP may
  // lie between (a Resv to its previous hop); none for Path and PathTear, addressed to the
  // session's destination.
  void send(Interface itf, Message message, std::optional<NodeId> target = std::nullopt);
  // Routed hop by hop like any unicast datagram toward `target` (a ResvConf to its receiver);
  // delivered at once when `from` is the target, and nowhere when it is unreachable.
  void send_toward(NodeId from, NodeId target, Message message);

  // Cancels every delivery still scheduled: what is in flight is never delivered.
  void halt();

 private:
  // A message on its way over a link: kept here, so the queue's event holds only its index.
  struct InFlight {
    Message message;
    NodeId to = 0;
    Interface itf;
    Routed via;                 // the RSVP node it is from, and where it goes
    engine::EventId event = 0;  // 0 once delivered
  };
  void transmit(Interface itf, Message message, const Routed& via);
  std::uint32_t take_slot();
  void free_slot(std::uint32_t slot);
  void arrive(std::uint32_t slot);
  // At a router that does not run RSVP: on toward the message's destination, if routing has one.
  void forward(NodeId at, Message message, Routed via);
  void deliver(NodeId at, NodeId from, LinkId link, const Message& message);

  engine::Scheduler& queue_;
  Topology topology_;
  Routing routing_;
  Random& random_;
  MessageReceiver* receiver_ = nullptr;
  MessageObserver* observer_ = nullptr;
  // Below this many slots the pool is not worth shrinking.
  static constexpr std::size_t kept_in_flight = 1024;
  std::vector<InFlight> in_flight_;
  std::vector<std::uint32_t> free_in_flight_;  // free slots before the last in use, a min-heap
};

}  // namespace qosbed::rsvp
