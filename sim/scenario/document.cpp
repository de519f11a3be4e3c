#include "scenario/document.hpp"

#include <yaml-cpp/eventhandler.h>

#include <sstream>
#include <string>

namespace qosbed::scenario::detail {
namespace {

// Notes where each document starts and ignores everything else.
class DocumentStarts final : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& mark) override { last_start = mark; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}

  YAML::Mark last_start;
};

}  // namespace

std::optional<ControlByte> find_control_byte(std::string_view text) {
  int line = 1;
  int column = 1;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte == '\n') {
      ++line;
      column = 1;
      continue;
    }
    if ((byte < 0x20 && byte != '\t' && byte != '\r') || byte == 0x7F) {
      return ControlByte{byte, line, column};
    }
    ++column;
  }
  return std::nullopt;
}

Document parse_document(std::string_view text) {
  const std::string owned(text);
  Document document;
  document.root = YAML::Load(owned);
  std::istringstream in(owned);
  YAML::Parser parser(in);
  DocumentStarts starts;
  if (parser.HandleNextDocument(starts) && parser.HandleNextDocument(starts)) {
    document.second_start = starts.last_start;
  }
  return document;
}

}  // namespace qosbed::scenario::detail
