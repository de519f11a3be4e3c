// The Winsock and GQoS names a classic Windows GQoS client uses (types, constants and functions
// with the SDK's spelling and Win64 layouts), for non-Windows builds: the functions run over the
// current qosbed Provider, so such a client's source compiles unchanged on Linux and runs against
// the emulator. A client includes it where it would include <winsock2.h>, <qos.h> and <qossp.h>.
#pragma once

#ifdef _WIN32
#error "winsock_facade.h stands in for the Windows headers; include <winsock2.h> on Windows"
#endif

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstddef>
#include <cstdint>

#include "gqos/constants.hpp"
#include "gqos/layout.hpp"
#include "provider/provider.hpp"

// ---- base types (Win64 widths: DWORD and ULONG are 32 bits, pointers and SOCKET 64) ----------

using BYTE = std::uint8_t;
using WORD = std::uint16_t;
using DWORD = std::uint32_t;
using ULONG = std::uint32_t;
using LONG = std::int32_t;  // 32 bits on Win64, unlike Linux's long
using LPINT = int*;
using LPDWORD = DWORD*;
using BOOL = int;
using INT = int;
using CHAR = char;
using LPVOID = void*;
using HANDLE = void*;
using SERVICETYPE = ULONG;
using SOCKET = std::uint64_t;
using WSAEVENT = HANDLE;
using GROUP = unsigned int;

#define CALLBACK
#define WINAPI
#define TRUE 1
#define FALSE 0
#define INFINITE 0xFFFFFFFFu
#define INVALID_SOCKET (~SOCKET{0})
#define SOCKET_ERROR (-1)
#define WSA_INVALID_EVENT (static_cast<WSAEVENT>(nullptr))
#define NO_ERROR 0
#define MAKEWORD(low, high) \
  static_cast<WORD>((static_cast<BYTE>(low)) | (static_cast<BYTE>(high) << 8))
#define LOBYTE(w) static_cast<BYTE>(static_cast<WORD>(w) & 0xFF)
#define HIBYTE(w) static_cast<BYTE>((static_cast<WORD>(w) >> 8) & 0xFF)

// WSADATA, in its Win64 field order (iMaxSockets and lpVendorInfo before the strings).
#define WSADESCRIPTION_LEN 256
#define WSASYS_STATUS_LEN 128
struct WSADATA {
  WORD wVersion;
  WORD wHighVersion;
  unsigned short iMaxSockets;
  unsigned short iMaxUdpDg;
  char* lpVendorInfo;
  char szDescription[WSADESCRIPTION_LEN + 1];
  char szSystemStatus[WSASYS_STATUS_LEN + 1];
};
using LPWSADATA = WSADATA*;

// WSAPROTOCOL_INFO as <winsock2.h> gives it without UNICODE (WSAPROTOCOL_INFOA).
struct GUID {
  std::uint32_t Data1;
  std::uint16_t Data2;
  std::uint16_t Data3;
  std::uint8_t Data4[8];
};
#define MAX_PROTOCOL_CHAIN 7
#define WSAPROTOCOL_LEN 255
struct WSAPROTOCOLCHAIN {
  int ChainLen;
  DWORD ChainEntries[MAX_PROTOCOL_CHAIN];
};
struct WSAPROTOCOL_INFOA {
  DWORD dwServiceFlags1;
  DWORD dwServiceFlags2;
  DWORD dwServiceFlags3;
  DWORD dwServiceFlags4;
  DWORD dwProviderFlags;
  GUID ProviderId;
  DWORD dwCatalogEntryId;
  WSAPROTOCOLCHAIN ProtocolChain;
  int iVersion;
  int iAddressFamily;
  int iMaxSockAddr;
  int iMinSockAddr;
  int iSocketType;
  int iProtocol;
  int iProtocolMaxOffset;
  int iNetworkByteOrder;
  int iSecurityScheme;
  DWORD dwMessageSize;
  DWORD dwProviderReserved;
  CHAR szProtocol[WSAPROTOCOL_LEN + 1];
};
using WSAPROTOCOL_INFO = WSAPROTOCOL_INFOA;
using LPWSAPROTOCOL_INFOA = WSAPROTOCOL_INFOA*;
using LPWSAPROTOCOL_INFO = WSAPROTOCOL_INFOA*;
static_assert(sizeof(WSAPROTOCOL_INFOA) == 372);  // as on Win64

