#include "runner/observed.hpp"

#include <algorithm>
#include <map>
#include <string>

#include "engine/clock.hpp"
#include "gqos/constants.hpp"
#include "gqos/names.hpp"
#include "runner/emulator_options.hpp"

namespace qosbed::runner {
namespace {

using engine::TraceRecord;

// An indication that one kind of report has not observed yet.
struct Unobserved {
  std::size_t played = 0;  // index in the played indications
  std::uint32_t status = 0;
  bool queued = false;  // in the provider's queue, not taken by a pending request
};

class Observations {
 public:
  explicit Observations(std::size_t count) : observed_(count, false) {}

  void reached(const std::string& socket, Unobserved indication) {
    reads_[socket].push_back(indication);
    events_[socket].push_back(indication);
  }
  // The provider, not the application, decided it: it counts as observed.
  void exempt(std::size_t played) {
    observed_[played] = true;
    for (auto* lists : {&reads_, &events_}) {
      for (auto& [socket, list] : *lists) {
        std::erase_if(list, [played](const Unobserved& u) { return u.played == played; });
      }
    }
  }
  void exempt_queued(const std::string& socket) {
    std::vector<std::size_t> queued;
    for (const Unobserved& u : reads_[socket]) {
      if (u.queued) queued.push_back(u.played);
    }
    for (const std::size_t played : queued) exempt(played);
  }
  void exempt_oldest_queued(const std::string& socket) {
    const std::vector<Unobserved>& list = reads_[socket];
    const auto oldest =
        std::find_if(list.begin(), list.end(), [](const Unobserved& u) { return u.queued; });
    if (oldest != list.end()) exempt(oldest->played);
  }
  void read(const std::string& socket, std::uint32_t status) { take(reads_[socket], status); }
  void event(const std::string& socket, std::uint32_t status) { take(events_[socket], status); }

  bool observed(std::size_t played) const { return observed_[played]; }

 private:
  void take(std::vector<Unobserved>& list, std::uint32_t status) {
    const auto it = std::find_if(list.begin(), list.end(),
                                 [status](const Unobserved& u) { return u.status == status; });
    if (it == list.end()) return;
    observed_[it->played] = true;
    list.erase(it);
  }

  std::vector<bool> observed_;
  std::map<std::string, std::vector<Unobserved>> reads_;   // completions, synchronous queries
  std::map<std::string, std::vector<Unobserved>> events_;  // WSAEnumNetworkEvents
};

bool withheld(const std::string& delivery) {
  return delivery == "dropped" || delivery == "suppressed" || delivery == "unconfirmed";
}

}  // namespace

std::vector<Failure> unobserved_indications(const scenario::Scenario& scenario,
                                            const std::vector<PlayedIndication>& played,
                                            const std::vector<TraceRecord>& records) {
  const bool enobufs_keeps = emulator_options(scenario.sp).decisions.enobufs_keeps_indication;
  std::map<std::size_t, std::size_t> played_at;  // fd_qos record -> played indication
  for (std::size_t i = 0; i < played.size(); ++i) played_at[played[i].record] = i;

  Observations observations(played.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (const auto* r = std::get_if<engine::FdQosRecord>(&records[i])) {
      const auto it = played_at.find(i);
      if (it == played_at.end()) continue;  // a network's indication: no step scripted it
      if (withheld(r->delivery) || (r->delivery == "enobufs" && !enobufs_keeps)) {
        observations.exempt(it->second);
        continue;
      }
      // A coalesced indication replaces every one queued on its socket (R9, D12).
      if (r->delivery == "coalesced") observations.exempt_queued(r->socket);
      observations.reached(r->socket, {it->second, r->status, r->delivery != "completed"});
    } else if (const auto* r = std::get_if<engine::CompletionRecord>(&records[i])) {
      if (r->call == "get_qos" && r->error == 0 && r->read.status_info) {
        observations.read(r->socket, r->read.status_info->status_code);
      }
    } else if (const auto* r = std::get_if<engine::CallRecord>(&records[i])) {
      const bool query = r->call == "get_qos";
      if (query && r->detail == "sync" && r->result == 0 && r->read.status_info) {
        observations.read(r->socket, r->read.status_info->status_code);
      } else if (query && r->error == gqos::wsa::enobufs && !enobufs_keeps) {
        observations.exempt_oldest_queued(r->socket);  // D6 with the indication not kept
      } else if (r->call == "close" && r->result == 0) {
        observations.exempt_queued(r->socket);  // R8: close discards the queue
      }
    } else if (const auto* r = std::get_if<engine::NetworkEventsRecord>(&records[i])) {
      if (r->status) observations.event(r->socket, *r->status);
    }
  }

  std::vector<Failure> failures;
  for (std::size_t i = 0; i < played.size(); ++i) {
    if (observations.observed(i)) continue;
    const scenario::Step& step = scenario.steps[played[i].step];
    const auto& record = std::get<engine::FdQosRecord>(records[played[i].record]);
    const std::string why =
        record.delivery == "completed"
            ? "a query took it, but the application never learnt of that query's completion"
            : "it stayed queued, and no query read it";
    failures.push_back(Failure{
        step.mark, "sp: fd_qos " + gqos::name_or_number(gqos::NameGroup::status, record.status) +
                       " on " + step.socket + " at " + engine::format_time(step.at_us) +
                       " was never observed: " + why + " (--strict)"});
  }
  return failures;
}

}  // namespace qosbed::runner
