#include "rsvp_wire/message.hpp"

#include <type_traits>

namespace qosbed::rsvp_wire {

static_assert(std::is_same_v<std::variant_alternative_t<0, Body>, Path>);
static_assert(std::is_same_v<std::variant_alternative_t<4, Body>, PathTear>);
static_assert(std::variant_size_v<Body> == 7);

std::string_view name_of(MessageType type) {
  switch (type) {
    case MessageType::path:
      return "Path";
    case MessageType::resv:
      return "Resv";
    case MessageType::path_err:
      return "PathErr";
    case MessageType::resv_err:
      return "ResvErr";
    case MessageType::path_tear:
      return "PathTear";
    case MessageType::resv_tear:
      return "ResvTear";
    case MessageType::resv_conf:
      return "ResvConf";
  }
  return "?";
}

MessageType type_of(const Body& body) {
  // The variant's alternatives are in Msg Type order, from Path = 1.
  return static_cast<MessageType>(body.index() + 1);
}

}  // namespace qosbed::rsvp_wire