// WSANETWORKEVENTS.
#define FD_MAX_EVENTS 10
struct WSANETWORKEVENTS {
  LONG lNetworkEvents;
  int iErrorCode[FD_MAX_EVENTS];
};
using LPWSANETWORKEVENTS = WSANETWORKEVENTS*;

struct WSAOVERLAPPED {
  std::uint64_t Internal;
  std::uint64_t InternalHigh;
  DWORD Offset;
  DWORD OffsetHigh;
  WSAEVENT hEvent;
};
using LPWSAOVERLAPPED = WSAOVERLAPPED*;
using LPWSAOVERLAPPED_COMPLETION_ROUTINE = void (*)(DWORD dwError, DWORD cbTransferred,
                                                    LPWSAOVERLAPPED lpOverlapped, DWORD dwFlags);

struct WSABUF {
  ULONG len;
  CHAR* buf;
};
using LPWSABUF = WSABUF*;

struct FLOWSPEC {
  ULONG TokenRate;
  ULONG TokenBucketSize;
  ULONG PeakBandwidth;
  ULONG Latency;
  ULONG DelayVariation;
  SERVICETYPE ServiceType;
  ULONG MaxSduSize;
  ULONG MinimumPolicedSize;
};
using LPFLOWSPEC = FLOWSPEC*;

struct QOS {
  FLOWSPEC SendingFlowspec;
  FLOWSPEC ReceivingFlowspec;
  WSABUF ProviderSpecific;
};
using LPQOS = QOS*;

struct QOS_OBJECT_HDR {
  ULONG ObjectType;
  ULONG ObjectLength;
};
using LPQOS_OBJECT_HDR = QOS_OBJECT_HDR*;

struct RSVP_STATUS_INFO {
  QOS_OBJECT_HDR ObjectHdr;
  ULONG StatusCode;
  ULONG ExtendedStatus1;
  ULONG ExtendedStatus2;
};
using LPRSVP_STATUS_INFO = RSVP_STATUS_INFO*;

// The same bytes as the portable layouts the emulator writes (sim/gqos/layout.hpp).
static_assert(sizeof(WSAOVERLAPPED) == 32);
static_assert(sizeof(FLOWSPEC) == sizeof(qosbed::gqos::FlowSpec));
static_assert(offsetof(FLOWSPEC, ServiceType) == offsetof(qosbed::gqos::FlowSpec, service_type));
static_assert(offsetof(FLOWSPEC, MinimumPolicedSize) ==
              offsetof(qosbed::gqos::FlowSpec, minimum_policed_size));
static_assert(sizeof(WSABUF) == sizeof(qosbed::gqos::WsaBuf));
static_assert(offsetof(WSABUF, buf) == offsetof(qosbed::gqos::WsaBuf, buf));
static_assert(sizeof(QOS) == sizeof(qosbed::gqos::Qos));
static_assert(offsetof(QOS, ReceivingFlowspec) == offsetof(qosbed::gqos::Qos, receiving_flowspec));
static_assert(offsetof(QOS, ProviderSpecific) == offsetof(qosbed::gqos::Qos, provider_specific));
static_assert(sizeof(QOS_OBJECT_HDR) == sizeof(qosbed::gqos::ObjectHeader));
static_assert(sizeof(RSVP_STATUS_INFO) == sizeof(qosbed::gqos::StatusInfo));
static_assert(offsetof(RSVP_STATUS_INFO, StatusCode) ==
              offsetof(qosbed::gqos::StatusInfo, status_code));
