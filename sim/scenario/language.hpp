// The scenario language's structure, in one table: every map's keys with the kind of value each
// takes and whether it is needed, the words of each closed set, and the step kinds with their
// verbs, each with the keys it takes and whether it names a socket. The loader checks a file's
// keys, verbs and words against it; `qosbed schema` prints it as a JSON Schema (cli/schema.cpp),
// so the two cannot drift apart (tests/schema_test.py checks them against each other).
//
// What a value means and how it is read stays with the loader's readers (read_*.cpp); what needs
// the whole file (time order, declared sockets, names) is the loader's alone.
#pragma once

#include <span>
#include <string_view>

namespace qosbed::scenario::language {

// The kinds of value: each is one definition of the schema, read by one of the loader's readers.
enum class Value {
  text,             // any scalar
  slug,             // lowercase words of letters and digits joined by single '-'
  number,           // 0 to 4294967295
  field,            // a number or not_specified (a FLOWSPEC or ADSPEC field)
  bytes,            // a byte count up to limits::max_buffer_bytes
  buffer,           // bytes, or `required`
  name,             // a gqos name or a number
  duration,         // digits, an optional fraction, then us, ms or s
  timeout,          // a duration or `infinite`
  address,          // a.b.c.d:port
  ipv4,             // a.b.c.d
  socket_id,        // letters, digits, '_' and '-'
  boolean,          // true or false
  probability,      // 0 to 1
  integer,          // a whole number, negative too
  port,             // 0 to 65535
  round_count,      // K: 1 to 1000
  hex,              // pairs of hex digits, spaces between bytes allowed
  always,           // true: the only value that says something
  word,             // one of Key::words
  words,            // a list of Key::words
  socket_ids,       // a list of socket ids
  texts,            // a list of names
  pair_of_texts,    // a list of two names
  extended_status,  // [ExtendedStatus1, ExtendedStatus2], each a name or a number
  objects,          // a list of ProviderSpecific objects (Key::map: the kinds, one key each)
  map,              // a map with Key::map's keys
  named_maps,       // names, each to a map with Key::map's keys
  maps,             // a list of maps with Key::map's keys
  steps,            // the list of steps
};

struct Map;

struct Key {
  constexpr Key(std::string_view name, Value value, bool required = false,
                std::span<const std::string_view> words = {}, const Map* map = nullptr,
                std::string_view description = {})
      : name(name),
        value(value),
        required(required),
        words(words),
        map(map),
        description(description) {}

  std::string_view name;
  Value value;
  bool required;
  std::span<const std::string_view> words;  // Value::word, Value::words
  const Map* map;                           // Value::map, named_maps, maps, objects
  std::string_view description;
};

struct Map {
  constexpr Map(std::string_view name, std::span<const Key> keys, std::string_view description = {},
                std::size_t one_of = 0)
      : name(name), keys(keys), description(description), one_of(one_of) {}

  std::string_view name;  // what the schema calls its definition
  std::span<const Key> keys;
  std::string_view description;
  // Exactly one of the first `one_of` keys is written (a node is a host or a router, and may
  // name its user; an object is one kind); 0: no such rule.
  std::size_t one_of;
};

enum class SocketUse { required, optional, none };

struct Verb {
  constexpr Verb(std::string_view name, SocketUse socket, std::span<const Key> keys,
                 std::span<const std::string_view> exclusive = {}, bool one_needed = false)
      : name(name), socket(socket), keys(keys), exclusive(exclusive), one_needed(one_needed) {}

  std::string_view name;
  SocketUse socket;
  std::span<const Key> keys;  // besides at, after, socket and the step's kind
  // Keys that exclude one another: at most one is written, or, with one_needed, exactly one.
  std::span<const std::string_view> exclusive;
  bool one_needed;
};

struct StepKind {
  std::string_view key;    // "app", "sp", "net", "expect"
  std::string_view title;  // what messages call its verbs: "app verb", "expect kind"
  std::span<const Verb> verbs;
};

// The keys every step may have besides its kind, its verb's keys and `socket`.
inline constexpr std::string_view at_key = "at";
inline constexpr std::string_view after_key = "after";

const Map& top();
const Map& decisions();
const Map& socket();
const Map& qos();
const Map& flowspec();  // a given FLOWSPEC needs service_type: given_flowspec()
const Map& given_flowspec();
const Map& object_kinds();  // one key each: adspec, sd_mode, shaping_rate, raw (or end_of_list)
const Map& adspec();
const Map& guaranteed();
const Map& raw();
const Map& network();
const Map& network_decisions();
const Map& node();
const Map& link();
const Map& session();
const Map& sender();
const Map& receiver();
const Map& policy();

// app, sp, net and expect, in that order.
std::span<const StepKind> step_kinds();
const StepKind& step_kind(std::string_view key);
// The object that stands alone, without a map: `end_of_list`.
inline constexpr std::string_view end_of_list = "end_of_list";

// The closed sets of words, in the order messages list them.
std::span<const std::string_view> roles();
std::span<const std::string_view> protocols();
std::span<const std::string_view> profiles();
std::span<const std::string_view> pending_policies();
std::span<const std::string_view> modes();          // overlapped, sync
std::span<const std::string_view> notifications();  // routine, event
std::span<const std::string_view> network_events();
std::span<const std::string_view> directions();
std::span<const std::string_view> failing_calls();
std::span<const std::string_view> styles();
std::span<const std::string_view> presences();
std::span<const std::string_view> messages();
std::span<const std::string_view> actions();
std::span<const std::string_view> no_address();     // none: connect's `remote:`
std::span<const std::string_view> shutdown_hows();  // receive, send, both
std::span<const std::string_view> join_flags();     // sender_only, receiver_only, both

// A key's names, for messages that list what a map takes.
bool has_key(std::span<const Key> keys, std::string_view name);

}  // namespace qosbed::scenario::language
