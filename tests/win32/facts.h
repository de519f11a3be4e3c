/* What the facts files share: the Win32 headers a GQoS client includes, and one constant per
 * fact, named fact_<kind>_<what>. The win32_headers_match_sdk test (tests/win32/win32.cmake)
 * compiles each facts file to assembly twice, against qosbed's headers (sim/win32/include) and
 * against mingw-w64's Windows SDK, and compares every constant (tests/win32/sdk_facts.cmake). */
#ifndef QOSBED_TESTS_WIN32_FACTS_H
#define QOSBED_TESTS_WIN32_FACTS_H

#include <mswsock.h>
#include <qos.h>
#include <qosname.h>
#include <qossp.h>
#include <stddef.h>
#include <winsock2.h>
#include <ws2tcpip.h>

/* The size of a type. */
#define SIZE(name, type) const unsigned long long fact_size_##name = sizeof(type);
/* Where a field lies. */
#define OFFSET(name, type, field) \
  const unsigned long long fact_offset_##name = offsetof(type, field);
/* A macro's value, as an unsigned 64-bit number. */
#define VALUE(macro) const unsigned long long fact_value_##macro = (unsigned long long)(macro);

#endif /* QOSBED_TESTS_WIN32_FACTS_H */
