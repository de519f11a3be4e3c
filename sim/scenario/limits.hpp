// The caps the loader enforces on hostile or mistaken input, named so docs and tests agree.
#pragma once

#include <cstddef>
#include <cstdint>

#include "scenario/scenario.hpp"

namespace qosbed::scenario::limits {

// Output buffers (`buffer:`, `initial_buffer:`): far above any real QOS (a few hundred bytes),
// small enough that a typo cannot make the runner allocate gigabytes.
inline constexpr std::uint32_t max_buffer_bytes = 1u << 20;

// Any time or duration: 10^9 s keeps sums of many steps far from int64 overflow.
inline constexpr std::int64_t max_time_us = 1'000'000'000'000'000;

// A wait's timeout in ms must be below INFINITE (0xFFFFFFFF), which `infinite` stands for.
inline constexpr std::uint64_t max_timeout_ms = 0xFFFFFFFEu;

// Scenario files are a few kilobytes; refuse anything absurd before parsing it.
inline constexpr std::size_t max_file_bytes = 16u << 20;

// Nesting, checked by a scan of the text before yaml-cpp parses (and recurses into) it: flow
// brackets ([ {) open at once, and the column where a line's content starts after its
// indentation and "- " indicators. Scenarios nest a few levels; yaml-cpp's own guard is deeper.
inline constexpr int max_flow_depth = 64;
inline constexpr int max_indent_columns = 256;

// Steps in one scenario, checked before any is read (aliases can repeat a step cheaply).
inline constexpr std::size_t max_steps = 1'000'000;

// A raw object's body, from its hex digits.
inline constexpr std::size_t max_raw_body_bytes = 1u << 16;

}  // namespace qosbed::scenario::limits
