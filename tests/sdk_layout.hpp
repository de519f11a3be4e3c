// The SDK's own types and macros beside qosbed's portable ones: the checks of sim/gqos against
// <winsock2.h>, <qos.h> and <qossp.h>, shared by the layout test and by the deliberately wrong
// check that must fail to compile; against the SDK on Windows, against sim/win32/include elsewhere.
#pragma once

// Keep <windows.h> from defining min/max macros and pulling in the old winsock.h.
#ifndef NOMINMAX
#define NOMINMAX
#endif
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
// The SDK first: qosbed's headers must compile after all of its macros are defined.
#include <winsock2.h>
#include <ws2tcpip.h>

// After <winsock2.h>, whose types they use.
#include <qos.h>
#include <qossp.h>

#include <cstddef>
#include <utility>

#include "gqos/constants.hpp"
#include "gqos/layout.hpp"

// The SDK struct and qosbed's have the same size.
#define QOSBED_SAME_SIZE(sdk_type, our_type)          \
  static_assert(sizeof(sdk_type) == sizeof(our_type), \
                "size of " #sdk_type " differs from " #our_type)

// An SDK field lies at the same offset, and is as wide, as qosbed's.
#define QOSBED_SAME_FIELD(sdk_type, sdk_field, our_type, our_field)                               \
  static_assert(offsetof(sdk_type, sdk_field) == offsetof(our_type, our_field),                   \
                "offset of " #sdk_type "." #sdk_field " differs from " #our_type "." #our_field); \
  static_assert(                                                                                  \
      sizeof(std::declval<sdk_type&>().sdk_field) == sizeof(std::declval<our_type&>().our_field), \
      "size of " #sdk_type "." #sdk_field " differs from " #our_type "." #our_field)

// An SDK macro has qosbed's value, compared without truncation. static_cast's parentheses also
// group macros that lack their own (SIO_CHK_QOS is `a | b | ...`).
#define QOSBED_SAME_VALUE(sdk_macro, ours)                                                 \
  static_assert(                                                                           \
      static_cast<unsigned long long>(sdk_macro) == static_cast<unsigned long long>(ours), \
      "value of " #sdk_macro " differs from " #ours)
