/* qosbed's <ws2tcpip.h>: the IP-level socket options and socklen_t of Windows 2000's TCP/IP
 * headers, with the SDK's values. setsockopt accepts the options below but membership, without
 * effect: there is no data path (docs/own-client.md, "Data"). C99 and C++. */
#ifndef QOSBED_WIN32_WS2TCPIP_H
#define QOSBED_WIN32_WS2TCPIP_H

#include <winsock2.h>

/* int, as on Windows, unless the C library's <unistd.h> came first with its unsigned int. */
#ifndef __socklen_t_defined
typedef int socklen_t;
#define __socklen_t_defined
#endif

#define IP_OPTIONS 1
#define IP_HDRINCL 2
#define IP_TOS 3
#define IP_TTL 4
#define IP_MULTICAST_IF 9
#define IP_MULTICAST_TTL 10
#define IP_MULTICAST_LOOP 11
#define IP_ADD_MEMBERSHIP 12  /* multicast is not modelled: setsockopt ends the program */
#define IP_DROP_MEMBERSHIP 13 /* likewise */
#define IP_DONTFRAGMENT 14

typedef struct ip_mreq {
  struct in_addr imr_multiaddr;
  struct in_addr imr_interface;
} IP_MREQ, *PIP_MREQ;

#endif /* QOSBED_WIN32_WS2TCPIP_H */
