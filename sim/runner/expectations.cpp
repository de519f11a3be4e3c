#include "runner/expectations.hpp"

#include <tuple>
#include <type_traits>
#include <variant>

#include "engine/clock.hpp"
#include "gqos/codec.hpp"
#include "gqos/constants.hpp"
#include "gqos/names.hpp"
#include "runner/guaranteed_check.hpp"
#include "scenario/flowspec_keys.hpp"

namespace qosbed::runner {
namespace {

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

// "(completion on rx at 10.000 ms, from routine)": where an observation came from.
std::string origin(std::string_view kind, const std::string& socket, engine::TimeUs t_us,
                   std::string_view from = {}) {
  std::string text = "(";
  text += kind;
  if (!socket.empty()) text += " on " + socket;
  text += " at " + engine::format_time(t_us);
  if (!from.empty()) (text += ", from ") += from;
  text += ")";
  return text;
}

std::string origin_of(const TraceRecord& record) {
  const engine::RecordHead& head = engine::head_of(record);
  const auto* completion = std::get_if<engine::CompletionRecord>(&record);
  return origin(engine::kind_of(record), head.socket, head.t_us,
                completion ? engine::name_of(completion->source) : std::string_view());
}

// Collects the failures of one expectation against one observation.
class Comparison {
 public:
  // `observed`: where the observation came from, as origin() says it.
  Comparison(std::string what, std::string observed, std::vector<Failure>& failures)
      : what_(std::move(what)), observed_(std::move(observed)), failures_(failures) {}

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
    for (const scenario::FlowSpecKey& field : scenario::flowspec_keys) {
      const std::optional<std::uint32_t>& want = (*expected).*field.written;
      if (!want) continue;
      const std::string label = std::string(name) + "." + std::string(field.key);
      if (!actual) {
        miss(expected->mark, label, flowspec_field_text(field.key, *want), "none");
      } else if ((*actual).*field.field != *want) {
        miss(expected->mark, label, flowspec_field_text(field.key, *want),
             flowspec_field_text(field.key, (*actual).*field.field));
      }
    }
  }

  void adspec(const std::optional<scenario::AdspecFields>& expected,
              const std::optional<gqos::Adspec>& actual) {
    if (!expected) return;
    for (const FieldMiss& field : adspec_misses(*expected, actual ? &*actual : nullptr)) {
      miss(expected->mark, "adspec." + field.key, field.expected, field.actual);
    }
  }

  void miss(const scenario::Mark& mark, std::string_view name, const std::string& expected,
            const std::string& actual) {
    std::string message = "expected ";
    message += what_;
    message += " ";
    message += name;
    message += " " + expected + " vs actual " + actual;
    message += " " + observed_;
    failures_.push_back(Failure{mark, std::move(message)});
  }

 private:
  std::string what_;
  std::string observed_;
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
                NameGroup::extended_status_value);
  compare.flowspec(expect.sending, "sending", actual.sending);
  compare.flowspec(expect.receiving, "receiving", actual.receiving);
  compare.adspec(expect.adspec, actual.adspec);
}

std::optional<std::uint32_t> error_of(const CallResult& call) {
  return call.result == -1 || call.error != 0 ? std::optional(call.error) : std::nullopt;
}

}  // namespace

void CallResult::remember_returned_data(std::span<const std::byte> buffer, std::uint32_t bytes,
                                        std::uint32_t error) {
  required = gqos::required_size_in(error, buffer);
  if (bytes < sizeof(gqos::Qos) || bytes > buffer.size()) return;
  const gqos::DecodeResult decoded = gqos::decode(buffer.first(bytes));
  sending = decoded.qos.sending;
  receiving = decoded.qos.receiving;
  adspec = gqos::first_adspec(decoded.qos);
  if (const auto& info = decoded.qos.status_info) {
    status = info->status_code;
    extended_status1 = info->extended_status1;
    extended_status2 = info->extended_status2;
  }
}

