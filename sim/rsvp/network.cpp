#include "rsvp/network.hpp"

#include <stdexcept>
#include <utility>

namespace qosbed::rsvp {

namespace {

const NetworkOptions& checked(const NetworkOptions& options) {
  if (options.times.refresh_us <= 0 || options.times.k < 1) {
    throw std::invalid_argument("refresh period and K must be positive");
  }
  return options;
}

}  // namespace

Network::Network(engine::Scheduler& queue, Topology topology, NetworkOptions options)
    : options_(checked(options)),
      random_(options.seed),
      links_(queue, std::move(topology), random_),
      traffic_control_(links_.topology()),
      protocol_(queue, links_, traffic_control_, options_.times, policy_table_),
      hosts_(queue, links_.topology(), protocol_, random_, options_.times.refresh_us) {
  links_.set_receiver(&protocol_);
  protocol_.set_applications(&hosts_);
}

void Network::halt() {
  protocol_.halt();
  hosts_.halt();
  links_.halt();
}

}  // namespace qosbed::rsvp
