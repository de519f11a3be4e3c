#include "rsvp/messages.hpp"

#include "rsvp/overloaded.hpp"

namespace qosbed::rsvp {

std::string_view name_of(ErrorCode code) {
  switch (code) {
    case ErrorCode::admission_failure:
      return "admission failure";
    case ErrorCode::policy_failure:
      return "policy failure";
    case ErrorCode::no_path:
      return "no path";
    case ErrorCode::no_sender:
      return "no sender";
    case ErrorCode::conflicting_style:
      return "conflicting style";
    case ErrorCode::conflicting_dest_ports:
      return "conflicting dest ports";
  }
  return "?";
}

std::string_view name_of(const Message& message) {
  return std::visit(Overloaded{[](const Path&) { return std::string_view{"Path"}; },
                               [](const Resv&) { return std::string_view{"Resv"}; },
                               [](const PathTear&) { return std::string_view{"PathTear"}; },
                               [](const ResvTear&) { return std::string_view{"ResvTear"}; },
                               [](const PathErr&) { return std::string_view{"PathErr"}; },
                               [](const ResvErr&) { return std::string_view{"ResvErr"}; },
                               [](const ResvConf&) { return std::string_view{"ResvConf"}; }},
                    message);
}

const Session& session_of(const Message& message) {
  return std::visit([](const auto& m) -> const Session& { return m.session; }, message);
}

}  // namespace qosbed::rsvp
