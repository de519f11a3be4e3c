// A GQoS receiver written the classic Windows way: one overlapped SIO_GET_QOS at a time with a
// completion routine, SleepEx(..., TRUE) so the routine can run, a reissue with the size the
// provider asks for after WSAENOBUFS, and RSVP_STATUS_INFO read from ProviderSpecific.buf.
#include <cstring>
#include <vector>

#include "gqos_examples.h"

namespace {

struct ReceiverState {
  std::vector<char> buffer = std::vector<char>(sizeof(QOS));  // too small on purpose at first
  WSAOVERLAPPED overlapped{};
  bool finished = false;  // the routine ran for the request in flight
  DWORD error = 0;
  DWORD bytes = 0;
};

ReceiverState* g_state = nullptr;  // completion routines get no context but the OVERLAPPED

void CALLBACK on_get_qos(DWORD dwError, DWORD cbTransferred, LPWSAOVERLAPPED, DWORD) {
  g_state->finished = true;
  g_state->error = dwError;
  g_state->bytes = cbTransferred;
}

void print_update(const QOS* qos, DWORD bytes, std::FILE* out) {
  const FLOWSPEC& flow = qos->ReceivingFlowspec;
  std::fprintf(out, "update bytes=%lu receiving service=%lu token_rate=%lu",
               static_cast<unsigned long>(bytes), static_cast<unsigned long>(flow.ServiceType),
               static_cast<unsigned long>(flow.TokenRate));
  if (qos->ProviderSpecific.len >= sizeof(RSVP_STATUS_INFO) && qos->ProviderSpecific.buf) {
    const auto* info = reinterpret_cast<const RSVP_STATUS_INFO*>(qos->ProviderSpecific.buf);
    if (info->ObjectHdr.ObjectType == RSVP_OBJECT_STATUS_INFO)
      std::fprintf(out, " status=%lu", static_cast<unsigned long>(info->StatusCode));
  }
  std::fprintf(out, "\n");
}

}  // namespace

int run_receiver(SOCKET s, const sockaddr_in* local, int updates, int max_waits, std::FILE* out) {
  if (bind(s, reinterpret_cast<const sockaddr*>(local), sizeof *local) == SOCKET_ERROR) {
    std::fprintf(out, "bind failed %d\n", WSAGetLastError());
    return 1;
  }
  ReceiverState state;
  g_state = &state;
  int seen = 0;
  int idle_waits = 0;
  while (seen < updates && idle_waits < max_waits) {
    state.finished = false;
    DWORD returned = 0;
    if (WSAIoctl(s, SIO_GET_QOS, nullptr, 0, state.buffer.data(),
                 static_cast<DWORD>(state.buffer.size()), &returned, &state.overlapped,
                 on_get_qos) == SOCKET_ERROR &&
        WSAGetLastError() != static_cast<int>(WSA_IO_PENDING)) {
      std::fprintf(out, "SIO_GET_QOS failed %d\n", WSAGetLastError());
      break;
    }
    // The routine runs only inside an alertable wait, even for a request that finished at once.
    while (!state.finished && idle_waits < max_waits) {
      if (SleepEx(1000, TRUE) != WSA_WAIT_IO_COMPLETION) ++idle_waits;
    }
    if (!state.finished) break;
    if (state.error == WSAENOBUFS) {
      DWORD required = 0;
      std::memcpy(&required, state.buffer.data(), sizeof required);
      std::fprintf(out, "WSAENOBUFS required=%lu\n", static_cast<unsigned long>(required));
      state.buffer.resize(required);
      continue;
    }
    if (state.error != 0) {
      std::fprintf(out, "completion error %lu\n", static_cast<unsigned long>(state.error));
      break;
    }
    print_update(reinterpret_cast<const QOS*>(state.buffer.data()), state.bytes, out);
    ++seen;
    idle_waits = 0;
  }
  closesocket(s);
  // closesocket aborts the query left pending; its routine runs in the next alertable wait.
  SleepEx(0, TRUE);
  g_state = nullptr;
  return seen == updates ? 0 : 1;
}
