// WSAIoctl (SIO_GET_QOS, SIO_SET_QOS), overlapped results, network events and the data calls,
// over the channel. An overlapped request stays in the session's table with the program's
// buffer, OVERLAPPED and routine until its result arrived and its routine ran.
#include <winsock2.h>

#include <cstring>

#include "win32/client/sockets.hpp"

using namespace qosbed::win32;
using namespace qosbed::win32::client;

namespace {

// The channel's view of an OVERLAPPED request, registered with the session first: its result
// may come back in the very reply to the call.
WireOverlapped overlapped_request(LPWSAOVERLAPPED overlapped,
                                  LPWSAOVERLAPPED_COMPLETION_ROUTINE routine, void* buffer,
                                  DWORD size) {
  WireOverlapped wire;
  if (!overlapped) return wire;
  wire.request = add_request(PendingRequest{buffer, size, overlapped, routine});
  wire.notify = routine ? Notify::routine : Notify::event;
  if (!routine) wire.event = reinterpret_cast<std::uintptr_t>(overlapped->hEvent);
  return wire;
}

// A call that failed at once will not finish later: its request is forgotten.
void settle(const WireOverlapped& wire, int result) {
  if (wire.request != 0 && result == SOCKET_ERROR && last_error() != WSA_IO_PENDING) {
    forget_request(wire.request);
  }
}

DWORD total_bytes(LPWSABUF buffers, DWORD count) {
  DWORD total = 0;
  for (DWORD i = 0; buffers && i < count; ++i) total += buffers[i].len;
  return total;
}

int send_data(SOCKET s, DWORD bytes, const sockaddr* to, int tolen, LPDWORD sent,
              LPWSAOVERLAPPED overlapped, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine) {
  WireAddress address;
  if (to) {
    if (const DWORD error = to_wire(to, tolen, address)) return fail(error, SOCKET_ERROR);
  }
  const WireOverlapped wire = overlapped_request(overlapped, routine, nullptr, 0);
  Writer writer = request(Call::send);
  writer.u64(s).u32(bytes).u32(to ? 1 : 0);
  put(writer, address);
  put(writer, wire);
  Answer answer = send(writer);
  const int result = answer.body.i32();
  const std::uint32_t done = answer.body.u32();
  settle(wire, result);
  if (result == 0 && sent) *sent = done;
  return result == 0 ? static_cast<int>(done) : SOCKET_ERROR;
}

int receive_data(SOCKET s, LPDWORD received, LPWSAOVERLAPPED overlapped,
                 LPWSAOVERLAPPED_COMPLETION_ROUTINE routine) {
  const LocalSocket* local = find_local(s);
  const WireOverlapped wire = overlapped_request(overlapped, routine, nullptr, 0);
  Writer writer = request(Call::receive);
  writer.u64(s).u32(local && local->nonblocking ? 1 : 0);
  put(writer, wire);
  Answer answer = send(writer);
  const int result = answer.body.i32();
  const std::uint32_t done = answer.body.u32();
  settle(wire, result);
  if (result == 0 && received) *received = done;
  return result == 0 ? static_cast<int>(done) : SOCKET_ERROR;
}

}  // namespace

