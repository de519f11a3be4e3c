// The YAML a scenario is written as: the one writer of scenario files, for `qosbed new` (a
// starter), `qosbed compile` (a network scenario scripted for one host) and a recording
// (sim/record). Values are spelled as a person writes them (docs/scenario-language.md): every
// time with its unit in the largest unit that divides it, statuses, errors, service types,
// styles, object types and wait results by their SDK names, QOS_NOT_SPECIFIED as
// `not_specified`, FLOWSPECs, QOS requests and objects as flow maps on one line. What the writer
// writes, the loader reads back to the same values (tests/scenario_writer_test.cpp).
//
// It writes the scripted language: a scenario's `network:` section and the steps that refer to it
// (`net:`, `expect: message`, `expect: state`) have no writer yet.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "gqos/codec.hpp"
#include "gqos/layout.hpp"
#include "scenario/scenario.hpp"

namespace qosbed::scenario {

// A time: "10ms", "1500us", "2s", "0us".
std::string duration_text(std::int64_t us);
// A FLOWSPEC or ADSPEC field: its number, or not_specified for QOS_NOT_SPECIFIED.
std::string field_text(std::uint32_t value);
// Every field of a FLOWSPEC, its ServiceType by name: "{ service_type: SERVICETYPE_GUARANTEED,
// token_rate: 8000, ..., latency: not_specified, ... }".
std::string flowspec_text(const gqos::FlowSpec& flowspec);
// The fields a FLOWSPEC names, in the order of flowspec_text().
std::string flowspec_text(const FlowSpecFields& fields);
// A ProviderSpecific object: `end_of_list`, `{ adspec: {...} }`, `{ sd_mode: ... }`,
// `{ shaping_rate: ... }` where that spelling makes the same bytes, else `{ raw: { type, length
// (when declared), hex } }`.
std::string object_text(const gqos::ProviderObject& object);
// An `objects:` list on one line: `[end_of_list, { raw: ... }]`.
std::string objects_text(const std::vector<gqos::ProviderObject>& objects);

// What a writer adds to a step for the person who reads it.
struct StepNotes {
  std::string before;   // a comment on a line of its own before the step
  std::string on_time;  // a comment after its `at:`
  std::string on_kind;  // a comment after its `app:`, `sp:` or `expect:`
  bool timed = true;    // false: no `at:`, the step comes at the time of the one before
};

// Writes one scenario file, part by part, in the order the file has them.
class ScenarioWriter {
 public:
  // "# text" lines at the top level, one per line of `text`.
  void comment(std::string_view text);
  void name(std::string_view slug);
  // Folded (`>`), its words in lines of at most 88 characters.
  void description(std::string_view text);
  // The provider's options: `profile:` always (with `profile_note` as its comment, if any), then
  // `pending:`, `admission_limit:` and each of `decisions:` where it is not qosbed's default.
  void provider(const SpOptions& options, std::string_view profile_note = {});
  void sockets(const std::vector<SocketSpec>& sockets);
  // `steps:`; then step() and step_comment() in file order.
  void steps();
  // Throws std::invalid_argument for a step of a network scenario (no writer yet).
  void step(const Step& step, const StepNotes& notes = {});
  // "  # text" among the steps.
  void step_comment(std::string_view text);

  const std::string& text() const { return text_; }

 private:
  std::string text_;
  bool after_sleep_ex_ = false;  // the last `app: wait` was a SleepEx, whose 0 is a timeout
};

// A scripted scenario whole: name, description, provider, sockets and steps.
std::string to_yaml(const Scenario& scenario);

}  // namespace qosbed::scenario
