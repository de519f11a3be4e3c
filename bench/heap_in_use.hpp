// The heap a process holds, for the memory figures of the benchmarks: the chunks malloc handed
// out from its arenas (mallinfo2's uordblks, its own overhead included) and the large blocks it
// mapped on their own (hblkhd). Both count: glibc maps a block of 128 KiB or more by itself
// until it has freed one, then raises that threshold, so the same vector is counted under one
// or the other depending on what ran before it.
#pragma once

#include <malloc.h>

#include <cstddef>

namespace qosbed::bench {

inline std::size_t heap_in_use() {
  const struct mallinfo2 info = mallinfo2();
  return info.uordblks + info.hblkhd;
}

}  // namespace qosbed::bench
