#include "cli/coverage.hpp"

#include <algorithm>
#include <string_view>

#include "cli/behaviour_rules.hpp"
#include "cli/explain.hpp"
#include "gqos/constants.hpp"
#include "gqos/names.hpp"
#include "provider_stub/observer.hpp"

namespace qosbed::cli {
namespace {

using engine::TraceRecord;

// How an application learns of what became of its QoS requests.
struct NotificationMode {
  std::string_view name;
  std::string_view title;
};

constexpr NotificationMode notification_modes[] = {
    {"routine", "overlapped SIO_GET_QOS, result given to a completion routine"},
    {"event", "overlapped SIO_GET_QOS, result read by GetOverlappedResult"},
    {"sync", "synchronous SIO_GET_QOS returning a queued indication"},
    {"event-select", "WSAEventSelect(FD_QOS), then WSAEnumNetworkEvents"},
    {"monitor", "the client library's Monitor reporting to its listener"},
};

// What a record says the application learnt, and through which mode: each kind says whether it
// tells of a result, an indication reaching its socket, or an error a call or completion reports.
struct Learnt {
  std::optional<std::string_view> mode;
  std::optional<std::uint32_t> status;  // an indication's, as D13 counts one reaching the socket
  std::optional<std::uint32_t> error;

  void operator()(const engine::CallRecord& r) {
    if (r.call == "get_qos" && r.detail == "sync" && r.result == 0) mode = "sync";
    error = r.error;
  }
  void operator()(const engine::CompletionRecord& r) {
    if (r.call == "get_qos") {
      mode = r.source == engine::CompletionSource::routine ? "routine" : "event";
    }
    error = r.error;
  }
  void operator()(const engine::NetworkEventsRecord& r) {
    if (r.network_events & gqos::fd_qos) mode = "event-select";
  }
  void operator()(const engine::UpdateRecord&) { mode = "monitor"; }
  void operator()(const engine::MonitorErrorRecord&) { mode = "monitor"; }
  void operator()(const engine::FdQosRecord& r) {
    using provider_stub::IndicationOutcome;
    if (r.delivery != provider_stub::name_of(IndicationOutcome::suppressed) &&
        r.delivery != provider_stub::name_of(IndicationOutcome::unconfirmed)) {
      status = r.status;
    }
  }
  void operator()(const engine::FinishedRecord&) {}
  void operator()(const engine::WaitRecord&) {}
  void operator()(const engine::StalledRecord&) {}
  void operator()(const engine::RsvpRecord&) {}
};

void count(CoverageItem& item, const std::string& file) {
  if (item.scenarios.empty() || item.scenarios.back() != file) item.scenarios.push_back(file);
}

void count_name(std::vector<CoverageItem>& items, std::string_view name, const std::string& file) {
  for (CoverageItem& item : items) {
    if (item.name == name) return count(item, file);
  }
}

void count_value(std::vector<CoverageItem>& items, gqos::NameGroup group, std::uint32_t value,
                 const std::string& file) {
  auto item = std::find_if(items.begin(), items.end(),
                           [value](const CoverageItem& known) { return known.value == value; });
  if (item == items.end()) {
    items.push_back({gqos::name_or_number(group, value), "", value, {}});
    item = items.end() - 1;
  }
  count(*item, file);
}

// One item per value of the group, under its first name (WSA_QOS_EUNKOWNPSOBJ has two).
std::vector<CoverageItem> items_of(gqos::NameGroup group) {
  std::vector<CoverageItem> items;
  for (const gqos::NamedValue& named : gqos::names_of(group)) {
    const bool known = std::any_of(items.begin(), items.end(), [&](const CoverageItem& item) {
      return item.value == named.value;
    });
    if (!known) items.push_back({std::string(named.name), "", named.value, {}});
  }
  return items;
}

}  // namespace

Coverage::Coverage() : statuses_(items_of(gqos::NameGroup::status)) {
  for (const BehaviourRule& rule : behaviour_rules()) {
    rules_.push_back({std::string(rule.id), std::string(rule.title), std::nullopt, {}});
  }
  errors_ = items_of(gqos::NameGroup::error);
  std::erase_if(errors_,
                [](const CoverageItem& item) { return item.value == gqos::wsa::no_error; });
  for (const NotificationMode& mode : notification_modes) {
    modes_.push_back({std::string(mode.name), std::string(mode.title), std::nullopt, {}});
  }
}

void Coverage::add(const std::string& file, const scenario::Scenario& scenario,
                   const std::vector<TraceRecord>& records) {
  scenarios_.push_back(file);
  Storyteller story(scenario, records);
  for (std::size_t i = 0; i < records.size(); ++i) {
    for (std::string_view id : rules_cited(story.explain(i).why)) {
      count_name(rules_, id, file);
    }
    Learnt learnt;
    std::visit(learnt, records[i]);
    if (learnt.status) count_value(statuses_, gqos::NameGroup::status, *learnt.status, file);
    if (learnt.error.value_or(0) != gqos::wsa::no_error) {
      count_value(errors_, gqos::NameGroup::error, *learnt.error, file);
    }
    if (learnt.mode) count_name(modes_, *learnt.mode, file);
  }
}

}  // namespace qosbed::cli
