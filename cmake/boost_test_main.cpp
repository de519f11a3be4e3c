// Boost.Test's framework and main(), header-only, for builds without Boost binaries (Windows):
// the test files define BOOST_TEST_MODULE themselves, as they would with the static library.
#include <boost/test/included/unit_test.hpp>
