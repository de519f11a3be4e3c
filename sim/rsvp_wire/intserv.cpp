#include "rsvp_wire/intserv.hpp"

#include <cstdint>
#include <utility>

namespace qosbed::rsvp_wire::intserv {

namespace {

// Parameter numbers (RFC 2215 section 3, RFC 2212 section 9, RFC 2210 section 3.1).
constexpr std::uint8_t number_of_is_hops = 4;
constexpr std::uint8_t available_path_bandwidth = 6;
constexpr std::uint8_t minimum_path_latency = 8;
constexpr std::uint8_t path_mtu = 10;
constexpr std::uint8_t token_bucket_tspec = 127;
constexpr std::uint8_t guaranteed_rspec = 130;
constexpr std::uint8_t composed_c_tot = 133;
constexpr std::uint8_t composed_d_tot = 134;
constexpr std::uint8_t composed_c_sum = 135;
constexpr std::uint8_t composed_d_sum = 136;

constexpr std::uint8_t break_bit = 0x80;  // in the byte after a fragment's service number
constexpr std::uint16_t tspec_words = 5;
constexpr std::uint16_t rspec_words = 2;

// The message header: version 0 in the top four bits, then the body's length in words after it,
// patched once the fragments are written.
std::size_t begin_body(Writer& out) {
  const std::size_t start = out.size();
  out.u16(0);
  out.u16(0);
  return start;
}

void end_body(Writer& out, std::size_t start) {
  out.patch_u16(start + 2, static_cast<std::uint16_t>((out.size() - start) / 4 - 1));
}

std::size_t begin_fragment(Writer& out, std::uint8_t service_number, bool broken) {
  const std::size_t start = out.size();
  out.u8(service_number);
  out.u8(broken ? break_bit : 0);
  out.u16(0);
  return start;
}

void end_fragment(Writer& out, std::size_t start) {
  out.patch_u16(start + 2, static_cast<std::uint16_t>((out.size() - start) / 4 - 1));
}

void parameter(Writer& out, std::uint8_t id, std::uint16_t words) {
  out.u8(id);
  out.u8(0);  // flags: none defined that a sender sets
  out.u16(words);
}

void token_bucket(Writer& out, const Tspec& tspec) {
  parameter(out, token_bucket_tspec, tspec_words);
  out.f32(tspec.rate);
  out.f32(tspec.bucket);
  out.f32(tspec.peak);
  out.u32(tspec.min_policed_unit);
  out.u32(tspec.max_packet_size);
}

void overrides(Writer& out, const GeneralOverrides& general) {
  if (general.is_hops) {
    parameter(out, number_of_is_hops, 1);
    out.u32(*general.is_hops);
  }
  if (general.path_bandwidth) {
    parameter(out, available_path_bandwidth, 1);
    out.f32(*general.path_bandwidth);
  }
  if (general.min_latency_us) {
    parameter(out, minimum_path_latency, 1);
    out.u32(*general.min_latency_us);
  }
  if (general.path_mtu) {
    parameter(out, path_mtu, 1);
    out.u32(*general.path_mtu);
  }
}

// A service fragment's header as read: where it starts (a wrong service or length is reported
// there), the service number, the break bit and the length of its data in words.
struct ServiceHeader {
  std::size_t at = 0;
  std::uint8_t number = 0;
  bool broken = false;
  std::size_t words = 0;
};

// A reader of one body: every length is checked against what is left before anything is read.
class BodyReader {
 public:
  BodyReader(std::span<const std::byte> body, std::size_t& error_at)
      : in_(body), error_at_(error_at) {}

  // The message header: version 0 and a length that is exactly the rest of the body.
  bool header() {
    if (in_.remaining() < 4 || in_.remaining() % 4 != 0) return fail();
    if ((in_.u8() >> 4) != 0) return fail(0);
    in_.u8();
    const std::size_t words = in_.u16();
    return words * 4 == in_.remaining() || fail(2);
  }

  bool done() const { return in_.remaining() == 0; }
  std::size_t position() const { return in_.position(); }

  // A service header whose data fits the body.
  bool fragment(ServiceHeader& header) {
    if (in_.remaining() < 4) return fail();
    header.at = in_.position();
    header.number = in_.u8();
    header.broken = (in_.u8() & break_bit) != 0;
    header.words = in_.u16();
    return header.words * 4 <= in_.remaining() || fail(header.at + 2);
  }

  // A parameter header inside a fragment ending at `end`; `words` is the value's length.
  bool parameter(std::size_t end, std::uint8_t& id, std::size_t& words) {
    if (end - in_.position() < 4) return fail();
    const std::size_t at = in_.position();
    id = in_.u8();
    in_.u8();  // flags
    words = in_.u16();
    return words * 4 <= end - in_.position() || fail(at + 2);
  }

