#!/bin/sh
# The tests that run a Windows program under Wine start through here (tests/win32/wine.cmake): the
# test's command runs when Wine is installed (wine64 or wine on PATH, as qosbed looks for it), and
# otherwise the test exits 77, which CTest counts as skipped (SKIP_RETURN_CODE), never as passed.
if ! command -v wine64 >/dev/null 2>&1 && ! command -v wine >/dev/null 2>&1; then
  echo "no Wine (wine64 or wine on PATH): skipped"
  exit 77
fi
exec "$@"
