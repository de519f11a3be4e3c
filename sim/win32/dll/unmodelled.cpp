// The functions of ws2_32.dll that qosbed does not model (ws2_32.exports), and the calls of
// kernel32 and user32 the DLL takes over only to refuse them (hooks.hpp): each ends the program,
// naming itself, and fails the run. None returns, so none needs its real parameters.
#include "hooks.hpp"
#include "win32/client/session.hpp"

#define QOSBED_UNMODELLED(name)                             \
  extern "C" [[noreturn]] void qosbed_unmodelled_##name() { \
    ::qosbed::win32::client::unsupported(#name);            \
  }

// Generated from ws2_32.exports, one QOSBED_UNMODELLED(NAME) a line.
#include "ws2_32_unmodelled.inc"

QOSBED_UNMODELLED_KERNEL32(QOSBED_UNMODELLED)
QOSBED_UNMODELLED_USER32(QOSBED_UNMODELLED)
