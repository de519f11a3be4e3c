// Shared pieces of the RSVP suites: flowspecs, a recorder of what hosts are told and of every
// message, and a small builder of topologies.
#pragma once

#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "engine/event_queue.hpp"
#include "gqos/constants.hpp"
#include "rsvp/network.hpp"

namespace rsvp_test {

using namespace qosbed;
using namespace qosbed::rsvp;
using engine::TimeUs;

constexpr TimeUs ms = 1'000;
constexpr TimeUs s = 1'000'000;

inline gqos::FlowSpec flowspec(std::uint32_t token_rate) {
  return gqos::FlowSpec{token_rate,
                        2048,
                        token_rate * 2,
                        gqos::qos_not_specified,
                        gqos::qos_not_specified,
                        gqos::service_type::controlled_load,
                        1500,
                        64};
}

// A request below flowspec(any rate at least `token_rate`) in every Tspec component, so that a
// blockade of such a flowspec does not blockade it (RFC 2205 section 3.5).
inline gqos::FlowSpec smaller(std::uint32_t token_rate) {
  gqos::FlowSpec f = flowspec(token_rate);
  f.token_bucket_size = 1024;
  f.max_sdu_size = 1000;
  f.minimum_policed_size = 128;
  return f;
}

inline LinkSpec link(std::uint64_t bandwidth, TimeUs delay_us, double loss = 0.0) {
  return LinkSpec{bandwidth, delay_us, loss, std::nullopt};
}

// A link with the PATH_MTU and RFC 2212 error terms C and D the ADSPEC composes.
inline LinkSpec gs_link(std::uint64_t bandwidth, TimeUs delay_us, std::uint32_t mtu,
                        std::uint32_t c, TimeUs d_us) {
  LinkSpec spec = link(bandwidth, delay_us);
  spec.mtu = mtu;
  spec.c = c;
  spec.d_us = d_us;
  return spec;
}

// One line per host event, "<time us> <host> <event> <detail>", in the order they happened.
class Recorder final : public HostObserver {
 public:
  Recorder(engine::EventQueue& queue, std::string host, std::vector<std::string>& log)
      : queue_(queue), host_(std::move(host)), log_(log) {}

  void on_path(const Session&, const SenderId& sender, const PathState& path) override {
    add("path", std::to_string(sender.port) + " rate " + std::to_string(path.tspec.token_rate));
  }
  void on_no_senders(const Session&, Cause cause) override { add("no_senders", name(cause)); }
  void on_reservation(const Session&, Style style,
                      const std::vector<FlowDescriptor>& reserved) override {
    std::string detail{name_of(style)};
    for (const auto& d : reserved) detail += " " + std::to_string(d.flowspec.token_rate);
    add("reservation", detail);
  }
  void on_no_reservations(const Session&, Cause cause) override {
    add("no_reservations", name(cause));
  }
  void on_confirmed(const Session&, const ResvConf& conf) override {
    add("confirmed", std::to_string(conf.descriptors.front().flowspec.token_rate));
  }
  void on_reservation_error(const Session&, const ResvErr& err) override {
    add("resv_err", std::string{name_of(err.error.code)} + " " +
                        std::to_string(err.descriptor.flowspec.token_rate));
  }
  void on_path_error(const Session&, const PathErr& err) override {
    add("path_err", std::string{name_of(err.error.code)});
  }

 private:
  static std::string name(Cause cause) { return cause == Cause::timeout ? "timeout" : "teardown"; }
  void add(const std::string& event, const std::string& detail) {
    log_.push_back(std::to_string(queue_.now_us()) + " " + host_ + " " + event + " " + detail);
  }

  engine::EventQueue& queue_;
  std::string host_;
  std::vector<std::string>& log_;
};

// Every message, one line each: "<time us> <sent|recv|lost|down> <Kind> <from>-><to>".
class MessageLog final : public MessageObserver {
 public:
  explicit MessageLog(engine::EventQueue& queue) : queue_(queue) {}
  void on_sent(NodeId from, NodeId to, LinkId, const Message& message) override {
    add("sent", message, from, to);
  }
  void on_received(NodeId at, NodeId from, LinkId, const Message& message) override {
    add("recv", message, from, at);
  }
  void on_dropped(NodeId from, NodeId to, LinkId, const Message& message, Drop why) override {
    add(why == Drop::lost ? "lost" : "down", message, from, to);
  }
  std::size_t count(const std::string& what, const std::string& kind) const {
    std::size_t n = 0;
    for (const auto& line : lines) {
      if (line.find(" " + what + " " + kind + " ") != std::string::npos) ++n;
    }
    return n;
  }
  std::vector<std::string> lines;

 private:
  void add(const char* what, const Message& message, NodeId from, NodeId to) {
    std::ostringstream line;
    line << queue_.now_us() << ' ' << what << ' ' << name_of(message) << ' ' << from << "->" << to;
    lines.push_back(line.str());
  }
  engine::EventQueue& queue_;
};

inline Session session_to(Address destination, std::uint16_t port = 5000) {
  return Session{destination, port, 17};
}

inline std::size_t count(const std::vector<std::string>& log, const std::string& needle) {
  std::size_t n = 0;
  for (const auto& line : log) {
    if (line.find(needle) != std::string::npos) ++n;
  }
  return n;
}

}  // namespace rsvp_test
