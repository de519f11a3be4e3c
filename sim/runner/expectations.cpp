#include "runner/expectations.hpp"

#include <variant>

#include "engine/clock.hpp"
#include "gqos/constants.hpp"
#include "gqos/names.hpp"

namespace qosbed::runner {
namespace {

using engine::TraceKind;
using engine::TraceRecord;
using gqos::NameGroup;

std::string value_text(std::uint32_t value, std::optional<NameGroup> group) {
  if (group) return gqos::name_or_number(*group, value);
  return std::to_string(value);
}

std::string flowspec_field_text(std::string_view field, std::uint32_t value) {
  if (field == "service_type") return gqos::service_type_text(value);
  if (value == gqos::qos_not_specified) return "not_specified";
  return std::to_string(value);
}

std::string origin_of(const TraceRecord& record) {
  std::string text = "(";
  text += engine::name_of(record.kind);
  if (!record.socket.empty()) text += " on " + record.socket;
  text += " at " + engine::format_time(record.t_us);
  if (!record.source.empty()) text += ", from " + record.source;
  text += ")";
  return text;
}

// Collects the failures of one expectation against one observation.
class Comparison {
 public:
  Comparison(std::string what, const TraceRecord* observed, std::vector<Failure>& failures)
      : what_(std::move(what)), observed_(observed), failures_(failures) {}

  void field(const std::optional<scenario::Field<std::uint32_t>>& expected, std::string_view name,
             std::optional<std::uint32_t> actual, std::optional<NameGroup> group) {
    if (!expected) return;
    const std::string actual_text = actual ? value_text(*actual, group) : "none";
    if (actual != expected->value) {
      miss(expected->mark, name, value_text(expected->value, group), actual_text);
    }
  }

  void flowspec(const std::optional<scenario::FlowSpecFields>& expected, std::string_view name,
                const std::optional<gqos::FlowSpec>& actual) {
    if (!expected) return;
    auto one = [&](std::string_view field, const std::optional<std::uint32_t>& want,
                   std::uint32_t gqos::FlowSpec::*member) {
      if (!want) return;
      const std::string label = std::string(name) + "." + std::string(field);
      if (!actual) {
        miss(expected->mark, label, flowspec_field_text(field, *want), "none");
      } else if ((*actual).*member != *want) {
        miss(expected->mark, label, flowspec_field_text(field, *want),
             flowspec_field_text(field, (*actual).*member));
      }
    };
    one("token_rate", expected->token_rate, &gqos::FlowSpec::token_rate);
    one("token_bucket_size", expected->token_bucket_size, &gqos::FlowSpec::token_bucket_size);
    one("peak_bandwidth", expected->peak_bandwidth, &gqos::FlowSpec::peak_bandwidth);
    one("latency", expected->latency, &gqos::FlowSpec::latency);
    one("delay_variation", expected->delay_variation, &gqos::FlowSpec::delay_variation);
    one("service_type", expected->service_type, &gqos::FlowSpec::service_type);
    one("max_sdu_size", expected->max_sdu_size, &gqos::FlowSpec::max_sdu_size);
    one("minimum_policed_size", expected->minimum_policed_size,
        &gqos::FlowSpec::minimum_policed_size);
  }

  void miss(const scenario::Mark& mark, std::string_view name, const std::string& expected,
            const std::string& actual) {
    std::string message = "expected ";
    message += what_;
    message += " ";
    message += name;
    message += " " + expected + " vs actual " + actual;
    if (observed_) message += " " + origin_of(*observed_);
    failures_.push_back(Failure{mark, std::move(message)});
  }

