// The host's SP (rsvp::HostSp) over a small network, for the HostSp suites: sockets described
// as gqos::SocketQos values, every message logged and every indication kept.
//
//   s (10.0.0.1)  \                    / d (10.0.0.2)
//                  r1 ------------ r2
//   s2 (10.0.0.3) /                    \ d2 (10.0.0.4)
//
// Node ids: s 0, r1 1, r2 2, d 3, s2 4, d2 5. Every link 1 ms and 1,000,000 bytes/s; r1 - r2
// may be given a smaller reservable bandwidth.
#pragma once

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "gqos/names.hpp"
#include "gqos/socket_qos.hpp"
#include "rsvp/host_sp.hpp"
#include "rsvp_fixture.hpp"

namespace rsvp_test {

constexpr Address s_address = 0x0A000001;
constexpr Address d_address = 0x0A000002;
constexpr Address s2_address = 0x0A000003;
constexpr Address d2_address = 0x0A000004;
constexpr Address group = 0xE0010101;  // 224.1.1.1

struct Told {
  TimeUs at_us = 0;
  NodeId host = 0;
  gqos::SocketId socket = 0;
  gqos::Indication indication;
};

struct SpNet {
  engine::EventQueue queue;
  NodeId s = 0, r1 = 1, r2 = 2, d = 3, s2 = 4, d2 = 5;
  LinkId s_r1 = 0, r1_r2 = 1, r2_d = 2, s2_r1 = 3, r2_d2 = 4;
  MessageLog messages{queue};
  std::vector<Told> told;
  std::unique_ptr<Network> net;
  std::unique_ptr<HostSp> sp;

  explicit SpNet(HostSpOptions options = {},
                 std::optional<std::uint64_t> reservable = std::nullopt) {
    Topology t;
    t.add_host("s", s_address);
    t.add_router("r1", 0x0A0000F1);
    t.add_router("r2", 0x0A0000F2);
    t.add_host("d", d_address);
    t.add_host("s2", s2_address);
    t.add_host("d2", d2_address);
    t.add_link(s, r1, link(1'000'000, 1 * ms));
    LinkSpec middle = link(1'000'000, 1 * ms);
    middle.reservable = reservable;
    t.add_link(r1, r2, middle);
    t.add_link(r2, d, link(1'000'000, 1 * ms));
    t.add_link(s2, r1, link(1'000'000, 1 * ms));
    t.add_link(r2, d2, link(1'000'000, 1 * ms));
    net = std::make_unique<Network>(queue, std::move(t));
    net->set_message_observer(&messages);
    sp = std::make_unique<HostSp>(
        *net,
        [this](NodeId host, gqos::SocketId socket, gqos::Indication indication) {
          told.push_back(Told{queue.now_us(), host, socket, std::move(indication)});
        },
        options);
  }

  // The socket's state changes now, at time `at_us`.
  void change(TimeUs at_us, NodeId host, gqos::SocketId socket, const gqos::SocketQos& qos) {
    queue.run_until(at_us);
    sp->socket_changed(host, socket, qos);
  }

  // What `socket` was told, one "<time us> <status>" each, e.g. "3000 WSA_QOS_SENDERS".
  std::vector<std::string> told_to(gqos::SocketId socket) const {
    std::vector<std::string> lines;
    for (const Told& t : told) {
      if (t.socket != socket) continue;
      lines.push_back(std::to_string(t.at_us) + " " +
                      gqos::name_or_number(gqos::NameGroup::status, t.indication.status));
    }
    return lines;
  }
  const Told& last_told(gqos::SocketId socket) const {
    for (auto it = told.rbegin(); it != told.rend(); ++it) {
      if (it->socket == socket) return *it;
    }
    throw std::logic_error("nothing told to the socket");
  }
  // The first indication of `status` told to `socket`.
  const Told& first_told(gqos::SocketId socket, std::uint32_t status) const {
    for (const Told& t : told) {
      if (t.socket == socket && t.indication.status == status) return t;
    }
    throw std::logic_error("the socket was not told the status");
  }

  // The messages sent at `at_us`, "<Kind> <from>-><to>" each.
  std::vector<std::string> sent_at(TimeUs at_us) const {
    std::vector<std::string> lines;
    const std::string prefix = std::to_string(at_us) + " sent ";
    for (const std::string& line : messages.lines) {
      if (line.starts_with(prefix)) lines.push_back(line.substr(prefix.size()));
    }
    return lines;
  }

  // The reservations r2 has installed toward d (or another outgoing interface).
  std::vector<Reservation> toward(LinkId link_id, NodeId from) const {
    return net->reservations(Interface{link_id, from});
  }
};

using Lines = std::vector<std::string>;

inline gqos::Endpoint endpoint(Address address, std::uint16_t port) {
  return gqos::Endpoint{address, port};
}

// A FLOWSPEC as an application writes it: the service and the token rate, nothing else.
inline gqos::FlowSpec asking(std::uint32_t service_type, std::uint32_t token_rate) {
  gqos::FlowSpec flowspec = gqos::unspecified_flowspec(service_type);
  flowspec.token_rate = token_rate;
  return flowspec;
}
inline gqos::FlowSpec controlled_load(std::uint32_t token_rate) {
  return asking(gqos::service_type::controlled_load, token_rate);
}

// A UDP socket bound to `local` that sends `sending` to `peer` (connected) or nowhere yet.
inline gqos::SocketQos udp_sender(gqos::Endpoint local, std::optional<gqos::Endpoint> peer,
                                  gqos::FlowSpec sending) {
  gqos::SocketQos qos;
  qos.local = local;
  qos.peer = peer;
  qos.sending = sending;
  qos.qos_calls = 1;
  return qos;
}

// A UDP socket bound to `local` that asks `receiving`, unconnected.
inline gqos::SocketQos udp_receiver(gqos::Endpoint local, gqos::FlowSpec receiving) {
  gqos::SocketQos qos;
  qos.local = local;
  qos.receiving = receiving;
  qos.qos_calls = 1;
  qos.receiving_calls = 1;
  return qos;
}

inline const Session to_d = Session{d_address, 5000, 17};
inline const SenderId from_s = SenderId{s_address, 6000};
inline const SenderId from_s2 = SenderId{s2_address, 6000};

}  // namespace rsvp_test
