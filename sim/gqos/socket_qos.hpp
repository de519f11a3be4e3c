// What one socket has asked of the RSVP SP, as it stands after each Winsock call that changed it:
// the plain value the emulator (provider_stub) fills and the host's SP in the RSVP network
// (rsvp::HostSp) reads, so that neither knows the other. The emulator keeps the Winsock-level
// rules (validation, R1-R10, the WSA_QOS_E* input errors) and reports only what it accepted;
// what RSVP does with the value is the SP's (docs/behaviour.md, from Microsoft's documentation).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "gqos/codec.hpp"
#include "gqos/constants.hpp"
#include "gqos/layout.hpp"

namespace qosbed::gqos {

// The provider's socket handle (provider::Socket).
using SocketId = std::uint64_t;

// The transport, by its IPPROTO_* number: the protocol id of the RSVP SESSION (RFC 2205 A.1).
enum class IpProtocol : std::uint8_t { tcp = 6, udp = 17 };

// What the application opened the socket for (provider::Role). The SP does not consult it: as on
// Windows, the FLOWSPECs and the socket's addresses decide what it signals.
enum class SocketRole : std::uint8_t { sender, receiver, both };

// An IPv4 endpoint, the address in host byte order; address 0 is INADDR_ANY.
struct Endpoint {
  std::uint32_t address = 0;
  std::uint16_t port = 0;
  friend bool operator==(const Endpoint&, const Endpoint&) = default;
};

// A multicast group joined with WSAJoinLeaf, and the directions its QoS applies to:
// JL_SENDER_ONLY sends, JL_RECEIVER_ONLY receives, JL_BOTH both.
struct GroupJoin {
  Endpoint group;  // the `name` given to WSAJoinLeaf
  bool sending = false;
  bool receiving = false;
  friend bool operator==(const GroupJoin&, const GroupJoin&) = default;
};

// One FLOWDESCRIPTOR of RSVP_RESERVE_INFO: a FLOWSPEC and the senders (FILTERSPECs) it covers.
struct ReserveDescriptor {
  FlowSpec flowspec{};
  std::vector<Endpoint> filters;
  friend bool operator==(const ReserveDescriptor&, const ReserveDescriptor&) = default;
};

// RSVP_RESERVE_INFO as the last call that carried one gave it (policy elements aside).
struct ReserveInfo {
  std::uint32_t style = rsvp_style::default_style;
  bool confirm_request = false;
  std::vector<ReserveDescriptor> descriptors;
  friend bool operator==(const ReserveInfo&, const ReserveInfo&) = default;
};

struct SocketQos {
  IpProtocol protocol = IpProtocol::udp;
  SocketRole role = SocketRole::both;
  std::optional<Endpoint> local;  // bound, or bound implicitly by connect
  std::optional<Endpoint> peer;   // UDP: WSAConnect's `name`; TCP: once the connection is up
  // Every QOS_DESTADDR given with SIO_SET_QOS since sending QoS last ended, each a session of
  // its own (W32:sending-applications): an unconnected UDP sender's destinations.
  std::vector<Endpoint> destinations;
  std::vector<GroupJoin> groups;
  // What the application asked for in each direction, SERVICETYPE_NOCHANGE resolved to what it
  // had; BESTEFFORT with every field QOS_NOT_SPECIFIED before any QOS.
  FlowSpec sending = unspecified_flowspec(service_type::best_effort);
  FlowSpec receiving = unspecified_flowspec(service_type::best_effort);
  // RSVP_RESERVE_INFO of the last QoS call; none when that call carried none (as ConfirmRequest,
  // R10, is that call's).
  std::optional<ReserveInfo> reserve;
  // How many calls have passed a QOS that was accepted (SIO_SET_QOS, WSAConnect, WSAJoinLeaf,
  // WSAAccept's condition function): each one asks for confirmation anew (KB195274).
  std::uint32_t qos_calls = 0;
  // How many of them set the receiving direction (a FLOWSPEC other than NOCHANGE, or an
  // RSVP_RESERVE_INFO): only those ask for confirmation anew, as a call that leaves that direction
  // NOCHANGE leaves its signalling unchanged (W32:servicetype-notraffic).
  std::uint32_t receiving_calls = 0;
  // The last WSAConnect named no address (or an all-zero one): QoS ends in both directions
  // while this holds (W32:closing-the-qos-connection).
  bool disconnected = false;
  bool send_shut = false;     // shutdown(SD_SEND) or SD_BOTH
  bool receive_shut = false;  // shutdown(SD_RECEIVE) or SD_BOTH
  bool closed = false;
  friend bool operator==(const SocketQos&, const SocketQos&) = default;
};

// What SIO_CHK_QOS returns: a Winsock error (0: none) or the DWORD it writes.
struct CheckQosAnswer {
  std::uint32_t error = 0;
  std::uint32_t value = 0;
  friend bool operator==(const CheckQosAnswer&, const CheckQosAnswer&) = default;
};

}  // namespace qosbed::gqos
