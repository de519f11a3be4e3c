#include "scenario/messages.hpp"

#include "scenario/limits.hpp"
#include "scenario/writer.hpp"

namespace qosbed::scenario::msg {
namespace {

std::string quoted(std::string_view text) {
  return "'" + std::string(text) + "'";
}

std::string joined(std::span<const std::string_view> words) {
  std::string out;
  for (std::string_view word : words) {
    if (!out.empty()) out += ", ";
    out += word;
  }
  return out;
}

// " (did you mean 'X'?)", else " (expected one of: a, b)" for a short list, else nothing.
std::string hint(std::optional<std::string_view> suggestion,
                 std::span<const std::string_view> choices) {
  if (suggestion) return " (did you mean " + quoted(*suggestion) + "?)";
  if (!choices.empty()) return " (expected one of: " + joined(choices) + ")";
  return "";
}

}  // namespace

std::string cannot_read(std::string_view path) {
  return "cannot read " + quoted(path);
}
std::string file_too_large(std::size_t cap_bytes) {
  return "file is larger than " + std::to_string(cap_bytes) + " bytes";
}
std::string nested_past_caps(int max_flow_depth, int max_indent_columns) {
  return "nested too deeply: more than " + std::to_string(max_flow_depth) +
         " open brackets, or content past column " + std::to_string(max_indent_columns);
}
std::string too_many_steps(std::size_t count, std::size_t cap) {
  return std::to_string(count) + " steps, more than " + std::to_string(cap) +
         " steps; split the scenario";
}
std::string invalid_yaml(std::string_view detail) {
  return "invalid YAML: " + std::string(detail);
}
std::string control_byte(unsigned value) {
  static constexpr char digits[] = "0123456789abcdef";
  return std::string("not a text file: control byte 0x") + digits[value >> 4] + digits[value & 0xF];
}
std::string too_deep() {
  return "invalid YAML: nested too deeply";
}
std::string empty_file() {
  return "empty file: a scenario is a map with 'scenario', 'sockets' and 'steps'";
}
std::string second_document() {
  return "a scenario file holds one YAML document, not several";
}

std::string unknown_key(std::string_view key, std::optional<std::string_view> suggestion,
                        std::span<const std::string_view> allowed) {
  return "unknown key " + quoted(key) + hint(suggestion, allowed);
}
std::string duplicate_key(std::string_view key, int first_line) {
  return "duplicate key " + quoted(key) + " (first on line " + std::to_string(first_line) + ")";
}
std::string key_not_scalar(std::string_view found) {
  return "a key must be a plain name, not " + std::string(found);
}
std::string missing_key(std::string_view key) {
  return "missing required key " + quoted(key);
}

std::string must_be(std::string_view key, std::string_view expectation, std::string_view found) {
  const std::string subject = key.empty() ? std::string("the document") : quoted(key);
  return subject + " must be " + std::string(expectation) + ", not " + std::string(found);
}
std::string unknown(std::string_view title, std::string_view text,
                    std::optional<std::string_view> suggestion,
                    std::span<const std::string_view> choices) {
  return "unknown " + std::string(title) + " " + quoted(text) + hint(suggestion, choices);
}
std::string over_cap(std::string_view key, std::uint64_t bytes, std::uint32_t cap_bytes) {
  return quoted(key) + " is " + std::to_string(bytes) + " bytes, over the cap of " +
         std::to_string(cap_bytes) + " (1 MiB)";
}
std::string negative(std::string_view key, std::string_view text) {
  return quoted(key) + " must not be negative, not " + quoted(text);
}
std::string needs_unit(std::string_view key, std::string_view text) {
  return quoted(key) + " needs a time unit (us, ms or s): " + quoted(text);
}
std::string unknown_unit(std::string_view unit, std::string_view text,
                         std::optional<std::string_view> suggestion,
                         std::span<const std::string_view> units) {
  return "unknown time unit " + quoted(unit) + " in " + quoted(text) + hint(suggestion, units);
}
std::string fractional_us(std::string_view key, std::string_view text) {
  return quoted(key) + " must be a whole number of microseconds, not " + quoted(text);
}
std::string time_too_large(std::string_view key, std::string_view text) {
  return quoted(key) + " must be at most " + duration_text(limits::max_time_us) + ", not " +
         quoted(text);
}
std::string timeout_not_ms(std::string_view text) {
  return "'timeout' must be a whole number of milliseconds (Winsock waits take DWORD ms), not " +
         quoted(text);
}
std::string timeout_too_large(std::string_view text) {
  return "'timeout' must be under 4294967295ms (write 'infinite' to wait forever), not " +
         quoted(text);
}
std::string bad_hex(std::string_view text) {
  return "'hex' must be pairs of hex digits, not " + quoted(text);
}

std::string at_and_after() {
  return "a step takes 'at' or 'after', not both";
}
std::string time_backwards(std::int64_t at_us, std::int64_t previous_us) {
  return "time goes backwards: " + duration_text(at_us) + " is before the previous step's " +
         duration_text(previous_us);
}
std::string time_past_end(std::int64_t at_us) {
  return "step time " + duration_text(at_us) + " is past " + duration_text(limits::max_time_us);
}
std::string until_before_step(std::int64_t until_us, std::int64_t step_us) {
  return "'until' " + duration_text(until_us) + " is before this step's time " +
         duration_text(step_us);
}

std::string step_without_kind() {
  return "a step needs one of 'app', 'sp' or 'expect'";
}
std::string step_with_two_kinds(std::string_view first, std::string_view second) {
  return "a step does one thing: it has both " + quoted(first) + " and " + quoted(second);
}
std::string takes_no_socket(std::string_view kind, std::string_view verb) {
  return quoted(std::string(kind) + ": " + std::string(verb)) + " takes no 'socket'";
}
std::string no_sockets() {
  return "'sockets' must name at least one socket";
}
std::string bad_socket_id(std::string_view id) {
  return "socket id " + quoted(id) + " must be letters, digits, '_' or '-'";
}
std::string bad_slug(std::string_view text) {
  return "'scenario' must be a slug of lowercase letters, digits and '-', not " + quoted(text);
}
std::string bad_address(std::string_view key, std::string_view text) {
  return quoted(key) + " must be an IPv4 address and port such as 10.0.0.2:5000, not " +
         quoted(text);
}
std::string two_directions() {
  return "an fd_qos carries one direction: 'sending' or 'receiving', not both";
}
std::string notify_needs_overlapped() {
  return "'notify' applies only to mode: overlapped";
}
std::string fail_needs_call_or_pending() {
  return "'sp: fail' needs 'call' or 'pending: true'";
}
std::string fail_call_and_pending() {
  return "'sp: fail' takes 'call' or 'pending: true', not both";
}
std::string flowspec_needs_service_type(std::string_view key) {
  return quoted(key) +
         " needs 'service_type': a FLOWSPEC that is passed or delivered says which service it "
         "is (controlled_load, guaranteed, best_effort, no_change, ...)";
}
std::string object_item_shape() {
  return "an object is 'end_of_list' or a map with one key: adspec, sd_mode, shaping_rate or raw";
}

std::string needs_network(std::string_view what) {
  return std::string(what) + " needs a top-level 'network:' section";
}
std::string bad_ipv4(std::string_view key, std::string_view text) {
  return quoted(key) + " must be a dotted IPv4 address such as 10.0.0.1, not " + quoted(text);
}
std::string bad_probability(std::string_view key, std::string_view text) {
  return quoted(key) + " must be a probability from 0 to 1 such as 0.3, not " + quoted(text);
}
std::string duplicate_name(std::string_view title, std::string_view name) {
  return "two " + std::string(title) + "s named " + quoted(name);
}
std::string node_needs_one_kind() {
  return "a node is a map with one of 'host', 'router' or 'non_rsvp_router' (its address)";
}
std::string not_a_host(std::string_view key, std::string_view node) {
  return quoted(key) + " must be a host, and " + quoted(node) + " is a router";
}
std::string self_link(std::string_view node) {
  return "a link joins two different nodes, not " + quoted(node) + " to itself";
}
std::string link_ends() {
  return "'between' must be a list of two node names";
}
std::string k_at_least_one() {
  return "'k' must be at least 1";
}
std::string port_range(std::string_view key, std::uint32_t value) {
  return quoted(key) + " must be a port from 0 to 65535, not " + std::to_string(value);
}
std::string mtu_range(std::string_view key, std::uint32_t value) {
  return quoted(key) + " must be an MTU from 68 to 65535 bytes (RFC 791), not " +
         std::to_string(value);
}
std::string senders_for_style(std::string_view style) {
  if (style == "WF") return "a WF reservation is for every sender: it takes no 'senders'";
  return "an " + std::string(style) + " reservation needs 'senders', the senders it is for";
}
std::string sender_of_other_session(std::string_view sender, std::string_view session) {
  return "sender " + quoted(sender) + " does not send to session " + quoted(session);
}
std::string socket_role(std::string_view socket, std::string_view needed) {
  return "socket " + quoted(socket) + " must have role " + std::string(needed) + " or both";
}
namespace {
std::string place(const Mark& mark) {
  return mark.file + ":" + std::to_string(mark.line) + ":" + std::to_string(mark.column);
}
}  // namespace

std::string listen_needs_tcp(std::string_view socket, const Mark& other) {
  return "'listen' needs a TCP socket: socket " + quoted(socket) + ", declared at " + place(other) +
         ", is UDP";
}
std::string listen_needs_bind(std::string_view socket) {
  return "'listen' needs socket " + quoted(socket) + " bound by an earlier 'bind' step";
}
std::string accept_needs_listen(std::string_view socket) {
  return "'accept' needs an earlier 'listen' on socket " + quoted(socket);
}
std::string accept_needs_remote(std::string_view socket, const Mark& other) {
  return "'accept' takes the connection from the socket's 'remote:', and socket " + quoted(socket) +
         ", declared at " + place(other) + ", has none";
}
std::string accepted_already(std::string_view socket, const Mark& other) {
  return "socket " + quoted(socket) + " accepted its one connection already, at " + place(other);
}

std::string decided_by_application(std::string_view key, std::string_view kind,
                                   std::string_view socket) {
  return "a " + std::string(kind) + " that names socket " + quoted(socket) + " takes no " +
         quoted(key) + ": the socket's application decides it by its calls";
}
std::string driven_conflict(std::string_view written, std::string_view fixed, const Mark& other) {
  return std::string(written) + " disagrees with " + std::string(fixed) + " at " + place(other);
}
std::string port_without_bind(std::string_view kind, std::string_view socket, const Mark& other) {
  return "'port' of a " + std::string(kind) + " driven by socket " + quoted(socket) +
         ", which binds no port of its own at " + place(other) + ": give it 'local' with the port";
}
std::string stopped_by_application(std::string_view key, std::string_view name,
                                   std::string_view socket) {
  return std::string(key) + " " + quoted(name) + " is driven by socket " + quoted(socket) +
         ": its application ends it (close, shutdown, connect with no address, set_qos)";
}
std::string state_needs(std::string_view key, std::string_view needed) {
  return quoted(key) + " needs " + std::string(needed);
}
std::string policy_needs_a_limit() {
  return "a policy needs 'max_rate' (reservations), 'max_sender_rate' (senders), 'users' (the "
         "identities it admits) or several";
}
std::string policy_users_empty() {
  return "'users' must name at least one user: a policy that admits no one refuses every PATH "
         "and RESV";
}
std::string user_on_router(std::string_view node) {
  return "node " + quoted(node) + " is a router: only a host's RSVP SP names its user";
}
std::string policy_without_rsvp(std::string_view node) {
  return "node " + quoted(node) + " does not run RSVP: it has no policy control";
}
std::string no_state_check() {
  return "expect: state needs one of path_state, resv_state, blockade, reservation, reserved, "
         "adspec, delay_bound";
}

}  // namespace qosbed::scenario::msg
