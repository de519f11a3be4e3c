// Sample RSVP messages for the wire format's suites and the capture checked with tshark: every
// message type, every object type, each style (WF, FF, SE) and service (Controlled Load,
// Guaranteed), errors, confirmation, scope, policy data and opaque objects, each with the IPv4
// addresses RFC 2205 section 3.1 sends it between. Topology: sender s 10.0.0.1 -- router r
// 10.0.0.254 -- receiver d 10.0.0.2, session 10.0.0.2:5000/UDP, a second sender 10.0.0.3.
#pragma once

#include <cmath>
#include <string>
#include <vector>

#include "rsvp_wire/message.hpp"

namespace rsvp_wire_samples {

using namespace qosbed::rsvp_wire;

inline constexpr Ipv4 s = 0x0A000001;
inline constexpr Ipv4 s2 = 0x0A000003;
inline constexpr Ipv4 r = 0x0A0000FE;
inline constexpr Ipv4 d = 0x0A000002;

struct Sample {
  std::string name;
  Message message;
  Ipv4 source = 0;
  Ipv4 destination = 0;
};

inline Session session() {
  return Session{d, 17, 0, 5000};
}

inline Tspec tspec(float rate) {
  return Tspec{rate, 2048, INFINITY, 64, 1500};
}

inline FlowSpec controlled_load(float rate) {
  return FlowSpec{tspec(rate), std::nullopt};
}

inline FlowSpec guaranteed(float rate, float reserved_rate, std::uint32_t slack_us) {
  return FlowSpec{tspec(rate), Rspec{reserved_rate, slack_us}};
}

// The ADSPEC after one hop s -> r: every fragment and parameter, r not offering Guaranteed's
// full path (break bit on its fragment) and overriding the MTU for Controlled Load.
inline Adspec full_adspec() {
  Adspec adspec;
  adspec.general = GeneralParameters{false, 1, 125'000, 1'000, 1500};
  GuaranteedFragment g;
  g.break_bit = true;
  g.terms = GuaranteedTerms{1500, 2000, 1500, 2000};
  g.overrides.path_bandwidth = 62'500;
  adspec.guaranteed = g;
  ControlledLoadFragment cl;
  cl.overrides.path_mtu = 1280;
  cl.overrides.is_hops = 1;
  cl.overrides.min_latency_us = 1'000;
  adspec.controlled_load = cl;
  return adspec;
}

// A policy element of an unregistered P-Type, as a policy server would hand it on unread.
inline PolicyData policy() {
  PolicyData data;
  data.elements.push_back(
      PolicyElement{0x8001, {std::byte{1}, std::byte{2}, std::byte{3}, std::byte{4}}});
  return data;
}

inline Message message(Body body, std::uint8_t send_ttl = 64) {
  Message m;
  m.send_ttl = send_ttl;
  m.body = std::move(body);
  return m;
}

// Every sample; `in_capture` leaves out those with opaque objects, which a real network never
// sends (they stand for what a future RSVP extension might).
inline std::vector<Sample> all(bool in_capture = false) {
  std::vector<Sample> out;
  const SenderDescriptor sender{{s, 6000}, tspec(8000), full_adspec()};

  Path path{session(), Hop{r, 1}, TimeValues{30'000}, {policy()}, sender, {}};
  out.push_back({"path-full", message(path), s, d});
  out.push_back({"path-no-sender", message(Path{session(), Hop{s, 0}, {}, {}, {}, {}}), s, d});

  Resv wf{session(),
          Hop{d, 1},
          TimeValues{30'000},
          ResvConfirm{d},
          Scope{{s, s2}},
          {},
          Style::wf,
          {FlowDescriptor{controlled_load(8000), {}}},
          {}};
  out.push_back({"resv-wf-confirm-scope", message(wf), d, r});
  Resv ff{session(),
          Hop{d, 1},
          TimeValues{30'000},
          {},
          {},
          {},
          Style::ff,
          {FlowDescriptor{guaranteed(8000, 10'000, 500), {{s, 6000}}},
           FlowDescriptor{std::nullopt, {{s2, 6001}}},
           FlowDescriptor{controlled_load(4000), {{s2, 6002}}}},
          {}};
  out.push_back({"resv-ff-guaranteed", message(ff), d, r});
  Resv se{session(),
          Hop{r, 2},
          TimeValues{45'000},
          {},
          {},
          {policy()},
          Style::se,
          {FlowDescriptor{guaranteed(16000, 16000, 0), {{s, 6000}, {s2, 6001}}}},
          {}};
  out.push_back({"resv-se-policy", message(se), r, s});

  PathErr path_err{
      session(), ErrorSpec{r, 0, error_code::no_path_information, 0}, {policy()}, sender, {}};
  out.push_back({"path-err", message(path_err), r, s});

  ResvErr admission{session(),
                    Hop{r, 2},
                    ErrorSpec{r, 0x01, error_code::admission_control_failure,
                              admission_value::requested_bandwidth_unavailable},
                    Scope{{s}},
                    {},
                    Style::wf,
                    FlowDescriptor{controlled_load(50'000), {}},
                    {}};
  out.push_back({"resv-err-wf-admission", message(admission), r, d});
  ResvErr policy_err{
      session(),  Hop{r, 2}, ErrorSpec{r, 0, error_code::policy_control_failure, 0}, {},
      {policy()}, Style::ff, FlowDescriptor{controlled_load(8000), {{s, 6000}}},     {}};
  out.push_back({"resv-err-ff-policy", message(policy_err), r, d});
  ResvErr style_err{
      session(),    Hop{r, 2}, ErrorSpec{r, 0, error_code::conflicting_reservation_style, 0},
      {},           {},        Style::se,
      std::nullopt, {}};
  out.push_back({"resv-err-se-no-descriptor", message(style_err), r, d});

  out.push_back({"path-tear-template",
                 message(PathTear{session(), Hop{s, 1}, SenderDescriptor{{s, 6000}, {}, {}}, {}}),
                 s, d});
  out.push_back({"path-tear-full", message(PathTear{session(), Hop{r, 2}, sender, {}}), s, d});

  out.push_back({"resv-tear-wf-empty",
                 message(ResvTear{session(), Hop{d, 1}, Scope{{s}}, Style::wf, {}, {}}), d, r});
  out.push_back({"resv-tear-ff",
                 message(ResvTear{session(),
                                  Hop{d, 1},
                                  {},
                                  Style::ff,
                                  {FlowDescriptor{std::nullopt, {{s, 6000}}},
                                   FlowDescriptor{std::nullopt, {{s2, 6001}}}},
                                  {}}),
                 d, r});
  out.push_back({"resv-tear-se-flowspec",
                 message(ResvTear{session(),
                                  Hop{r, 2},
                                  {},
                                  Style::se,
                                  {FlowDescriptor{controlled_load(8000), {{s, 6000}}}},
                                  {}}),
                 r, s});

  out.push_back({"resv-conf-wf",
                 message(ResvConf{session(),
                                  ErrorSpec{s, 0, error_code::confirmation, 0},
                                  ResvConfirm{d},
                                  Style::wf,
                                  {FlowDescriptor{controlled_load(8000), {}}},
                                  {}},
                         63),
                 s, d});
  out.push_back({"resv-conf-ff",
                 message(ResvConf{session(),
                                  ErrorSpec{s, 0, error_code::confirmation, 0},
                                  ResvConfirm{d},
                                  Style::ff,
                                  {FlowDescriptor{guaranteed(8000, 9000, 100), {{s, 6000}}}},
                                  {}}),
                 r, d});
  if (in_capture) return out;

  // RFC 2205 section 3.10: classes 128-191 are ignored, 192-255 forwarded, and INTEGRITY is left
  // opaque by this library.
  Path opaque{session(),
              Hop{r, 1},
              TimeValues{30'000},
              {},
              sender,
              {OpaqueObject{class_num::integrity, 1, std::vector<std::byte>(8, std::byte{0xAB})},
               OpaqueObject{200, 1, {}}, OpaqueObject{130, 3, std::vector<std::byte>(4)}}};
  out.push_back({"path-opaque", message(opaque), s, d});
  Resv opaque_resv = wf;
  opaque_resv.opaque.push_back(OpaqueObject{192, 7, std::vector<std::byte>(12, std::byte{7})});
  // RFC 2750 section 3.1: options are RSVP objects; here a SCOPE naming s.
  const std::vector<std::byte> scope_option{std::byte{0}, std::byte{8},  std::byte{7},
                                            std::byte{1}, std::byte{10}, std::byte{0},
                                            std::byte{0}, std::byte{1}};
  opaque_resv.policy.push_back(PolicyData{scope_option, {}});
  out.push_back({"resv-opaque-policy-options", message(opaque_resv), d, r});
  return out;
}

}  // namespace rsvp_wire_samples