static_assert(offsetof(RSVP_STATUS_INFO, ExtendedStatus2) ==
              offsetof(qosbed::gqos::StatusInfo, extended_status2));

// ---- constants, with the values of sim/gqos/constants.hpp ------------------------------------

#define QOS_NOT_SPECIFIED qosbed::gqos::qos_not_specified
#define SERVICETYPE_NOTRAFFIC qosbed::gqos::service_type::no_traffic
#define SERVICETYPE_BESTEFFORT qosbed::gqos::service_type::best_effort
#define SERVICETYPE_CONTROLLEDLOAD qosbed::gqos::service_type::controlled_load
#define SERVICETYPE_GUARANTEED qosbed::gqos::service_type::guaranteed
#define SERVICETYPE_NETWORK_UNAVAILABLE qosbed::gqos::service_type::network_unavailable
#define SERVICETYPE_GENERAL_INFORMATION qosbed::gqos::service_type::general_information
#define SERVICETYPE_NOCHANGE qosbed::gqos::service_type::no_change
#define SERVICE_NO_TRAFFIC_CONTROL qosbed::gqos::service_type::no_traffic_control_flag
#define SERVICE_NO_QOS_SIGNALING qosbed::gqos::service_type::no_qos_signaling_flag
#define RSVP_OBJECT_STATUS_INFO qosbed::gqos::object_type::status_info
#define QOS_OBJECT_END_OF_LIST qosbed::gqos::object_type::end_of_list
#define SIO_GET_QOS qosbed::gqos::ioctl::get_qos
#define SIO_SET_QOS qosbed::gqos::ioctl::set_qos
#define FD_QOS qosbed::gqos::fd_qos
#define FD_QOS_BIT 6
#define XP1_QOS_SUPPORTED qosbed::gqos::xp1_qos_supported
#define FROM_PROTOCOL_INFO (-1)
#define WSA_FLAG_OVERLAPPED 0x01
#define WSA_QOS_RECEIVERS qosbed::gqos::status::receivers
#define WSA_QOS_SENDERS qosbed::gqos::status::senders
#define WSA_QOS_NO_SENDERS qosbed::gqos::status::no_senders
#define WSA_QOS_NO_RECEIVERS qosbed::gqos::status::no_receivers
#define WSA_QOS_REQUEST_CONFIRMED qosbed::gqos::status::request_confirmed
#define WSA_QOS_ADMISSION_FAILURE qosbed::gqos::status::admission_failure
#define WSA_QOS_POLICY_FAILURE qosbed::gqos::status::policy_failure
#define WSA_QOS_GENERIC_ERROR qosbed::gqos::status::generic_error
#define WSA_IO_PENDING qosbed::gqos::wsa::io_pending
#define WSA_IO_INCOMPLETE qosbed::gqos::wsa::io_incomplete
#define WSA_OPERATION_ABORTED qosbed::gqos::wsa::operation_aborted
#define WSAEFAULT qosbed::gqos::wsa::efault
#define WSAEINVAL qosbed::gqos::wsa::einval
#define WSAEWOULDBLOCK qosbed::gqos::wsa::ewouldblock
#define WSAEOPNOTSUPP qosbed::gqos::wsa::eopnotsupp
#define WSAENOBUFS qosbed::gqos::wsa::enobufs
#define WSAENOTCONN qosbed::gqos::wsa::enotconn
// The facade's own failures: socket creation and WSAStartup/WSACleanup.
#define WSAEPROTONOSUPPORT 10043
#define WSAESOCKTNOSUPPORT 10044
#define WSAEAFNOSUPPORT 10047
#define WSAVERNOTSUPPORTED 10092
#define WSANOTINITIALISED 10093
#define WSA_WAIT_EVENT_0 qosbed::gqos::wsa::wait_event_0
#define WSA_WAIT_IO_COMPLETION qosbed::gqos::wsa::wait_io_completion
#define WSA_WAIT_TIMEOUT qosbed::gqos::wsa::wait_timeout
#define WSA_WAIT_FAILED qosbed::gqos::wsa::wait_failed
#define WSA_INFINITE qosbed::gqos::wsa::infinite

