// Every error text the loader prints, in one place, so they stay consistent and tests can assert
// them exactly. Texts are short, lowercase, and quote what was written.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "scenario/scenario.hpp"

namespace qosbed::scenario::msg {

// The file as a whole.
std::string cannot_read(std::string_view path);
std::string file_too_large(std::size_t cap_bytes);
std::string invalid_yaml(std::string_view detail);
std::string control_byte(unsigned value);
std::string too_deep();
std::string nested_past_caps(int max_flow_depth, int max_indent_columns);
std::string too_many_steps(std::size_t count, std::size_t cap);
std::string empty_file();
std::string second_document();

// Map keys.
std::string unknown_key(std::string_view key, std::optional<std::string_view> suggestion,
                        std::span<const std::string_view> allowed);
std::string duplicate_key(std::string_view key, int first_line);
std::string key_not_scalar(std::string_view found);
std::string missing_key(std::string_view key);

// Values. `found` is what describe() in reader.hpp gives: 'text', a map, a list, empty.
std::string must_be(std::string_view key, std::string_view expectation, std::string_view found);
std::string unknown(std::string_view title, std::string_view text,
                    std::optional<std::string_view> suggestion,
                    std::span<const std::string_view> choices);
std::string over_cap(std::string_view key, std::uint64_t bytes, std::uint32_t cap_bytes);
std::string negative(std::string_view key, std::string_view text);
std::string needs_unit(std::string_view key, std::string_view text);
std::string unknown_unit(std::string_view unit, std::string_view text,
                         std::optional<std::string_view> suggestion,
                         std::span<const std::string_view> units);
std::string fractional_us(std::string_view key, std::string_view text);
std::string time_too_large(std::string_view key, std::string_view text);
std::string timeout_not_ms(std::string_view text);
std::string timeout_too_large(std::string_view text);
std::string bad_hex(std::string_view text);

// Time line.
std::string at_and_after();
std::string time_backwards(std::int64_t at_us, std::int64_t previous_us);
std::string time_past_end(std::int64_t at_us);
std::string until_before_step(std::int64_t until_us, std::int64_t step_us);

// Shape of steps and sockets.
std::string step_without_kind();
std::string step_with_two_kinds(std::string_view first, std::string_view second);
std::string takes_no_socket(std::string_view kind, std::string_view verb);
std::string no_sockets();
std::string bad_socket_id(std::string_view id);
std::string bad_slug(std::string_view text);
std::string bad_address(std::string_view key, std::string_view text);
std::string two_directions();
std::string notify_needs_overlapped();
std::string fail_needs_call_or_pending();
std::string fail_call_and_pending();
std::string object_item_shape();
std::string flowspec_needs_service_type(std::string_view key);

// Network scenarios.
std::string needs_network(std::string_view what);
std::string bad_ipv4(std::string_view key, std::string_view text);
std::string bad_probability(std::string_view key, std::string_view text);
std::string duplicate_name(std::string_view title, std::string_view name);
std::string node_needs_one_kind();
std::string not_a_host(std::string_view key, std::string_view node);
std::string self_link(std::string_view node);
std::string link_ends();
std::string k_at_least_one();
std::string port_range(std::string_view key, std::uint32_t value);
std::string mtu_range(std::string_view key, std::uint32_t value);
std::string senders_for_style(std::string_view style);
std::string sender_of_other_session(std::string_view sender, std::string_view session);
std::string socket_role(std::string_view socket, std::string_view needed);
std::string decided_by_application(std::string_view key, std::string_view kind,
                                   std::string_view socket);
// `written` (what the entry says) against `fixed` (what the application's declaration says),
// which was written at `other`.
std::string driven_conflict(std::string_view written, std::string_view fixed, const Mark& other);
// listen and accept in the wrong place (D38); `other` is the socket's declaration or the step
// that already accepted.
std::string listen_needs_tcp(std::string_view socket, const Mark& other);
std::string listen_needs_bind(std::string_view socket);
std::string accept_needs_listen(std::string_view socket);
std::string accept_needs_remote(std::string_view socket, const Mark& other);
std::string accepted_already(std::string_view socket, const Mark& other);
std::string port_without_bind(std::string_view kind, std::string_view socket, const Mark& other);
std::string stopped_by_application(std::string_view key, std::string_view name,
                                   std::string_view socket);
std::string state_needs(std::string_view key, std::string_view needed);
std::string no_state_check();
std::string policy_without_rsvp(std::string_view node);
std::string policy_needs_a_limit();
std::string policy_users_empty();
std::string user_on_router(std::string_view node);

}  // namespace qosbed::scenario::msg