 private:
  std::string what_;
  const TraceRecord* observed_;
  std::vector<Failure>& failures_;
};

// The fields every returned value has, from a completion's record or the call's own result.
template <typename Actual>
void compare_returned(Comparison& compare, const scenario::ExpectReturned& expect,
                      std::optional<std::uint32_t> error, const Actual& actual) {
  compare.field(expect.error, "error", error, NameGroup::error);
  compare.field(expect.bytes, "bytes", actual.bytes, std::nullopt);
  compare.field(expect.required, "required", actual.required, std::nullopt);
  compare.field(expect.status, "status", actual.status, NameGroup::status);
  compare.field(expect.extended_status1, "extended_status[0]", actual.extended_status1,
                NameGroup::extended_status);
  compare.field(expect.extended_status2, "extended_status[1]", actual.extended_status2,
                NameGroup::extended_status);
  compare.flowspec(expect.sending, "sending", actual.sending);
  compare.flowspec(expect.receiving, "receiving", actual.receiving);
}

std::optional<std::uint32_t> error_of(const CallResult& call) {
  return call.result == -1 || call.error != 0 ? std::optional(call.error) : std::nullopt;
}

}  // namespace

const TraceRecord* ExpectationChecker::take(const std::string& socket, TraceKind kind,
                                            TraceKind other_kind) {
  std::size_t& cursor = cursors_[{socket, kind}];
  for (; cursor < records_.size(); ++cursor) {
    const TraceRecord& record = records_[cursor];
    const bool kind_matches = record.kind == kind || record.kind == other_kind;
    const bool socket_matches = kind == TraceKind::wait || record.socket == socket;
    if (kind_matches && socket_matches) return &records_[cursor++];
  }
  return nullptr;
}

void ExpectationChecker::check(const scenario::Step& step, const scenario::Expectation& expectation,
                               const std::optional<CallResult>& last_call,
                               std::size_t nothing_since, engine::TimeUs now_us,
                               std::vector<Failure>& failures) {
  const std::string on = step.socket.empty() ? std::string() : " on " + step.socket;
  auto none_observed = [&](std::string_view what) {
    failures.push_back(Failure{step.mark, "expected " + std::string(what) + on +
                                              ", observed none (by " + engine::format_time(now_us) +
                                              ")"});
  };

  std::visit(
      [&](const auto& expect) {
        using T = std::decay_t<decltype(expect)>;
        if constexpr (std::is_same_v<T, scenario::ExpectCall>) {
          if (!last_call) return none_observed("a call result");
          if (last_call->not_played) {
            failures.push_back(Failure{step.mark, "expected a call result" + on +
                                                      " vs actual none: the " + last_call->call +
                                                      " step at line " +
                                                      std::to_string(last_call->not_played->line) +
                                                      " could not be played"});
            return;
          }
          TraceRecord shown;
          shown.socket = last_call->socket;
          shown.t_us = now_us;
          shown.source = last_call->call;
          Comparison compare("call", &shown, failures);
          if (expect.result && last_call->result != expect.result->value) {
            compare.miss(expect.result->mark, "result", std::to_string(expect.result->value),
                         std::to_string(last_call->result));
          }
          compare_returned(compare, expect, error_of(*last_call).value_or(0), *last_call);
        } else if constexpr (std::is_same_v<T, scenario::ExpectCompletion>) {
          const TraceRecord* seen = take(step.socket, TraceKind::completion, TraceKind::completion);
          if (!seen) return none_observed("a completion");
          Comparison compare("completion", seen, failures);
          compare_returned(compare, expect, seen->error, *seen);
        } else if constexpr (std::is_same_v<T, scenario::ExpectWait>) {
          const TraceRecord* seen = take("", TraceKind::wait, TraceKind::wait);
          if (!seen) return none_observed("a wait result");
          if (!expect.result) return;
          const auto actual = static_cast<std::uint32_t>(seen->result.value_or(0));
          const std::uint32_t expected = expect.result->value;
          // SleepEx says "the time ran out" with 0; WSA_WAIT_TIMEOUT names that for both waits.
          const bool timed_out = expected == gqos::wsa::wait_timeout && seen->call == "sleep_ex";
          if (actual == expected || (timed_out && actual == 0)) return;
          // Each value named as the call that returned it means it, so SleepEx's 0 is a timeout.
          Comparison("wait", seen, failures)
              .miss(expect.result->mark, "result", engine::wait_result_text(seen->call, expected),
                    engine::wait_result_text(seen->call, actual));
        } else if constexpr (std::is_same_v<T, scenario::ExpectUpdate>) {
          const TraceRecord* seen = take(step.socket, TraceKind::update, TraceKind::monitor_error);
          if (!seen) return none_observed("a monitor update");
          Comparison compare("update", seen, failures);
          if (expect.direction) {
            const std::string want =
                expect.direction->value == gqos::Direction::sending ? "sending" : "receiving";
            const std::string got = seen->direction.value_or("none");
            if (want != got) compare.miss(expect.direction->mark, "direction", want, got);
          }
          compare.field(expect.status, "status", seen->status, NameGroup::status);
          compare.field(expect.extended_status1, "extended_status[0]", seen->extended_status1,
                        NameGroup::extended_status);
          compare.field(expect.extended_status2, "extended_status[1]", seen->extended_status2,
                        NameGroup::extended_status);
          compare.field(expect.error, "error", seen->error.value_or(0), NameGroup::error);
          const bool sending = seen->direction == std::optional<std::string>("sending");
          compare.flowspec(expect.flowspec, "flowspec", sending ? seen->sending : seen->receiving);
        } else if constexpr (std::is_same_v<T, scenario::ExpectNetworkEvents>) {
          const TraceRecord* seen =
              take(step.socket, TraceKind::network_events, TraceKind::network_events);
          if (!seen) return none_observed("network events");
          Comparison compare("network_events", seen, failures);
          compare.field(expect.events, "events", seen->network_events, std::nullopt);
          compare.field(expect.status, "status", seen->status, NameGroup::status);
        } else if constexpr (std::is_same_v<T, scenario::ExpectNothing>) {
          for (std::size_t i = nothing_since; i < records_.size(); ++i) {
            const TraceRecord& record = records_[i];
            const bool counts = record.kind == TraceKind::completion ||
                                record.kind == TraceKind::update ||
                                record.kind == TraceKind::monitor_error;
            if (!counts || (!step.socket.empty() && record.socket != step.socket)) continue;
            failures.push_back(Failure{step.mark, "expected nothing" + on + " until " +
                                                      engine::format_time(expect.until_us) +
                                                      " vs actual " + origin_of(record)});
            return;
          }
        }
      },
      expectation);
}

}  // namespace qosbed::runner
