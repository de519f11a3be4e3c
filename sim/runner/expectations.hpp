// Checks `expect:` steps against the trace. Observations of one kind on one socket are matched
// in order: each expectation takes the next one not yet taken. Only the fields an expectation
// names are compared; each miss is reported as "expected <what> X vs actual Y" with where the
// observation came from.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/trace.hpp"
#include "runner/runner.hpp"
#include "scenario/scenario.hpp"

namespace qosbed::runner {

// The synchronous result of the last application call, for `expect: call`.
struct CallResult {
  std::string socket;
  std::string call;
  std::int64_t result = 0;
  std::uint32_t error = 0;  // last_error() when result reports failure, else 0
  std::optional<std::uint32_t> bytes;
  std::optional<std::uint32_t> value;  // the DWORD a SIO_CHK_QOS wrote
  // What a SIO_GET_QOS that returned data at once holds (see scenario::ExpectCall).
  std::optional<std::uint32_t> required;
  std::optional<std::uint32_t> status;
  std::optional<std::uint32_t> extended_status1;
  std::optional<std::uint32_t> extended_status2;
  std::optional<gqos::FlowSpec> sending;
  std::optional<gqos::FlowSpec> receiving;
  std::optional<gqos::Adspec> adspec;  // the first RSVP_ADSPEC in ProviderSpecific
  // Set when the last `app:` step could not be played (it made no call): where that step is.
  std::optional<scenario::Mark> not_played;

  // A query that returned at once: what its caller can read from `buffer` now (the required
  // size of a WSAENOBUFS, or the QOS of `bytes` bytes).
  void remember_returned_data(std::span<const std::byte> buffer, std::uint32_t bytes,
                              std::uint32_t error);
};

class ExpectationChecker {
 public:
  explicit ExpectationChecker(const std::vector<engine::TraceRecord>& records)
      : records_(records) {}

  // Checks one expectation; `nothing_since` is the trace length when the step before ended.
  void check(const scenario::Step& step, const scenario::Expectation& expectation,
             const std::optional<CallResult>& last_call, std::size_t nothing_since,
             engine::TimeUs now_us, std::vector<Failure>& failures);

 private:
  // The next record of one of `Kinds` on `socket` (on any socket for waits) not taken yet.
  template <typename... Kinds>
  const engine::TraceRecord* take(const std::string& socket);

  const std::vector<engine::TraceRecord>& records_;
  // Next record index to look at, per (socket, the first of the kinds taken).
  std::map<std::pair<std::string, std::string_view>, std::size_t> cursors_;
};

}  // namespace qosbed::runner