extern "C" {

int WINAPI WSAIoctl(SOCKET s, DWORD dwIoControlCode, LPVOID lpvInBuffer, DWORD cbInBuffer,
                    LPVOID lpvOutBuffer, DWORD cbOutBuffer, LPDWORD lpcbBytesReturned,
                    LPWSAOVERLAPPED lpOverlapped,
                    LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine) {
  // A QOS travels with the ProviderSpecific bytes its buf points to; other input as it is.
  std::vector<std::byte> in;
  if (lpvInBuffer && dwIoControlCode == SIO_SET_QOS && cbInBuffer >= sizeof(QOS)) {
    in = flatten(*static_cast<const QOS*>(lpvInBuffer));
  } else if (lpvInBuffer) {
    const auto* bytes = static_cast<const std::byte*>(lpvInBuffer);
    in.assign(bytes, bytes + cbInBuffer);
  }
  const DWORD out_size = lpvOutBuffer ? cbOutBuffer : 0;
  const WireOverlapped wire =
      overlapped_request(lpOverlapped, lpCompletionRoutine, lpvOutBuffer, out_size);
  Writer writer = request(Call::ioctl);
  writer.u64(s).u32(dwIoControlCode).blob(in).u32(out_size).u32(lpcbBytesReturned ? 1 : 0);
  put(writer, wire);
  Answer answer = send(writer);
  const int result = answer.body.i32();
  const std::uint32_t returned = answer.body.u32();
  const auto out = answer.body.blob();
  settle(wire, result);
  if (!lpOverlapped) copy_result(lpvOutBuffer, out_size, out);
  const bool has_bytes = result == 0 || last_error() == WSAENOBUFS;
  if (lpcbBytesReturned && has_bytes) *lpcbBytesReturned = returned;
  return result;
}

BOOL WINAPI WSAGetOverlappedResult(SOCKET s, LPWSAOVERLAPPED lpOverlapped, LPDWORD lpcbTransfer,
                                   BOOL fWait, LPDWORD lpdwFlags) {
  if (!lpOverlapped || !lpcbTransfer || !lpdwFlags) return fail(WSAEFAULT, FALSE);
  const std::uint64_t id = request_of(lpOverlapped);
  Writer writer = request(Call::overlapped_result);
  writer.u64(s).u64(id).u32(fWait ? 1 : 0);
  Answer answer = send(writer);
  const bool ok = answer.body.u32() != 0;
  const std::uint32_t transferred = answer.body.u32();
  // "On failure, the value pointed to by lpcbTransfer will not be updated."
  if (ok) *lpcbTransfer = transferred;
  *lpdwFlags = answer.body.u32();
  if (id != 0 && lpOverlapped->Internal != STATUS_PENDING) forget_request(id);
  return ok ? TRUE : FALSE;
}

int WINAPI WSAEventSelect(SOCKET s, WSAEVENT hEventObject, LONG lNetworkEvents) {
  Writer writer = request(Call::event_select);
  writer.u64(s).u64(reinterpret_cast<std::uintptr_t>(hEventObject));
  writer.u32(static_cast<std::uint32_t>(lNetworkEvents));
  const int result = send(writer).body.i32();
  // As on Windows, selecting network events makes the socket non-blocking.
  if (result == 0 && lNetworkEvents != 0) {
    if (LocalSocket* local = find_local(s)) local->nonblocking = true;
  }
  return result;
}

int WINAPI WSAAsyncSelect(SOCKET s, HWND hWnd, u_int wMsg, LONG lEvent) {
  Writer writer = request(Call::async_select);
  writer.u64(s).u64(reinterpret_cast<std::uintptr_t>(hWnd)).u32(wMsg);
  writer.u32(static_cast<std::uint32_t>(lEvent));
  const int result = send(writer).body.i32();
  if (result == 0) {
    if (LocalSocket* local = find_local(s)) local->nonblocking = true;
  }
  return result;
}

int WINAPI WSAEnumNetworkEvents(SOCKET s, WSAEVENT hEventObject,
                                LPWSANETWORKEVENTS lpNetworkEvents) {
  if (!lpNetworkEvents) return fail(WSAEFAULT, SOCKET_ERROR);
  Writer writer = request(Call::enum_network_events);
  writer.u64(s).u64(reinterpret_cast<std::uintptr_t>(hEventObject));
  Answer answer = send(writer);
  const int result = answer.body.i32();
  const std::uint32_t events = answer.body.u32();
  int codes[FD_MAX_EVENTS];
  for (int& code : codes) code = static_cast<int>(answer.body.u32());
  if (result == 0) {
    lpNetworkEvents->lNetworkEvents = static_cast<LONG>(events);
    std::memcpy(lpNetworkEvents->iErrorCode, codes, sizeof codes);
  }
  return result;
}

int WINAPI send(SOCKET s, const char* buf, int len, int) {
  if (!buf || len < 0) return fail(WSAEFAULT, SOCKET_ERROR);
  return send_data(s, static_cast<DWORD>(len), nullptr, 0, nullptr, nullptr, nullptr);
}
int WINAPI sendto(SOCKET s, const char* buf, int len, int, const struct sockaddr* to, int tolen) {
  if (!buf || len < 0) return fail(WSAEFAULT, SOCKET_ERROR);
  return send_data(s, static_cast<DWORD>(len), to, tolen, nullptr, nullptr, nullptr);
}
int WINAPI WSASend(SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount, LPDWORD lpNumberOfBytesSent,
                   DWORD, LPWSAOVERLAPPED lpOverlapped,
                   LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine) {
  const int sent = send_data(s, total_bytes(lpBuffers, dwBufferCount), nullptr, 0,
                             lpNumberOfBytesSent, lpOverlapped, lpCompletionRoutine);
  return sent == SOCKET_ERROR ? SOCKET_ERROR : 0;
}
int WINAPI WSASendTo(SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount, LPDWORD lpNumberOfBytesSent,
                     DWORD, const struct sockaddr* lpTo, int iTolen, LPWSAOVERLAPPED lpOverlapped,
                     LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine) {
  const int sent = send_data(s, total_bytes(lpBuffers, dwBufferCount), lpTo, iTolen,
                             lpNumberOfBytesSent, lpOverlapped, lpCompletionRoutine);
  return sent == SOCKET_ERROR ? SOCKET_ERROR : 0;
}

int WINAPI recv(SOCKET s, char* buf, int len, int) {
  if (!buf || len < 0) return fail(WSAEFAULT, SOCKET_ERROR);
  return receive_data(s, nullptr, nullptr, nullptr);
}
int WINAPI recvfrom(SOCKET s, char* buf, int len, int, struct sockaddr*, int*) {
  if (!buf || len < 0) return fail(WSAEFAULT, SOCKET_ERROR);
  return receive_data(s, nullptr, nullptr, nullptr);
}
int WINAPI WSARecv(SOCKET s, LPWSABUF, DWORD, LPDWORD lpNumberOfBytesRecvd, LPDWORD,
                   LPWSAOVERLAPPED lpOverlapped,
                   LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine) {
  const int received = receive_data(s, lpNumberOfBytesRecvd, lpOverlapped, lpCompletionRoutine);
  return received == SOCKET_ERROR ? SOCKET_ERROR : 0;
}
int WINAPI WSARecvFrom(SOCKET s, LPWSABUF, DWORD, LPDWORD lpNumberOfBytesRecvd, LPDWORD,
                       struct sockaddr*, LPINT, LPWSAOVERLAPPED lpOverlapped,
                       LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine) {
  const int received = receive_data(s, lpNumberOfBytesRecvd, lpOverlapped, lpCompletionRoutine);
  return received == SOCKET_ERROR ? SOCKET_ERROR : 0;
}

}  // extern "C"
