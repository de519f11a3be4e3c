// `qosbed compile`: a network scenario turned into the equivalent scripted scenario for one host.
// The scenario is played as `qosbed run` plays it (the applications drive the hosts' SPs), what
// the host's RSVP SP indicated to its sockets becomes `sp: fd_qos` steps at the times it happened,
// and the application's steps and expectations on those sockets are kept, each at its absolute
// time. The result is commented YAML, written by the scenario writer, for an author to start from
// and hand-edit.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "scenario/scenario.hpp"

namespace qosbed::cli {

struct Compiled {
  std::string yaml;
  std::string host;  // the host it was compiled for
  std::size_t indications = 0;
};

// `source` is the scenario's file text (the `net:` steps are quoted from it in comments).
// `host`: a host's name, or
// empty for the first host whose sender or receiver names a socket. std::invalid_argument with a
// message for the user when the scenario has no network or the host is unknown or has no socket.
Compiled compile_for_host(const scenario::Scenario& scenario, const std::string& source,
                          const std::string& host);

}  // namespace qosbed::cli