  bool expect_parameter(std::size_t end, std::uint8_t id, std::size_t words) {
    const std::size_t at = in_.position();
    std::uint8_t got = 0;
    std::size_t length = 0;
    if (!parameter(end, got, length)) return false;
    return (got == id && length == words) || fail(at);
  }

  Tspec tspec() {
    Tspec tspec;
    tspec.rate = in_.f32();
    tspec.bucket = in_.f32();
    tspec.peak = in_.f32();
    tspec.min_policed_unit = in_.u32();
    tspec.max_packet_size = in_.u32();
    return tspec;
  }

  // Reads the one-word value of a general parameter into `general`; false for another id, a
  // length other than one word, or a parameter given twice.
  bool general_parameter(std::uint8_t id, std::size_t words, std::size_t at,
                         GeneralOverrides& general) {
    if (words != 1) return fail(at);
    switch (id) {
      case number_of_is_hops:
        return set(general.is_hops, in_.u32(), at);
      case available_path_bandwidth:
        return set(general.path_bandwidth, in_.f32(), at);
      case minimum_path_latency:
        return set(general.min_latency_us, in_.u32(), at);
      case path_mtu:
        return set(general.path_mtu, in_.u32(), at);
      default:
        return fail(at);
    }
  }

  static bool is_guaranteed_term(std::uint8_t id) {
    return id >= composed_c_tot && id <= composed_d_sum;
  }

  bool guaranteed_term(std::uint8_t id, std::size_t words, std::size_t at,
                       std::optional<std::uint32_t> (&terms)[4]) {
    if (words != 1) return fail(at);
    return set(terms[id - composed_c_tot], in_.u32(), at);
  }

  std::uint32_t u32() { return in_.u32(); }
  float f32() { return in_.f32(); }

  bool fail() { return fail(in_.position()); }
  bool fail(std::size_t at) {
    error_at_ = at;
    return false;
  }

 private:
  template <typename T>
  bool set(std::optional<T>& slot, T value, std::size_t at) {
    if (slot) return fail(at);
    slot = value;
    return true;
  }

