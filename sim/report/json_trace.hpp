// The trace as JSON Lines: one object per record, keys in a fixed order, numbers as numbers with
// their SDK names beside them, so the same run always prints the same bytes.
#pragma once

#include <ostream>
#include <string>

#include "engine/trace.hpp"
#include "report/json_writer.hpp"

namespace qosbed::report {

// One record as a single line of JSON, without the newline.
std::string to_json(const engine::TraceRecord& record);

class JsonTraceWriter final : public engine::TraceSink {
 public:
  // With a `scenario` (the file a run plays), every record begins with it, so that the traces of
  // several files in one stream can be told apart.
  explicit JsonTraceWriter(std::ostream& out, std::string scenario = {})
      : out_(out), scenario_(std::move(scenario)) {}
  void record(const engine::TraceRecord& record) override;

 private:
  std::ostream& out_;
  std::string scenario_;
  TextBuffer line_;  // reused for every record
};

}  // namespace qosbed::report