// ---- functions, over the current Provider ----------------------------------------------------

// Winsock 2.x only (GQoS needs it): a lower version fails with WSAVERNOTSUPPORTED. Neither needs a
// Provider; WSACleanup without a WSAStartup fails with WSANOTINITIALISED. Other calls do not check
// for WSAStartup, so a test may hand a client a socket without it.
int WSAStartup(WORD wVersionRequested, LPWSADATA lpWSAData);
int WSACleanup();
// The Provider's protocol entries (the emulator's RSVP SP has XP1_QOS_SUPPORTED ones for UDP and
// TCP unless its profile is no-qos-provider), those whose iProtocol is in the zero-terminated
// `lpiProtocols` when given. A buffer too small fails with WSAENOBUFS and the size needed in
// `*lpdwBufferLength`.
int WSAEnumProtocols(LPINT lpiProtocols, LPWSAPROTOCOL_INFO lpProtocolBuffer,
                     LPDWORD lpdwBufferLength);
// AF_INET, SOCK_DGRAM (UDP) or SOCK_STREAM (TCP); with a protocol info its address family, type
// and protocol are used (FROM_PROTOCOL_INFO). The socket opens on the Provider with the role
// qosbed::facade::set_socket_role gave (both by default): a GQoS application never says it.
SOCKET WSASocket(int af, int type, int protocol, LPWSAPROTOCOL_INFO lpProtocolInfo, GROUP g,
                 DWORD dwFlags);
int WSAEventSelect(SOCKET s, WSAEVENT hEventObject, LONG lNetworkEvents);
int WSAEnumNetworkEvents(SOCKET s, WSAEVENT hEventObject, LPWSANETWORKEVENTS lpNetworkEvents);

int WSAIoctl(SOCKET s, DWORD dwIoControlCode, LPVOID lpvInBuffer, DWORD cbInBuffer,
             LPVOID lpvOutBuffer, DWORD cbOutBuffer, LPDWORD lpcbBytesReturned,
             LPWSAOVERLAPPED lpOverlapped, LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine);
int WSAGetLastError();
BOOL WSAGetOverlappedResult(SOCKET s, LPWSAOVERLAPPED lpOverlapped, LPDWORD lpcbTransfer,
                            BOOL fWait, LPDWORD lpdwFlags);
int WSAConnect(SOCKET s, const sockaddr* name, int namelen, LPWSABUF lpCallerData,
               LPWSABUF lpCalleeData, LPQOS lpSQOS, LPQOS lpGQOS);
int closesocket(SOCKET s);
// The facade's bind takes a SOCKET, so it overloads the POSIX bind(int, ...) rather than hiding it.
int bind(SOCKET s, const sockaddr* name, int namelen);
WSAEVENT WSACreateEvent();
BOOL WSASetEvent(WSAEVENT hEvent);
BOOL WSAResetEvent(WSAEVENT hEvent);
BOOL WSACloseEvent(WSAEVENT hEvent);
DWORD WSAWaitForMultipleEvents(DWORD cEvents, const WSAEVENT* lphEvents, BOOL fWaitAll,
                               DWORD dwTimeout, BOOL fAlertable);
DWORD SleepEx(DWORD dwMilliseconds, BOOL bAlertable);

namespace qosbed::facade {

// The Provider the functions above call; a test installs the emulator before running a client.
void set_provider(provider::Provider& provider);
provider::Provider& current_provider();  // throws std::logic_error when none is installed

// The role WSASocket opens sockets with, as the emulator needs one (R3): a scenario's socket role.
void set_socket_role(provider::Role role);

// Forgets the OVERLAPPED blocks and events of the previous provider, so it can be destroyed, and
// the WSAStartup count and socket role.
void reset();

}  // namespace qosbed::facade