  Reader in_;
  std::size_t& error_at_;
};

// Reads the general parameters of a fragment's data, up to `end`; for the Guaranteed fragment,
// also its composed terms.
bool fragment_parameters(BodyReader& in, std::size_t end, GeneralOverrides& general,
                         std::optional<std::uint32_t> (*terms)[4]) {
  while (in.position() < end) {
    const std::size_t at = in.position();
    std::uint8_t id = 0;
    std::size_t words = 0;
    if (!in.parameter(end, id, words)) return false;
    const bool read = terms && BodyReader::is_guaranteed_term(id)
                          ? in.guaranteed_term(id, words, at, *terms)
                          : in.general_parameter(id, words, at, general);
    if (!read) return false;
  }
  return true;
}

bool guaranteed_fragment(BodyReader& in, std::size_t end, bool broken, Adspec& adspec) {
  GuaranteedFragment fragment{broken, std::nullopt, {}};
  std::optional<std::uint32_t> terms[4];
  const std::size_t start = in.position();
  if (!fragment_parameters(in, end, fragment.overrides, &terms)) return false;
  const bool any = terms[0] || terms[1] || terms[2] || terms[3];
  if (any) {
    // RFC 2210 section 3.3.2: the four composed terms come together.
    if (!(terms[0] && terms[1] && terms[2] && terms[3])) return in.fail(start);
    fragment.terms = GuaranteedTerms{*terms[0], *terms[1], *terms[2], *terms[3]};
  }
  adspec.guaranteed = fragment;
  return true;
}

// Marks `at` as the offending byte and gives up on the body.
std::nullopt_t fail(BodyReader& in, std::size_t at) {
  in.fail(at);
  return std::nullopt;
}

}  // namespace

void write_tspec(Writer& out, const Tspec& tspec) {
  // RFC 2210 section 3.1: one service 1 (general information) fragment with parameter 127.
  const std::size_t body = begin_body(out);
  const std::size_t fragment = begin_fragment(out, service::general, false);
  token_bucket(out, tspec);
  end_fragment(out, fragment);
  end_body(out, body);
}

void write_flowspec(Writer& out, const FlowSpec& flowspec) {
  // RFC 2210 section 3.2: Controlled Load holds the Tspec; Guaranteed adds its RSpec, param 130.
  const std::size_t body = begin_body(out);
  const std::size_t fragment = begin_fragment(out, flowspec.service_number(), false);
  token_bucket(out, flowspec.tspec);
  if (flowspec.rspec) {
    parameter(out, guaranteed_rspec, rspec_words);
    out.f32(flowspec.rspec->rate);
    out.u32(flowspec.rspec->slack_us);
  }
  end_fragment(out, fragment);
  end_body(out, body);
}

void write_adspec(Writer& out, const Adspec& adspec) {
  // RFC 2210 section 3.3: the default general parameters fragment, then Guaranteed (3.3.2) and
  // Controlled Load (3.3.3) fragments when present.
  const std::size_t body = begin_body(out);
  const GeneralParameters& general = adspec.general;
  std::size_t fragment = begin_fragment(out, service::general, general.break_bit);
  overrides(out, GeneralOverrides{general.is_hops, general.path_bandwidth, general.min_latency_us,
                                  general.path_mtu});
  end_fragment(out, fragment);
  if (adspec.guaranteed) {
    fragment = begin_fragment(out, service::guaranteed, adspec.guaranteed->break_bit);
    if (const auto& terms = adspec.guaranteed->terms) {
      const std::pair<std::uint8_t, std::uint32_t> composed[] = {{composed_c_tot, terms->c_tot},
                                                                 {composed_d_tot, terms->d_tot},
                                                                 {composed_c_sum, terms->c_sum},
                                                                 {composed_d_sum, terms->d_sum}};
      for (const auto& [id, value] : composed) {
        parameter(out, id, 1);
        out.u32(value);
      }
    }
    overrides(out, adspec.guaranteed->overrides);
    end_fragment(out, fragment);
  }
  if (adspec.controlled_load) {
    fragment = begin_fragment(out, service::controlled_load, adspec.controlled_load->break_bit);
    overrides(out, adspec.controlled_load->overrides);
    end_fragment(out, fragment);
  }
  end_body(out, body);
}

std::optional<Tspec> read_tspec(std::span<const std::byte> body, std::size_t& error_at) {
  BodyReader in(body, error_at);
  ServiceHeader fragment;
  if (!in.header() || !in.fragment(fragment)) return std::nullopt;
  if (fragment.number != service::general || fragment.words != tspec_words + 1) {
    return fail(in, fragment.at);
  }
  if (!in.expect_parameter(body.size(), token_bucket_tspec, tspec_words)) return std::nullopt;
  const Tspec tspec = in.tspec();
  if (!in.done()) return fail(in, in.position());
  return tspec;
}

std::optional<FlowSpec> read_flowspec(std::span<const std::byte> body, std::size_t& error_at) {
  BodyReader in(body, error_at);
  ServiceHeader fragment;
  if (!in.header() || !in.fragment(fragment)) return std::nullopt;
  const bool guaranteed = fragment.number == service::guaranteed;
  const std::size_t expected = tspec_words + 1 + (guaranteed ? rspec_words + 1 : 0);
  if ((!guaranteed && fragment.number != service::controlled_load) || fragment.words != expected) {
    return fail(in, fragment.at);
  }
  if (!in.expect_parameter(body.size(), token_bucket_tspec, tspec_words)) return std::nullopt;
  FlowSpec flowspec{in.tspec(), std::nullopt};
  if (guaranteed) {
    if (!in.expect_parameter(body.size(), guaranteed_rspec, rspec_words)) return std::nullopt;
    const float rate = in.f32();
    flowspec.rspec = Rspec{rate, in.u32()};
  }
  if (!in.done()) return fail(in, in.position());
  return flowspec;
}

std::optional<Adspec> read_adspec(std::span<const std::byte> body, std::size_t& error_at) {
  BodyReader in(body, error_at);
  if (!in.header()) return std::nullopt;
  Adspec adspec;
  bool first = true;
  while (!in.done()) {
    ServiceHeader header;
    if (!in.fragment(header)) return std::nullopt;
    const std::size_t end = in.position() + header.words * 4;
    const std::uint8_t number = header.number;
    // The default general parameters fragment comes first, then each service at most once.
    const bool expected = first
                              ? number == service::general
                              : (number == service::guaranteed && !adspec.guaranteed) ||
                                    (number == service::controlled_load && !adspec.controlled_load);
    if (!expected) return fail(in, header.at);
    if (number == service::general) {
      GeneralOverrides general;
      if (!fragment_parameters(in, end, general, nullptr)) return std::nullopt;
      // RFC 2210 section 3.3.1: the four parameters are all present.
      if (!(general.is_hops && general.path_bandwidth && general.min_latency_us &&
            general.path_mtu)) {
        return fail(in, header.at);
      }
      adspec.general = GeneralParameters{header.broken, *general.is_hops, *general.path_bandwidth,
                                         *general.min_latency_us, *general.path_mtu};
    } else if (number == service::guaranteed) {
      if (!guaranteed_fragment(in, end, header.broken, adspec)) return std::nullopt;
    } else {
      ControlledLoadFragment fragment{header.broken, {}};
      if (!fragment_parameters(in, end, fragment.overrides, nullptr)) return std::nullopt;
      adspec.controlled_load = fragment;
    }
    first = false;
  }
  if (first) return fail(in, in.position());
  return adspec;
}

}  // namespace qosbed::rsvp_wire::intserv
