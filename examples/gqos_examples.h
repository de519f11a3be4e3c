// The two classic GQoS clients of examples/, as functions a test (or a Windows main) can call on
// a socket it opened. Each writes one line per thing it learns to `out` and returns 0 when it
// learnt what it waited for, 1 otherwise.
#pragma once

#ifdef _WIN32
#include <winsock2.h>

// After <winsock2.h>, whose types they use.
#include <qos.h>
#include <qossp.h>
#else
#include "facade/winsock_facade.h"
#endif

#include <cstdio>

// Finds the protocol entry of `protocol` (IPPROTO_UDP, IPPROTO_TCP) with XP1_QOS_SUPPORTED
// through WSAEnumProtocols and opens an overlapped socket on it with WSASocket; prints the entry's
// name, or why there is none, and returns INVALID_SOCKET when it could not.
SOCKET open_qos_socket(int protocol, std::FILE* out);

// Binds `s` to `local` and asks for the reservation state with an overlapped SIO_GET_QOS and a
// completion routine, in an alertable SleepEx loop, until `updates` indications were read or
// `max_waits` waits of 1 s passed without one.
int run_receiver(SOCKET s, const sockaddr_in* local, int updates, int max_waits, std::FILE* out);

// Connects `s` to `remote` asking for a controlled-load flow of `token_rate` bytes/s, then asks
// with an event-notified overlapped SIO_GET_QOS until `updates` indications were read or
// `max_waits` waits of 1 s passed without one.
int run_sender(SOCKET s, const sockaddr_in* remote, ULONG token_rate, int updates, int max_waits,
               std::FILE* out);
