#include "cli/explain_requests.hpp"

#include <algorithm>

#include "gqos/constants.hpp"

namespace qosbed::cli {

using engine::TraceRecord;

std::string name_of(const TracedRequest& request) {
  const std::string ioctl = request.call == "set_qos" ? "SIO_SET_QOS" : "SIO_GET_QOS";
  return "the " + ioctl + " of item " + std::to_string(request.item);
}

std::size_t RequestLedger::finishes_after(std::size_t index) const {
  std::size_t count = 0;
  for (std::size_t i = index + 1; i < records_.size(); ++i, ++count) {
    const auto* r = std::get_if<engine::FinishedRecord>(&records_[i]);
    if (!r || r->socket != engine::head_of(records_[index]).socket) break;
  }
  return count;
}

std::vector<TracedRequest> RequestLedger::finished_by(std::size_t index) const {
  const auto socket = sockets_.find(engine::head_of(records_[index]).socket);
  if (socket == sockets_.end()) return {};
  const std::deque<TracedRequest>& pending = socket->second.pending;
  const std::size_t count = std::min(finishes_after(index), pending.size());
  return {pending.begin(), pending.begin() + static_cast<std::ptrdiff_t>(count)};
}

std::optional<TracedRequest> RequestLedger::take_unseen(SocketRequests& socket,
                                                        const engine::CompletionRecord& r) {
  const bool routine = r.source == engine::CompletionSource::routine;
  const auto it =
      std::find_if(socket.unseen.begin(), socket.unseen.end(), [&](const TracedRequest& request) {
        return request.call == r.call && request.routine == routine;
      });
  if (it == socket.unseen.end()) return std::nullopt;
  TracedRequest request = *it;
  socket.unseen.erase(it);
  return request;
}

std::optional<TracedRequest> RequestLedger::follow(std::size_t index) {
  const TraceRecord& record = records_[index];
  if (const auto* r = std::get_if<engine::CallRecord>(&record)) {
    const bool request = r->call == "get_qos" || r->call == "set_qos";
    if (!request || !r->detail.starts_with("overlapped")) return std::nullopt;
    SocketRequests& socket = sockets_[r->socket];
    const TracedRequest issued{index + 1, r->call, r->buffer_size.value_or(0),
                               r->detail == "overlapped routine", std::nullopt};
    if (r->error == gqos::wsa::io_pending) {
      socket.pending.push_back(issued);
    } else if (r->result == 0 && socket.finishing) {
      socket.unseen.push_back(issued);  // it finished inside this call (D4, SIO_SET_QOS)
    }
    socket.finishing.reset();
    return issued;
  }
  if (const auto* r = std::get_if<engine::FinishedRecord>(&record)) {
    SocketRequests& socket = sockets_[r->socket];
    // Only queries pend; a set request, or a query finding an indication queued (which no
    // query pends beside), finishes inside the call that issues it.
    if (r->call != "get_qos" || socket.pending.empty()) {
      socket.finishing = Finished{r->error, r->bytes};
      return std::nullopt;
    }
    TracedRequest finished = socket.pending.front();
    socket.pending.pop_front();
    socket.unseen.push_back(finished);
    return finished;
  }
  if (const auto* r = std::get_if<engine::FdQosRecord>(&record)) {
    // D5: the requests too small finish with WSAENOBUFS before the one that takes it.
    const std::vector<TracedRequest> finished = finished_by(index);
    if (r->delivery != "completed" || finished.empty()) return std::nullopt;
    std::deque<TracedRequest>& pending = sockets_[r->socket].pending;
    for (std::size_t i = 0; i + 1 < finished.size(); ++i) {
      pending[i].indication_taken_by = finished.back().item;
    }
    return std::nullopt;
  }
  if (const auto* r = std::get_if<engine::CompletionRecord>(&record)) {
    return take_unseen(sockets_[r->socket], *r);
  }
  return std::nullopt;
}

}  // namespace qosbed::cli
