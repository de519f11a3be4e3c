#include "gqos/indication.hpp"

#include "gqos/constants.hpp"

namespace qosbed::gqos {

Direction direction_of_status(std::uint32_t status) {
  switch (status) {
    case status::senders:
    case status::no_senders:
    case status::request_confirmed:
    case status::admission_failure:
    case status::policy_failure:
    case status::bad_style:
    case status::bad_object:
    case status::traffic_ctrl_error:
    case status::generic_error:
      return Direction::receiving;
    default:
      return Direction::sending;
  }
}

}  // namespace qosbed::gqos