template <typename... Kinds>
const TraceRecord* ExpectationChecker::take(const std::string& socket) {
  using First = std::tuple_element_t<0, std::tuple<Kinds...>>;
  constexpr bool any_socket = std::is_same_v<First, engine::WaitRecord>;
  std::size_t& cursor = cursors_[{socket, First::kind}];
  for (; cursor < records_.size(); ++cursor) {
    const TraceRecord& record = records_[cursor];
    const bool kind_matches = (std::holds_alternative<Kinds>(record) || ...);
    if (kind_matches && (any_socket || engine::head_of(record).socket == socket)) {
      return &records_[cursor++];
    }
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
          Comparison compare("call", origin("call", last_call->socket, now_us, last_call->call),
                             failures);
          if (expect.result && last_call->result != expect.result->value) {
            compare.miss(expect.result->mark, "result", std::to_string(expect.result->value),
                         std::to_string(last_call->result));
          }
          if (expect.value && last_call->value != expect.value->value) {
            const auto text = [](std::uint32_t v) {
              return v == gqos::chk_qos::info_not_available ? std::string("INFO_NOT_AVAILABLE")
                                                            : std::to_string(v);
            };
            compare.miss(expect.value->mark, "value", text(expect.value->value),
                         last_call->value ? text(*last_call->value) : "none");
          }
          compare_returned(compare, expect, error_of(*last_call).value_or(0), *last_call);
        } else if constexpr (std::is_same_v<T, scenario::ExpectCompletion>) {
          const TraceRecord* record = take<engine::CompletionRecord>(step.socket);
          if (!record) return none_observed("a completion");
          const auto& seen = std::get<engine::CompletionRecord>(*record);
          CallResult returned;
          returned.bytes = seen.bytes;
          returned.required = seen.required;
          if (const auto& info = seen.read.status_info) {
            returned.status = info->status_code;
            returned.extended_status1 = info->extended_status1;
            returned.extended_status2 = info->extended_status2;
          }
          returned.sending = seen.read.sending;
          returned.receiving = seen.read.receiving;
          returned.adspec = seen.read.adspec;
          Comparison compare("completion", origin_of(*record), failures);
          compare_returned(compare, expect, seen.error, returned);
        } else if constexpr (std::is_same_v<T, scenario::ExpectWait>) {
          const TraceRecord* record = take<engine::WaitRecord>("");
          if (!record) return none_observed("a wait result");
          if (!expect.result) return;
          const auto& seen = std::get<engine::WaitRecord>(*record);
          const std::uint32_t actual = seen.result;
          const std::uint32_t expected = expect.result->value;
          // SleepEx says "the time ran out" with 0; WSA_WAIT_TIMEOUT names that for both waits.
          const bool timed_out = expected == gqos::wsa::wait_timeout && seen.call == "sleep_ex";
          if (actual == expected || (timed_out && actual == 0)) return;
          // Each value named as the call that returned it means it, so SleepEx's 0 is a timeout.
          Comparison("wait", origin_of(*record), failures)
              .miss(expect.result->mark, "result", engine::wait_result_text(seen.call, expected),
                    engine::wait_result_text(seen.call, actual));
        } else if constexpr (std::is_same_v<T, scenario::ExpectUpdate>) {
          const TraceRecord* record =
              take<engine::UpdateRecord, engine::MonitorErrorRecord>(step.socket);
          if (!record) return none_observed("a monitor update");
          // A monitor that stopped with an error reports no direction, status or FLOWSPEC.
          const auto* update = std::get_if<engine::UpdateRecord>(record);
          const auto* error = std::get_if<engine::MonitorErrorRecord>(record);
          auto of_update = [update](std::uint32_t engine::UpdateRecord::*field) {
            return update ? std::optional((*update).*field) : std::nullopt;
          };
          Comparison compare("update", origin_of(*record), failures);
          if (expect.direction) {
            const auto name = [](gqos::Direction d) {
              return d == gqos::Direction::sending ? "sending" : "receiving";
            };
            const std::string want = name(expect.direction->value);
            const std::string got = update ? name(update->direction) : "none";
            if (want != got) compare.miss(expect.direction->mark, "direction", want, got);
          }
          compare.field(expect.status, "status", of_update(&engine::UpdateRecord::status),
                        NameGroup::status);
          compare.field(expect.extended_status1, "extended_status[0]",
                        of_update(&engine::UpdateRecord::extended_status1),
                        NameGroup::extended_status);
          compare.field(expect.extended_status2, "extended_status[1]",
                        of_update(&engine::UpdateRecord::extended_status2),
                        NameGroup::extended_status_value);
          compare.field(expect.error, "error", error ? error->error : 0, NameGroup::error);
          compare.flowspec(expect.flowspec, "flowspec",
                           update ? std::optional(update->flowspec) : std::nullopt);
        } else if constexpr (std::is_same_v<T, scenario::ExpectNetworkEvents>) {
          const TraceRecord* record = take<engine::NetworkEventsRecord>(step.socket);
          if (!record) return none_observed("network events");
          const auto& seen = std::get<engine::NetworkEventsRecord>(*record);
          Comparison compare("network_events", origin_of(*record), failures);
          compare.field(expect.events, "events", seen.network_events, std::nullopt);
          compare.field(expect.status, "status", seen.status, NameGroup::status);
        } else if constexpr (std::is_same_v<T, scenario::ExpectNothing>) {
          for (std::size_t i = nothing_since; i < records_.size(); ++i) {
            const TraceRecord& record = records_[i];
            const bool counts = std::holds_alternative<engine::CompletionRecord>(record) ||
                                std::holds_alternative<engine::UpdateRecord>(record) ||
                                std::holds_alternative<engine::MonitorErrorRecord>(record);
            const std::string& socket = engine::head_of(record).socket;
            if (!counts || (!step.socket.empty() && socket != step.socket)) continue;
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
