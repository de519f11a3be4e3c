// What a scenario says about the RSVP SP it plays against (`profile:`, `pending:`, `decisions:`,
// `admission_limit:`), as plain values. The runner turns them into the emulator's options
// (runner/emulator_options.hpp); a decision the file does not choose stays the one
// docs/behaviour.md gives.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace qosbed::scenario {

// Which Windows' RSVP SP to behave as (docs/behaviour.md, Profiles).
enum class Profile { windows_2000, windows_xp, windows_2003, no_qos_provider };

// What becomes of an indication that arrives while no SIO_GET_QOS is pending (R9, D12).
enum class PendingPolicy { queue, coalesce, drop };

// A value and its spelling in a scenario file.
template <typename T>
struct Spelling {
  T value;
  std::string_view name;
};

// "windows-2000", ... and "queue", ...: the words the reader accepts and a writer writes.
std::span<const Spelling<Profile>> profile_spellings();
std::span<const Spelling<PendingPolicy>> pending_spellings();
std::string_view name_of(Profile profile);
std::string_view name_of(PendingPolicy policy);

// `decisions:`: each behaviour a scenario chooses otherwise than docs/behaviour.md; unset keeps
// the documented one.
struct Decisions {
  std::optional<std::uint32_t> sender_not_connected;    // R3 D2: SIO_GET_QOS too early
  std::optional<std::uint32_t> receiver_not_bound;      // R3 D2
  std::optional<std::uint32_t> short_buffer;            // R5 D7: a buffer under 4 bytes
  std::optional<bool> enobufs_keeps_indication;         // R5 D5: the reissue receives it
  std::optional<std::uint32_t> nothing_queued;          // R7 D8: synchronous, nothing queued
  std::optional<std::uint32_t> unused_flowspec_fields;  // R2 D9: the other FLOWSPEC
  std::optional<std::uint32_t> invalid_flowspec;        // R10 D17, D34: a FLOWSPEC refused
  std::optional<std::uint32_t> no_qos_provider_query;   // SIO_GET_QOS under no-qos-provider
};

struct SpOptions {
  Profile profile = Profile::windows_2000;
  PendingPolicy pending = PendingPolicy::queue;
  Decisions decisions;
  // A requested TokenRate above it (bytes/s) fails with WSAEOPNOTSUPP (R10); no limit when unset.
  std::optional<std::uint32_t> admission_limit;
};

}  // namespace qosbed::scenario
