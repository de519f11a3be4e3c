// What the completion and scaling benchmarks share: a listener that counts what the Monitor
// reports, the FD_QOS indication they deliver, and a stream that discards what is written.
#pragma once

#include <cstdint>
#include <streambuf>
#include <string_view>

#include "client/monitor.hpp"
#include "gqos/constants.hpp"

namespace qosbed::bench {

// Discards what is written: the JSON is built in full, then costs no I/O.
class NullBuffer final : public std::streambuf {
 protected:
  int overflow(int c) override { return traits_type::not_eof(c); }
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

class CountingListener final : public client::MonitorListener {
 public:
  void on_update(const client::Update&) override { ++updates; }
  void on_error(std::uint32_t, std::string_view) override { ++errors; }
  void on_stopped(client::StopReason) override {}
  std::uint64_t updates = 0;
  std::uint64_t errors = 0;
};

// WSA_QOS_SENDERS with a controlled-load receiving FLOWSPEC: one update per completion.
inline gqos::Indication senders_indication() {
  gqos::Indication indication;
  indication.status = gqos::status::senders;
  gqos::FlowSpec receiving = gqos::unspecified_flowspec(gqos::service_type::controlled_load);
  receiving.token_rate = 1000;
  indication.receiving = receiving;
  return indication;
}

}  // namespace qosbed::bench
